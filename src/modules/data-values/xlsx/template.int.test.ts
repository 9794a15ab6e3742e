import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../server/testing/test-app.js';
import { testStoreKinds } from '../../../store/testing/test-store.js';
import { loadDataEntryFixture } from '../entry/testing/data-entry-fixture.js';
import { XLSX_CONTENT_TYPE } from './template.schema.js';
import { arrayBufferOf } from './testing/array-buffer.js';
import { readXlsxDataValues } from './xlsx-reader.js';

const BIRTH_TITLES = ['男 一孩', '男 二孩', '男 三孩及以上', '女 一孩', '女 二孩', '女 三孩及以上'].map(
  (options) => `出生人数 ${options}`,
);
const BIRTH_COMBOS = ['M.1', 'M.2', 'M.3P', 'F.1', 'F.2', 'F.3P'];

describe.each(testStoreKinds())('XLSX entry template (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadDataEntryFixture(server.store.db);
  });
  afterAll(async () => server?.close());

  async function download(query: string) {
    const response = await server.fetch(`${server.baseUrl}/api/dataSets/MONTHLY/template.xlsx?${query}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(bytes));
    return workbook.worksheets[0]!;
  }

  const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
    (sheet.getRow(row).values as unknown[]).slice(1);

  it('downloads a workbook with Chinese headers, the period, hidden machine keys and every assigned township', async () => {
    const { status, type, bytes } = await download('period=202601');
    expect(status).toBe(200);
    expect(type).toBe(XLSX_CONTENT_TYPE);
    const sheet = await sheetOf(bytes);
    expect(sheet.name).toBe('出生月报');
    expect(rowValues(sheet, 1)).toEqual([
      '数据集',
      '出生月报 (MONTHLY)',
      '报告期',
      '202601',
      '来源',
      '统计报表',
    ]);
    expect(rowValues(sheet, 2)).toEqual(['机构代码', '机构名称', ...BIRTH_TITLES, '常住人口']);
    expect(rowValues(sheet, 3)).toEqual([
      'tiaodu:template:v1',
      'MONTHLY',
      ...BIRTH_COMBOS.map((combo) => `BIRTHS|${combo}|STAT`),
      'POP|default|STAT',
    ]);
    expect(sheet.getRow(3).hidden).toBe(true);
    const units = [4, 5, 6, 7].map((row) => rowValues(sheet, row));
    expect(units).toEqual([
      ['QS0101', '东街街道'],
      ['QS0102', '南湖镇'],
      ['QS0201', '石桥镇'],
      ['QS0202', '柳河乡'],
    ]);
    expect(sheet.actualRowCount).toBe(7);
  });

  it('keeps to the assigned descendants of a parent org unit, and to the sources asked for', async () => {
    const sheet = await sheetOf((await download('period=202601&orgUnit=QS01&source=HOSP')).bytes);
    expect([4, 5].map((row) => sheet.getCell(row, 1).value)).toEqual(['QS0101', 'QS0102']);
    expect(sheet.actualRowCount).toBe(5);
    expect(sheet.getCell(3, 3).value).toBe('BIRTHS|M.1|HOSP');
    expect(sheet.getCell(1, 6).value).toBe('住院分娩');
  });

  it('reads a template filled in with exceljs back as the values typed, row numbers included', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf((await download('period=202601&orgUnit=QS02')).bytes));
    const sheet = workbook.worksheets[0]!;
    sheet.getCell(4, 3).value = 5; // QS0201 BIRTHS M.1
    sheet.getCell(5, 9).value = 38000; // QS0202 POP
    const rows = [];
    for await (const row of readXlsxDataValues(Readable.from(Buffer.from(await workbook.xlsx.writeBuffer()))))
      rows.push(row);
    expect(rows).toEqual([
      {
        line: 4,
        dataElement: 'BIRTHS',
        period: '202601',
        orgUnit: 'QS0201',
        categoryOptionCombo: 'M.1',
        attributeOptionCombo: 'STAT',
        value: '5',
      },
      {
        line: 5,
        dataElement: 'POP',
        period: '202601',
        orgUnit: 'QS0202',
        categoryOptionCombo: 'default',
        attributeOptionCombo: 'STAT',
        value: '38000',
      },
    ]);
  });

  it('answers 400 for a period of another type and 404 for an unknown data set, org unit or source', async () => {
    const quarter = await download('period=2026Q1');
    expect(quarter.status).toBe(400);
    expect(JSON.parse(quarter.bytes.toString()).error.code).toBe('VALIDATION_FAILED');
    expect((await download('period=202601&orgUnit=NOPE')).status).toBe(404);
    expect((await download('period=202601&source=NOPE')).status).toBe(404);
    const response = await server.fetch(`${server.baseUrl}/api/dataSets/NOPE/template.xlsx?period=202601`);
    expect(response.status).toBe(404);
  });
});
