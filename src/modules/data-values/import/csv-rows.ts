import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../../core/errors.js';
import type { TRawDataValueRow } from '../data-values.schema.js';

/** The DHIS2 CSV columns tiaodu reads, by lower-case header name (with DHIS2's short aliases). */
const COLUMN_ALIASES: Record<string, ColumnName> = {
  dataelement: 'dataElement',
  period: 'period',
  orgunit: 'orgUnit',
  categoryoptioncombo: 'categoryOptionCombo',
  catoptcombo: 'categoryOptionCombo',
  attributeoptioncombo: 'attributeOptionCombo',
  attroptcombo: 'attributeOptionCombo',
  value: 'value',
  storedby: 'storedBy',
  lastupdated: 'lastUpdated',
  comment: 'comment',
  followup: 'followup',
  deleted: 'deleted',
};

type ColumnName =
  | 'dataElement'
  | 'period'
  | 'orgUnit'
  | 'categoryOptionCombo'
  | 'attributeOptionCombo'
  | 'value'
  | 'storedBy'
  | 'lastUpdated'
  | 'comment'
  | 'followup'
  | 'deleted';

/** Columns a CSV file must have; option combo and source default to `default` and `STAT`. */
export const REQUIRED_CSV_COLUMNS = ['dataElement', 'period', 'orgUnit', 'value'] as const;

type ColumnIndex = Partial<Record<ColumnName, number>>;

/**
 * Reads DHIS2 CSV text (header on line 1) into raw rows, streaming, in batches (one per text
 * chunk: one async step per batch, not per row). Each row's `line` is its 1-based line in the
 * file (the first data row is line 2). Throws INVALID_IMPORT for a missing column or broken
 * quoting, with the conflict in `details.conflict`.
 *
 * Text without quotes or carriage returns (what programs export) is split on newlines and commas
 * directly, ~5× faster than the CSV parser; from the first chunk with a `"` or `\r` on, the rest
 * (from the start of its unfinished line) goes through csv-parse, which then reads newline-ended
 * records as it would have from the start.
 */
export async function* readCsvRowBatches(text: AsyncIterable<string>): AsyncGenerator<TRawDataValueRow[]> {
  const state: CsvState = { nextLine: 1, columns: undefined };
  const chunks = text[Symbol.asyncIterator]();
  let unfinished = '';
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = unfinished + next.value;
    if (needsParser(next.value)) {
      yield* parseRowBatches(chunk, chunks, state);
      return;
    }
    const end = chunk.lastIndexOf('\n');
    unfinished = chunk.slice(end + 1);
    if (end < 0) continue;
    const batch = toRows(splitPlainLines(chunk.slice(0, end)), state);
    if (batch.length > 0) yield batch;
  }
  const batch = toRows(unfinished ? splitPlainLines(unfinished) : [], state);
  if (batch.length > 0) yield batch;
}

/** True when `text` has what only a CSV parser reads right: quotes, or `\r` line ends. */
function needsParser(text: string): boolean {
  return text.includes('"') || text.includes('\r');
}

/** Records of CSV text without quotes or `\r`: lines split on commas. */
function splitPlainLines(text: string): string[][] {
  return text.split('\n').map((line) => line.split(','));
}

/**
 * The rows of `first` and the remaining `chunks`, through csv-parse. After plain lines (state
 * past line 1) records end with `\n`, the delimiter csv-parse would have detected on line 1.
 */
async function* parseRowBatches(
  first: string,
  chunks: AsyncIterator<string>,
  state: CsvState,
): AsyncGenerator<TRawDataValueRow[]> {
  const skipped = state.nextLine - 1;
  // No `info`: it costs more than the parse itself; lines are counted from the records instead.
  const parser = parse({ relax_column_count: true, ...(skipped > 0 ? { record_delimiter: '\n' } : {}) });
  let records: string[][] = [];
  let failure: unknown;
  parser.on('data', (record: string[]) => records.push(record));
  parser.on('error', (error) => {
    failure = error;
  });
  try {
    for (
      let chunk: IteratorResult<string> = { done: false, value: first };
      !chunk.done;
      chunk = await chunks.next()
    ) {
      if (!parser.write(chunk.value)) await once(parser, 'drain');
      if (failure) throw failure;
      const batch = toRows(records, state);
      records = [];
      if (batch.length > 0) yield batch;
    }
    parser.end();
    if (!parser.readableEnded && !failure) await Promise.race([once(parser, 'end'), once(parser, 'error')]);
    if (failure) throw failure;
    const batch = toRows(records, state);
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, skipped);
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The rows of `readCsvRowBatches`, one at a time. */
export async function* readCsvRows(text: AsyncIterable<string>): AsyncGenerator<TRawDataValueRow> {
  for await (const batch of readCsvRowBatches(text)) yield* batch;
}

interface CsvState {
  nextLine: number;
  columns: ColumnIndex | undefined;
}

function toRows(records: string[][], state: CsvState): TRawDataValueRow[] {
  const rows: TRawDataValueRow[] = [];
  for (const record of records) {
    const line = state.nextLine;
    state.nextLine += 1 + newlinesIn(record);
    if (record.every((field) => field.trim() === '')) continue;
    if (state.columns) rows.push(toRow(record, state.columns, line));
    else state.columns = readHeader(record, line);
  }
  return rows;
}

function readHeader(record: string[], line: number): ColumnIndex {
  const columns: ColumnIndex = {};
  record.forEach((name, index) => {
    const column =
      COLUMN_ALIASES[
        name
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase()
      ];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    const names = missing.join(', ');
    throw new AppError(
      'INVALID_IMPORT',
      `line ${line}: the header lacks the required column${missing.length > 1 ? 's' : ''} ${names}`,
      {
        conflict: {
          object: names,
          property: 'file',
          value: `missing required column${missing.length > 1 ? 's' : ''}: ${names}`,
          row: line,
        },
      },
    );
  }
  return columns;
}

function toRow(record: string[], columns: ColumnIndex, line: number): TRawDataValueRow {
  const field = (name: ColumnName): string => {
    const index = columns[name];
    return index === undefined ? '' : (record[index] ?? '');
  };
  const comment = field('comment');
  return {
    line,
    dataElement: field('dataElement'),
    period: field('period'),
    orgUnit: field('orgUnit'),
    categoryOptionCombo: field('categoryOptionCombo'),
    attributeOptionCombo: field('attributeOptionCombo'),
    value: field('value'),
    comment: comment === '' ? undefined : comment,
    followup: isTrue(field('followup')),
    deleted: isTrue(field('deleted')),
  };
}

function isTrue(text: string): boolean {
  const word = text.trim().toLowerCase();
  return word === 'true' || word === '1' || word === 'yes';
}

function newlinesIn(record: string[]): number {
  let count = 0;
  for (const field of record) {
    if (!field.includes('\n')) continue;
    for (const char of field) if (char === '\n') count += 1;
  }
  return count;
}

/** The INVALID_IMPORT error of a CSV error; `skipped` lines were read before csv-parse started. */
function csvProblem(error: CsvError, skipped: number): AppError {
  const row = Number((error as CsvError & { lines?: number }).lines ?? 0) + skipped;
  // csv-parse counts from where it started: its "at line N" is made a line of the file.
  const message =
    skipped === 0
      ? error.message
      : error.message.replace(/ at line (\d+)/, (_, n) => ` at line ${Number(n) + skipped}`);
  return new AppError('INVALID_IMPORT', `line ${row}: ${message}`, {
    conflict: { object: 'file', property: 'file', value: `not valid CSV: ${message}`, row },
  });
}
