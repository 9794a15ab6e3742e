import { syntaxError } from './syntax-error.js';

const CODE_CHAR = /[A-Za-z0-9_-]/;

/** A read position over an expression's text, with the small reads the lexers share. */
export class Scanner {
  index: number;

  constructor(
    readonly text: string,
    start = 0,
  ) {
    this.index = start;
  }

  /** The character at the read position ('' at the end). */
  peek(offset = 0): string {
    return this.text[this.index + offset] ?? '';
  }

  /** True when the whole text has been read. */
  isAtEnd(): boolean {
    return this.index >= this.text.length;
  }

  /** Advances past spaces, tabs and line breaks. */
  skipSpace(): void {
    while (/\s/.test(this.peek())) this.index += 1;
  }

  /** Reads a code (letters, digits, `_`, `-`); returns '' when none starts here. */
  readCode(): string {
    const start = this.index;
    while (CODE_CHAR.test(this.peek())) this.index += 1;
    return this.text.slice(start, this.index);
  }

  /** Consumes `char` when it is next and says whether it did. */
  accept(char: string): boolean {
    if (this.peek() !== char) return false;
    this.index += 1;
    return true;
  }

  /** Reads a match of a sticky regular expression at the read position, or undefined. */
  match(pattern: RegExp): RegExpExecArray | undefined {
    const sticky = new RegExp(pattern.source, 'y');
    sticky.lastIndex = this.index;
    const found = sticky.exec(this.text);
    if (!found) return undefined;
    this.index = sticky.lastIndex;
    return found;
  }

  /** An INVALID_EXPRESSION error at `position` (default: the read position). */
  fail(reason: string, position = this.index, token = this.peek()): Error {
    return syntaxError(this.text, position, reason, token);
  }
}
