import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../server/testing/test-app.js';
import { testStoreKinds } from '../../../store/testing/test-store.js';
import { loadDataEntryFixture } from '../entry/testing/data-entry-fixture.js';
import { importDataValues } from '../import/index.js';
import { XLSX_CONTENT_TYPE } from './template.schema.js';
import { arrayBufferOf } from './testing/array-buffer.js';
import { readXlsxDataValues } from './xlsx-reader.js';

describe.each(testStoreKinds())('filling the XLSX template and importing it (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadDataEntryFixture(server.store.db);
  });
  afterAll(async () => server?.close());

  /** Downloads the template of QS02 for `period`, types `cells` ({'row,column': value}) and saves it. */
  async function filledTemplate(period: string, cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
    const response = await server.fetch(
      `${server.baseUrl}/api/dataSets/MONTHLY/template.xlsx?period=${period}&orgUnit=QS02`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(Buffer.from(await response.arrayBuffer())));
    const sheet = workbook.worksheets[0]!;
    for (const [at, value] of Object.entries(cells)) {
      const [row, column] = at.split(',').map(Number);
      sheet.getCell(row!, column!).value = value;
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function storedValues(period: string): Promise<string[]> {
    const response = await server.fetch(
      `${server.baseUrl}/api/dataValueSets?dataSet=MONTHLY&period=${period}&format=csv`,
    );
    return (await response.text())
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(0, 6).join(','))
      .sort();
  }

  it('stores the values typed into the template through the import pipeline', async () => {
    const file = await filledTemplate('202601', { '4,3': 5, '4,6': 4, '5,9': 38000 });
    const summary = await importDataValues(server.store.db, readXlsxDataValues(Readable.from(file)), {
      storedBy: 'xlsx',
    });
    expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 3 } });
    expect(await storedValues('202601')).toEqual([
      'BIRTHS,202601,QS0201,F.1,STAT,4',
      'BIRTHS,202601,QS0201,M.1,STAT,5',
      'POP,202601,QS0202,default,STAT,38000',
    ]);
  });

  it('names the Excel row of a refused cell in the conflicts', async () => {
    const file = await filledTemplate('202602', { '4,3': 5, '5,4': 'abc' });
    const summary = await importDataValues(server.store.db, readXlsxDataValues(Readable.from(file)));
    expect(summary.status).toBe('ERROR');
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ row: 5, property: 'value', object: 'abc' }),
    ]);
    expect(await storedValues('202602')).toEqual([]);
  });

  it('imports a filled template posted to /api/dataValueSets as XLSX', async () => {
    const file = await filledTemplate('202603', { '4,3': 2, '5,3': 3 });
    const response = await server.fetch(`${server.baseUrl}/api/dataValueSets`, {
      method: 'POST',
      headers: { 'content-type': XLSX_CONTENT_TYPE },
      body: new Uint8Array(file),
    });
    const body = (await response.json()) as { error?: { code: string }; importCount?: unknown };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 } });
    expect(await storedValues('202603')).toEqual([
      'BIRTHS,202603,QS0201,M.1,STAT,2',
      'BIRTHS,202603,QS0202,M.1,STAT,3',
    ]);
  });
});
