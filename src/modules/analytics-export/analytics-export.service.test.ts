import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TAnalyticsAnswer, TAnalyticsRow } from '../analytics/analytics.schema.js';
import { buildAnalyticsWorkbook } from './analytics-export.service.js';

function row(orgUnit: string, value: number | null, overrides: Partial<TAnalyticsRow> = {}): TAnalyticsRow {
  return {
    orgUnit,
    name: `单位${orgUnit}`,
    nameEn: `Unit ${orgUnit}`,
    value,
    numerator: 120,
    denominator: 15000,
    ci95: value === null ? null : [value - 1, value + 1],
    previous: { value: 9.1, numerator: 130, denominator: 14800 },
    change: value === null ? null : value - 9.1,
    pValue: 0.42,
    significant: false,
    rank: 1,
    aboveParentAverage: true,
    direction: 'FLAT',
    target: null,
    ...overrides,
  };
}

const ANSWER: TAnalyticsAnswer = {
  indicator: {
    code: 'CBR',
    name: '出生率',
    nameEn: 'Crude birth rate',
    kind: 'rate',
    factor: 1000,
    unit: '‰',
    decimals: 2,
  },
  period: { id: '202610', start: '2026-01-01', end: '2026-10-31', ytd: true },
  parent: row('QS', 8.5, {
    rank: null,
    aboveParentAverage: null,
    target: {
      rule: 'BELOW_PREVIOUS_YEAR',
      threshold: null,
      year: 2026,
      status: 'ON_TRACK',
      probability: 0.91,
      previousYearValue: 9.8,
      forecast: { value: 8.4, ci80: [8.1, 8.7] },
    },
  }),
  rows: [row('QS01', 7.25), row('QS02', null, { rank: null, significant: null })],
};

async function readSheet(language: 'zh-CN' | 'en') {
  const workbook = new ExcelJS.Workbook();
  const bytes = await buildAnalyticsWorkbook(ANSWER, language);
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet('CBR');
  if (!sheet) throw new Error('no CBR sheet');
  return sheet;
}

describe('buildAnalyticsWorkbook', () => {
  it('writes a title, headers, the parent in bold and one row per sub-unit with numbers as numbers', async () => {
    const sheet = await readSheet('zh-CN');
    expect(sheet.getCell('A1').value).toBe('出生率 (‰)');
    expect(sheet.getCell('B1').value).toBe('2026-01-01 – 2026-10-31(累计)');
    expect(sheet.getRow(2).getCell(3).value).toBe('数值');
    expect(sheet.getRow(3).getCell(1).value).toBe('QS');
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.getRow(4).getCell(3).value).toBe(7.25);
    expect(sheet.getRow(4).getCell(6).value).toBe(6.25);
    expect(sheet.getRow(4).getCell(13).value).toBe('否');
  });

  it('carries the target, probability and forecast interval, and leaves missing values empty', async () => {
    const sheet = await readSheet('en');
    const parent = sheet.getRow(3);
    expect([17, 18, 19, 20, 21, 22].map((column) => parent.getCell(column).value)).toEqual([
      'BELOW_PREVIOUS_YEAR',
      'ON_TRACK',
      0.91,
      8.4,
      8.1,
      8.7,
    ]);
    expect(sheet.getRow(2).getCell(2).value).toBe('Unit');
    expect(sheet.getRow(5).getCell(2).value).toBe('Unit QS02');
    expect(sheet.getRow(5).getCell(3).value).toBeNull();
  });
});
