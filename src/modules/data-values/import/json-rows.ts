import { AppError } from '../../../core/errors.js';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { DataValueSetScanner, JsonShapeError } from './json-scanner.js';

/** Set-level fields of a dataValueSet that apply to values lacking them. */
const SET_FIELDS = new Set(['period', 'orgUnit', 'attributeOptionCombo']);

/**
 * Reads DHIS2 dataValueSets JSON text into raw rows, streaming, in batches (one per text chunk):
 * each value of `dataValues` is parsed on its own. `line` is the value's 1-based index. Set-level `period`, `orgUnit` and
 * `attributeOptionCombo` (written before `dataValues`, as DHIS2 does) fill values that lack them.
 * Throws INVALID_IMPORT (conflict in `details.conflict`) for text that is not such a document.
 */
export async function* readJsonRowBatches(text: AsyncIterable<string>): AsyncGenerator<TRawDataValueRow[]> {
  const scanner = new DataValueSetScanner();
  const defaults: Record<string, string> = {};
  let index = 0;
  try {
    for await (const chunk of text) {
      const batch: TRawDataValueRow[] = [];
      for (const item of scanner.push(chunk)) {
        if (item.kind === 'field') {
          if (SET_FIELDS.has(item.key)) defaults[item.key] = item.value;
          continue;
        }
        index += 1;
        batch.push(toRow(parseElement(item.text, index), index, defaults));
      }
      if (batch.length > 0) yield batch;
    }
    scanner.end();
  } catch (error) {
    if (error instanceof JsonShapeError || error instanceof SyntaxError)
      throw jsonProblem(error.message, index);
    throw error;
  }
}

/** The rows of `readJsonRowBatches`, one at a time. */
export async function* readJsonRows(text: AsyncIterable<string>): AsyncGenerator<TRawDataValueRow> {
  for await (const batch of readJsonRowBatches(text)) yield* batch;
}

function parseElement(text: string, index: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw jsonProblem(error instanceof Error ? error.message : String(error), index);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw jsonProblem('each entry of dataValues must be an object', index);
  return parsed as Record<string, unknown>;
}

function toRow(
  value: Record<string, unknown>,
  line: number,
  defaults: Record<string, string>,
): TRawDataValueRow {
  const text = (key: string): string => {
    const field = value[key];
    if (field === undefined || field === null || field === '') return defaults[key] ?? '';
    return typeof field === 'string' ? field : String(field);
  };
  const comment = value.comment;
  return {
    line,
    dataElement: text('dataElement'),
    period: text('period'),
    orgUnit: text('orgUnit'),
    categoryOptionCombo: text('categoryOptionCombo'),
    attributeOptionCombo: text('attributeOptionCombo'),
    value: text('value'),
    comment: typeof comment === 'string' && comment !== '' ? comment : undefined,
    followup: isTrue(value.followup ?? value.followUp),
    deleted: isTrue(value.deleted),
  };
}

function isTrue(field: unknown): boolean {
  return field === true || field === 'true' || field === 1 || field === '1';
}

function jsonProblem(reason: string, index: number): AppError {
  const where = index > 0 ? `after value ${index}` : 'before the first value';
  return new AppError('INVALID_IMPORT', `not valid dataValueSets JSON (${where}): ${reason}`, {
    conflict: { object: 'file', property: 'file', value: `not valid JSON: ${reason}`, row: index },
  });
}
