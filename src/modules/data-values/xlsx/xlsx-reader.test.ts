import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { type TemplateSpec, writeTemplate } from './template-writer.js';
import { arrayBufferOf } from './testing/array-buffer.js';
import { readXlsxDataValues } from './xlsx-reader.js';

const spec: TemplateSpec = {
  dataSet: { code: 'MONTHLY', name: '出生月报' },
  period: '202601',
  sources: [{ code: 'STAT', name: '统计报表' }],
  columns: [
    { dataElement: 'BIRTHS', categoryOptionCombo: 'M.1', source: 'STAT', title: '出生人数 男 一孩' },
    { dataElement: 'BIRTHS', categoryOptionCombo: 'F.1', source: 'STAT', title: '出生人数 女 一孩' },
    { dataElement: 'POP', categoryOptionCombo: 'default', source: 'STAT', title: '常住人口' },
  ],
  orgUnits: [
    { code: 'QS0101', name: '东街街道' },
    { code: 'QS0102', name: '南湖镇' },
  ],
};

async function templateBuffer(): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeTemplate(spec, sink);
  return Buffer.concat(chunks);
}

async function readAll(buffer: Buffer): Promise<TRawDataValueRow[]> {
  const rows: TRawDataValueRow[] = [];
  for await (const row of readXlsxDataValues(Readable.from(buffer))) rows.push(row);
  return rows;
}

async function expectNotTemplate(buffer: Buffer, reason: string): Promise<void> {
  const error = await readAll(buffer).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_IMPORT');
  expect((error as AppError).message).toMatch(/^not a tiaodu template: /);
  expect((error as AppError).message).toContain(reason);
}

describe('readXlsxDataValues', () => {
  it('reads the filled cells of a template with their Excel row numbers and skips empty ones', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(await templateBuffer()));
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('C4').value = 12;
    sheet.getCell('E4').value = 52000;
    sheet.getCell('D5').value = ' 7 ';
    sheet.getCell('E5').value = { formula: '40000+1000', result: 41000 };
    sheet.getCell('C5').value = '';
    const rows = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    const base = { period: '202601', attributeOptionCombo: 'STAT' };
    expect(rows).toEqual([
      { ...base, line: 4, orgUnit: 'QS0101', dataElement: 'BIRTHS', categoryOptionCombo: 'M.1', value: '12' },
      {
        ...base,
        line: 4,
        orgUnit: 'QS0101',
        dataElement: 'POP',
        categoryOptionCombo: 'default',
        value: '52000',
      },
      { ...base, line: 5, orgUnit: 'QS0102', dataElement: 'BIRTHS', categoryOptionCombo: 'F.1', value: '7' },
      {
        ...base,
        line: 5,
        orgUnit: 'QS0102',
        dataElement: 'POP',
        categoryOptionCombo: 'default',
        value: '41000',
      },
    ]);
  });

  it('takes the period from the cell right of 报告期 and ignores later sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(await templateBuffer()));
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('D1').value = 202602;
    sheet.getCell('C4').value = 3;
    workbook.addWorksheet('说明').addRow(['a second sheet is ignored', 99]);
    const rows = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.map((row) => row.period)).toEqual(['202602']);
  });

  it("reads the first sheet in the workbook's order, not the zip's", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(await templateBuffer()));
    workbook.worksheets[0]!.getCell('C4').value = 3;
    workbook.addWorksheet('说明').addRow(['a note', 99]);
    // The template stays xl/worksheets/sheet1.xml, first in the zip; the workbook lists the note first.
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = workbookXml.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(2);
    zip.file('xl/workbook.xml', workbookXml.replace(sheets.join(''), `${sheets[1]}${sheets[0]}`));
    await expectNotTemplate(await zip.generateAsync({ type: 'nodebuffer' }), 'no key row');
  });

  it('reads every part of a workbook whose workbook.xml comes last, time after time', async () => {
    // exceljs writes xl/workbook.xml as the zip's last entry; its stream reader lost that entry
    // about once in 300 reads and failed with "Cannot read properties of undefined".
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(await templateBuffer()));
    workbook.worksheets[0]!.getCell('C4').value = 3;
    workbook.addWorksheet('说明').addRow(['a second sheet is ignored', 99]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    for (let read = 0; read < 100; read++) expect(await readAll(buffer)).toHaveLength(1);
  });

  it('reads nothing from an empty template', async () => {
    expect(await readAll(await templateBuffer())).toEqual([]);
  });

  it('refuses a workbook without the key row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['机构代码', '出生人数']);
    sheet.addRow(['QS0101', 12]);
    await expectNotTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'no key row');
  });

  it('refuses a file that is not a workbook', async () => {
    await expectNotTemplate(Buffer.from('dataelement,period\nBIRTHS,202601\n'), 'not an XLSX workbook');
  });
});
