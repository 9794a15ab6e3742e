import type { StagedRow } from './row-validator.js';

/** Columns of the staging table, in the order `encodeStagedRows` writes them. */
export const STAGING_COLUMNS = [
  'line',
  'data_element_id',
  'period',
  'org_unit_id',
  'option_combo_id',
  'source_id',
  'value',
  'num',
  'comment',
  'followup',
  'deleted',
] as const;

/** Characters per CSV chunk handed to COPY (small enough to keep memory flat). */
const CHUNK_CHARS = 1024 * 1024;

/** CSV lines (PostgreSQL CSV quoting; unquoted empty = NULL) of staged rows, in chunks of ~1 MiB. */
export async function* encodeStagedRows(rows: AsyncIterable<StagedRow>): AsyncGenerator<string> {
  let parts: string[] = [];
  let chars = 0;
  for await (const row of rows) {
    const line = `${row.line},${row.dataElementId},${quote(row.period)},${row.orgUnitId},${row.optionComboId},${row.sourceId},${quote(row.value)},${row.num ?? ''},${row.comment === null ? '' : quote(row.comment)},${row.followup},${row.deleted}\n`;
    parts.push(line);
    chars += line.length;
    if (chars >= CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      chars = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
