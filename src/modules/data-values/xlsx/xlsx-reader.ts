import type { Readable } from 'node:stream';
import { AppError } from '../../../core/errors.js';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { readSheetRows, type SheetRow } from './sheet-rows.js';
import {
  FIRST_VALUE_COLUMN,
  HEADER_ROW,
  KEY_ROW_SEARCH_LIMIT,
  PERIOD_LABEL,
  parseColumnKey,
  TEMPLATE_MARKER,
} from './template-layout.js';
import { readFirstSheetParts } from './workbook-parts.js';
import { openZipFile, spoolToFile, type ZipArchive } from './zip-file.js';

type ColumnKeys = Map<number, NonNullable<ReturnType<typeof parseColumnKey>>>;

function notTemplate(reason: string): AppError {
  return new AppError('INVALID_IMPORT', `not a tiaodu template: ${reason}`, { reason });
}

/**
 * Reads a filled tiaodu entry template (the workbook's first sheet) as raw data value rows: one row
 * per non-empty value cell, `line` = the Excel row number. The period comes from the cell right of
 * 报告期 in row 1, the column keys from the hidden key row. A workbook that is not one of our
 * templates (or not a workbook) throws AppError INVALID_IMPORT "not a tiaodu template: …".
 *
 * The file is spooled to a temporary file first: the shared strings and the workbook's sheet order
 * must be known before the sheet's rows, and a zip's directory is at its end.
 */
export async function* readXlsxDataValues(stream: Readable): AsyncIterable<TRawDataValueRow> {
  const file = await spoolToFile(stream);
  let archive: ZipArchive | undefined;
  try {
    archive = await openZipFile(file.path);
    const parts = await readFirstSheetParts(archive);
    const xml = await archive.open(parts.sheetPath);
    if (!xml) throw new Error(`the file has no ${parts.sheetPath}`);
    yield* readSheet(readSheetRows(xml, parts.sharedStrings));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notTemplate(`not an XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    archive?.close();
    await file.remove();
  }
}

async function* readSheet(sheet: AsyncIterable<SheetRow>): AsyncIterable<TRawDataValueRow> {
  let period: string | undefined;
  let keys: ColumnKeys | undefined;
  for await (const row of sheet) {
    const { cells } = row;
    if (!keys) {
      if (row.number === HEADER_ROW) period = periodOf(cells);
      if (cells[1] === TEMPLATE_MARKER) keys = columnKeys(cells);
      else if (row.number >= KEY_ROW_SEARCH_LIMIT) break;
      continue;
    }
    if (period === undefined)
      throw notTemplate(`row ${HEADER_ROW} has no period id right of ${PERIOD_LABEL}`);
    yield* valuesOfRow(row.number, cells, period, keys);
  }
  if (!keys) throw notTemplate(`no key row (a hidden row whose first cell is ${TEMPLATE_MARKER})`);
}

function periodOf(cells: SheetRow['cells']): string | undefined {
  const label = cells.indexOf(PERIOD_LABEL);
  return label < 0 ? undefined : cells[label + 1];
}

function columnKeys(cells: SheetRow['cells']): ColumnKeys {
  const keys: ColumnKeys = new Map();
  for (let column = FIRST_VALUE_COLUMN; column < cells.length; column++) {
    const text = cells[column];
    const key = text === undefined ? undefined : parseColumnKey(text);
    if (key) keys.set(column, key);
  }
  if (keys.size === 0) throw notTemplate('the key row names no DE|COC|SOURCE column');
  return keys;
}

function* valuesOfRow(
  line: number,
  cells: SheetRow['cells'],
  period: string,
  keys: ColumnKeys,
): Iterable<TRawDataValueRow> {
  const orgUnit = cells[1];
  for (const [column, key] of keys) {
    const value = cells[column];
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
