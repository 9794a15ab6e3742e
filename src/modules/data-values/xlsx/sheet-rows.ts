import type { Readable } from 'node:stream';
import { readXml } from './xml-events.js';

/** A row of a sheet: its Excel row number and the text of its cells by 1-based column. */
export interface SheetRow {
  number: number;
  /** Sparse: `cells[1]` is column A; an empty cell is undefined. */
  cells: (string | undefined)[];
}

/**
 * The rows of a worksheet part, streamed. Each cell is read as an import reads it (`cellText`):
 * the result of a formula, a shared or inline string, a number in JavaScript's shortest form.
 */
export function readSheetRows(xml: Readable, sharedStrings: readonly string[]): AsyncIterable<SheetRow> {
  let row: SheetRow = { number: 0, cells: [] };
  let column = 0;
  let type = 'n';
  let text: string | undefined;
  let capturing = false;
  let inPhonetic = false;
  return readXml<SheetRow>(xml, {
    open: (name, attributes) => {
      if (name === 'row') {
        row = { number: attributes.r ? Number(attributes.r) : row.number + 1, cells: [] };
        column = 0;
      } else if (name === 'c') {
        column = attributes.r ? columnNumber(attributes.r) : column + 1;
        type = attributes.t ?? 'n';
        text = undefined;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 'v' || (name === 't' && !inPhonetic)) {
        capturing = true;
        text ??= '';
      }
    },
    close: (name, emit) => {
      if (name === 'row') emit(row);
      else if (name === 'c') row.cells[column] = cellText(type, text, sharedStrings);
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'v' || name === 't') capturing = false;
    },
    text: (chunk) => {
      if (capturing) text += chunk;
    },
  });
}

/**
 * The text of a cell as an import reads it, trimmed, undefined when empty: a number (`n`) in
 * JavaScript's shortest form, a boolean as true/false, a date (`d`) as its ISO day, a shared (`s`),
 * inline or formula string as written, an error as its code (`#DIV/0!`).
 */
export function cellText(
  type: string,
  raw: string | undefined,
  sharedStrings: readonly string[],
): string | undefined {
  if (raw === undefined) return undefined;
  const text = textOfType(type, raw, sharedStrings)?.trim();
  return text === '' ? undefined : text;
}

function textOfType(type: string, raw: string, sharedStrings: readonly string[]): string | undefined {
  switch (type) {
    case 's':
      return sharedStrings[Number(raw)];
    case 'b':
      return raw.trim() === '1' ? 'true' : 'false';
    case 'd':
      return raw.trim().slice(0, 10);
    case 'n': {
      const number = Number(raw);
      return raw.trim() === '' || !Number.isFinite(number) ? raw : String(number);
    }
    default:
      return raw;
  }
}

/** The 1-based column of a cell reference: `C4` → 3, `AA10` → 27. */
export function columnNumber(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}
