/**
 * A small streaming scanner for DHIS2 dataValueSets JSON: it cuts the text of each element of the
 * top-level `dataValues` array (and the top-level string fields such as `period`) out of text
 * chunks, without parsing the whole document, so a file of a million values is never held whole.
 * Each element is then parsed on its own with JSON.parse.
 */

/** What the scanner found: one element of `dataValues`, or one top-level string field. */
export type ScannedItem = { kind: 'element'; text: string } | { kind: 'field'; key: string; value: string };

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Thrown for text that is not a JSON document of the expected shape. */
export class JsonShapeError extends Error {}

export class DataValueSetScanner {
  /** Open containers (their opening char codes), outermost first. */
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** Depth of the `dataValues` array's elements' container, or -1 when not inside it. */
  private valuesDepth = -1;
  private expectKey = false;
  private key: string | undefined;
  /** Text of the element or top-level string being cut, from earlier chunks. */
  private pending: string[] = [];
  private cutting: 'element' | 'string' | undefined;
  private sawRoot = false;

  /** Items completed by `chunk`, in order. */
  push(chunk: string): ScannedItem[] {
    const items: ScannedItem[] = [];
    let cutStart = this.cutting ? 0 : -1;
    for (let index = 0; index < chunk.length; index += 1) {
      const code = chunk.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) {
          this.inString = false;
          if (this.cutting === 'string') {
            this.topLevelString(this.take(chunk, cutStart, index + 1), items);
            cutStart = -1;
          }
        }
        continue;
      }
      if (code === QUOTE) {
        this.inString = true;
        if (this.stack.length === 1 && this.stack[0] === OPEN_OBJECT && !this.cutting) {
          this.cutting = 'string';
          cutStart = index;
        }
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        this.open(code);
        if (this.stack.length === this.valuesDepth + 1 && this.valuesDepth > 0 && !this.cutting) {
          this.cutting = 'element';
          cutStart = index;
        }
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        this.close(code);
        if (this.cutting === 'element' && this.stack.length === this.valuesDepth) {
          items.push({ kind: 'element', text: this.take(chunk, cutStart, index + 1) });
          cutStart = -1;
        }
      } else if (this.stack.length === 1) {
        if (code === COMMA) this.expectKey = true;
        else if (code === COLON) this.expectKey = false;
      }
    }
    if (this.cutting && cutStart >= 0) this.pending.push(chunk.slice(cutStart));
    return items;
  }

  /** Checks that the document ended complete. */
  end(): void {
    if (!this.sawRoot) throw new JsonShapeError('the file holds no JSON document');
    if (this.inString || this.stack.length > 0) throw new JsonShapeError('the JSON document ends early');
  }

  private open(code: number): void {
    if (this.stack.length === 0) {
      if (this.sawRoot) throw new JsonShapeError('more than one JSON document in the file');
      this.sawRoot = true;
      // A bare array is read as the dataValues array itself.
      if (code === OPEN_ARRAY) this.valuesDepth = 1;
      else this.expectKey = true;
    } else if (this.stack.length === 1 && this.stack[0] === OPEN_OBJECT && code === OPEN_ARRAY) {
      if (this.key === 'dataValues') this.valuesDepth = 2;
    }
    this.stack.push(code);
  }

  private close(code: number): void {
    const open = this.stack.pop();
    if (open === undefined || (open === OPEN_OBJECT) !== (code === CLOSE_OBJECT))
      throw new JsonShapeError(`unexpected "${String.fromCharCode(code)}"`);
    if (this.stack.length === this.valuesDepth - 1) this.valuesDepth = -1;
  }

  private topLevelString(raw: string, items: ScannedItem[]): void {
    const text = JSON.parse(raw) as string;
    if (this.expectKey) {
      this.key = text;
    } else if (this.key !== undefined) {
      items.push({ kind: 'field', key: this.key, value: text });
    }
  }

  /** The cut text ending at `end` of `chunk` (with what earlier chunks held), and resets the cut. */
  private take(chunk: string, start: number, end: number): string {
    const tail = chunk.slice(Math.max(start, 0), end);
    const text = this.pending.length > 0 ? this.pending.join('') + tail : tail;
    this.pending = [];
    this.cutting = undefined;
    return text;
  }
}
