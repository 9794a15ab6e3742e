/**
 * The per-value rules every way of entering data shares (the form, DHIS2 JSON, CSV, XLSX): what a
 * value of each value type may look like and what is stored for it. Pure: no I/O.
 */

/** The value types of data elements (as in the store's CHECK constraint). */
export type TValueType = 'INTEGER' | 'NUMBER' | 'PERCENTAGE' | 'BOOLEAN' | 'TEXT';

/** A value that passed: the text to store and its number (`num` column; null for TEXT). */
export interface ValueAccepted {
  ok: true;
  value: string;
  num: number | null;
}

/** A value that failed, with the reason in words (for a conflict or a VALIDATION_FAILED error). */
export interface ValueRefused {
  ok: false;
  reason: string;
}

export type ValueCheck = ValueAccepted | ValueRefused;

/** Longest TEXT value accepted, in characters. */
export const MAX_TEXT_LENGTH = 50_000;

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}([,，']\d{3})+(\.\d+)?$/;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

/**
 * Checks one raw value against its data element's value type. Returns the canonical text to
 * store (numbers as JavaScript prints them, booleans as `true`/`false`) and its number.
 */
export function checkValue(valueType: TValueType, raw: string): ValueCheck {
  const text = raw.trim();
  if (text === '') return refuse('value is empty');
  switch (valueType) {
    case 'INTEGER':
      return checkNumber(text, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    case 'NUMBER':
      return checkNumber(text, { integer: false, min: -Number.MAX_VALUE, max: Number.MAX_VALUE });
    case 'PERCENTAGE':
      return checkNumber(text, { integer: false, min: 0, max: 100 });
    case 'BOOLEAN':
      return checkBoolean(text);
    case 'TEXT':
      return text.length > MAX_TEXT_LENGTH
        ? refuse(`text is longer than ${MAX_TEXT_LENGTH} characters`)
        : { ok: true, value: text, num: null };
  }
}

/** The number in a raw value, or undefined when it is not a plain number (no separators, no units). */
export function parsePlainNumber(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function checkNumber(text: string, rule: { integer: boolean; min: number; max: number }): ValueCheck {
  const num = parsePlainNumber(text);
  if (num === undefined) {
    if (THOUSANDS.test(text)) return refuse(`"${text}" has thousands separators: write it without them`);
    return refuse(`"${text}" is not a number`);
  }
  if (rule.integer && !Number.isInteger(num)) return refuse(`"${text}" is not a whole number`);
  if (rule.min === 0 && num < 0) return refuse(`"${text}" is negative`);
  if (num < rule.min || num > rule.max) return refuse(`"${text}" is outside ${rule.min}–${rule.max}`);
  // -0 would print as "0" but compare oddly; store it as 0.
  const canonical = num === 0 ? 0 : num;
  return { ok: true, value: String(canonical), num: canonical };
}

function checkBoolean(text: string): ValueCheck {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: 'true', num: 1 };
  if (FALSE_WORDS.has(word)) return { ok: true, value: 'false', num: 0 };
  return refuse(`"${text}" is not a yes/no value (true or false)`);
}

function refuse(reason: string): ValueRefused {
  return { ok: false, reason };
}
