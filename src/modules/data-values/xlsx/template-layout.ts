/**
 * The layout of tiaodu's XLSX entry template, shared by the writer and the reader:
 *
 * row 1  数据集 | 出生月报 (MONTHLY) | 报告期 | 202609 | 来源 | 统计报表
 * row 2  机构代码 | 机构名称 | 出生人数 男 一孩 | …            (what people read)
 * row 3  tiaodu:template:v1 | MONTHLY | BIRTHS|M.1|STAT | …  (hidden: the machine keys)
 * row 4… QS0101 | 东街街道 | (values) …
 */

/** A1 of the hidden key row: what marks a workbook as one of our templates. */
export const TEMPLATE_MARKER = 'tiaodu:template:v1';
/** Label in row 1 whose right-hand neighbour holds the period id (people may change it). */
export const PERIOD_LABEL = '报告期';
export const DATA_SET_LABEL = '数据集';
export const SOURCE_LABEL = '来源';
export const ORG_UNIT_CODE_HEADER = '机构代码';
export const ORG_UNIT_NAME_HEADER = '机构名称';

export const HEADER_ROW = 1;
export const TITLE_ROW = 2;
export const KEY_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** Columns before the value columns: org unit code and name. */
export const FIRST_VALUE_COLUMN = 3;
/** How far down the reader looks for the key row before giving up. */
export const KEY_ROW_SEARCH_LIMIT = 10;

/** The machine key of a value column: `BIRTHS|M.1|STAT`. */
export function columnKey(column: {
  dataElement: string;
  categoryOptionCombo: string;
  source: string;
}): string {
  return `${column.dataElement}|${column.categoryOptionCombo}|${column.source}`;
}

/** The parts of a column key, or undefined when the text is not one. */
export function parseColumnKey(
  text: string,
): { dataElement: string; categoryOptionCombo: string; source: string } | undefined {
  const parts = text.split('|');
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return undefined;
  const [dataElement = '', categoryOptionCombo = '', source = ''] = parts.map((part) => part.trim());
  return { dataElement, categoryOptionCombo, source };
}
