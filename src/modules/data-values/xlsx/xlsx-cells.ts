import type { CellValue } from 'exceljs';

/**
 * The text of a cell as an import reads it: a number as its number text, a formula as its result,
 * rich text joined, true/false for booleans, a date as its ISO day; undefined when empty.
 */
export function cellText(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  if ('text' in value) return cellText(typeof value.text === 'string' ? value.text : undefined);
  if ('error' in value) return String(value.error);
  return undefined;
}
