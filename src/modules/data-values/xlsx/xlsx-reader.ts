import type { Readable } from 'node:stream';
import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { AppError } from '../../../core/errors.js';
import type { TRawDataValueRow } from '../data-values.schema.js';
import {
  FIRST_VALUE_COLUMN,
  HEADER_ROW,
  KEY_ROW_SEARCH_LIMIT,
  PERIOD_LABEL,
  parseColumnKey,
  TEMPLATE_MARKER,
} from './template-layout.js';
import { cellText } from './xlsx-cells.js';

type ColumnKeys = Map<number, NonNullable<ReturnType<typeof parseColumnKey>>>;

function notTemplate(reason: string): AppError {
  return new AppError('INVALID_IMPORT', `not a tiaodu template: ${reason}`, { reason });
}

/** Cell values of a streamed row by 1-based column (exceljs' sparse `values` array). */
function rowCells(row: Row): CellValue[] {
  return Array.isArray(row.values) ? (row.values as CellValue[]) : [];
}

/**
 * Reads a filled tiaodu entry template (the first sheet) as raw data value rows: one row per
 * non-empty value cell, `line` = the Excel row number. The period comes from the cell right of
 * 报告期 in row 1, the column keys from the hidden key row. A workbook that is not one of our
 * templates (or not a workbook) throws AppError INVALID_IMPORT "not a tiaodu template: …".
 */
export async function* readXlsxDataValues(stream: Readable): AsyncIterable<TRawDataValueRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetCount = 0;
  try {
    for await (const sheet of reader) {
      sheetCount += 1;
      if (sheetCount === 1) yield* readSheet(sheet);
      else for await (const _row of sheet); // only the first sheet is ours; drain the others
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notTemplate(`not an XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  if (sheetCount === 0) throw notTemplate('the workbook has no sheet');
}

async function* readSheet(sheet: AsyncIterable<Row>): AsyncIterable<TRawDataValueRow> {
  let period: string | undefined;
  let keys: ColumnKeys | undefined;
  for await (const row of sheet) {
    const cells = rowCells(row);
    if (!keys) {
      if (row.number === HEADER_ROW) period = periodOf(cells);
      if (cellText(cells[1]) === TEMPLATE_MARKER) keys = columnKeys(cells);
      else if (row.number >= KEY_ROW_SEARCH_LIMIT) break;
      continue;
    }
    if (period === undefined)
      throw notTemplate(`row ${HEADER_ROW} has no period id right of ${PERIOD_LABEL}`);
    yield* valuesOfRow(row.number, cells, period, keys);
  }
  if (!keys) throw notTemplate(`no key row (a hidden row whose first cell is ${TEMPLATE_MARKER})`);
}

function periodOf(cells: CellValue[]): string | undefined {
  const label = cells.findIndex((cell) => cellText(cell) === PERIOD_LABEL);
  return label < 0 ? undefined : cellText(cells[label + 1]);
}

function columnKeys(cells: CellValue[]): ColumnKeys {
  const keys: ColumnKeys = new Map();
  for (let column = FIRST_VALUE_COLUMN; column < cells.length; column++) {
    const text = cellText(cells[column]);
    const key = text === undefined ? undefined : parseColumnKey(text);
    if (key) keys.set(column, key);
  }
  if (keys.size === 0) throw notTemplate('the key row names no DE|COC|SOURCE column');
  return keys;
}

function* valuesOfRow(
  line: number,
  cells: CellValue[],
  period: string,
  keys: ColumnKeys,
): Iterable<TRawDataValueRow> {
  const orgUnit = cellText(cells[1]);
  for (const [column, key] of keys) {
    const value = cellText(cells[column]);
    if (value === undefined) continue;
    yield {
      line,
      dataElement: key.dataElement,
      period,
      // A value without an org unit code still goes through, so the import names its row.
      orgUnit: orgUnit ?? '',
      categoryOptionCombo: key.categoryOptionCombo,
      attributeOptionCombo: key.source,
      value,
    };
  }
}
