import { CSV_HEADER, type TExportedValue } from './export.schema.js';

/** Turning exported values into text chunks, one chunk per batch, without holding the whole file. */

/** A CSV field, quoted (with doubled quotes) when it holds a comma, quote or line break. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (with its newline) in DHIS2's column order. */
export function csvLine(value: TExportedValue): string {
  return `${[
    value.dataElement,
    value.period,
    value.orgUnit,
    value.categoryOptionCombo,
    value.attributeOptionCombo,
    value.value,
    value.storedBy,
    value.lastUpdated,
    value.comment,
    String(value.followup),
  ]
    .map(csvField)
    .join(',')}\n`;
}

/** One value as DHIS2 JSON; storedBy and comment only when they are set. */
export function jsonValue(value: TExportedValue): string {
  const { storedBy, comment, created, lastUpdated, followup, ...key } = value;
  return JSON.stringify({
    ...key,
    ...(storedBy === null ? {} : { storedBy }),
    created,
    lastUpdated,
    ...(comment === null ? {} : { comment }),
    followup,
  });
}

/** CSV text: the header line, then one line per value. */
export async function* formatCsv(batches: AsyncIterable<TExportedValue[]>): AsyncIterable<string> {
  yield `${CSV_HEADER}\n`;
  for await (const batch of batches) {
    if (batch.length > 0) yield batch.map(csvLine).join('');
  }
}

/** `{"dataValues":[…]}` with one value per line. */
export async function* formatJson(batches: AsyncIterable<TExportedValue[]>): AsyncIterable<string> {
  yield '{"dataValues":[';
  let isFirst = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${isFirst ? '\n' : ',\n'}${batch.map(jsonValue).join(',\n')}`;
    isFirst = false;
  }
  yield '\n]}\n';
}
