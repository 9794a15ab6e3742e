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

/** The CSV line (PostgreSQL CSV quoting; unquoted empty = NULL) of one staged row. */
export function stagedCsvLine(row: StagedRow): string {
  const comment = row.comment === null ? '' : quote(row.comment);
  return `${row.line},${row.dataElementId},${quote(row.period)},${row.orgUnitId},${row.optionComboId},${row.sourceId},${quote(row.value)},${row.num ?? ''},${comment},${row.followup},${row.deleted}\n`;
}

function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}
