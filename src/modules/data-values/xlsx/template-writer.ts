import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  columnKey,
  DATA_SET_LABEL,
  FIRST_VALUE_COLUMN,
  KEY_ROW,
  ORG_UNIT_CODE_HEADER,
  ORG_UNIT_NAME_HEADER,
  PERIOD_LABEL,
  SOURCE_LABEL,
  TEMPLATE_MARKER,
} from './template-layout.js';

/** Everything a template shows: which form, period and sources, its columns and its org units. */
export interface TemplateSpec {
  dataSet: { code: string; name: string };
  period: string;
  sources: Array<{ code: string; name: string }>;
  columns: Array<{ dataElement: string; categoryOptionCombo: string; source: string; title: string }>;
  orgUnits: Array<{ code: string; name: string }>;
}

/** Excel refuses these characters in sheet names, and names longer than 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'data';
}

/**
 * Writes the template as an XLSX workbook to `stream` row by row (the streaming writer keeps
 * only the current row in memory) and resolves when the workbook is complete.
 */
export async function writeTemplate(spec: TemplateSpec, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'tiaodu';
  const sheet = workbook.addWorksheet(sheetName(spec.dataSet.name), {
    views: [{ state: 'frozen', xSplit: FIRST_VALUE_COLUMN - 1, ySplit: KEY_ROW }],
  });
  sheet.columns = [
    { width: 14 },
    { width: 18 },
    ...spec.columns.map((column) => ({ width: Math.max(10, Math.min(30, column.title.length * 2 + 2)) })),
  ];
  const header = sheet.addRow([
    DATA_SET_LABEL,
    `${spec.dataSet.name} (${spec.dataSet.code})`,
    PERIOD_LABEL,
    spec.period,
    SOURCE_LABEL,
    spec.sources.map((source) => source.name).join('、'),
  ]);
  header.font = { bold: true };
  header.commit();
  const titles = sheet.addRow([
    ORG_UNIT_CODE_HEADER,
    ORG_UNIT_NAME_HEADER,
    ...spec.columns.map((c) => c.title),
  ]);
  titles.font = { bold: true };
  titles.alignment = { wrapText: true, vertical: 'middle' };
  titles.commit();
  const keys = sheet.addRow([TEMPLATE_MARKER, spec.dataSet.code, ...spec.columns.map(columnKey)]);
  keys.hidden = true;
  keys.commit();
  for (const unit of spec.orgUnits) sheet.addRow([unit.code, unit.name]).commit();
  sheet.commit();
  await workbook.commit();
}
