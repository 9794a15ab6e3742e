import type { ConstantNode, ItemCodePositions, ItemNode } from './expression.types.js';
import type { Scanner } from './scanner.js';

/** Reads `#{…}` at the scanner (which points at `#`) into an item node with periodOffset 0. */
export function lexItem(scanner: Scanner): ItemNode {
  const start = scanner.index;
  scanner.index += 2;
  scanner.skipSpace();
  const positions: ItemCodePositions = { dataElement: scanner.index, categories: {}, options: {} };
  const dataElement = expectCode(scanner, start, 'a data element code after "#{"');
  const item: ItemNode = {
    kind: 'item',
    dataElement,
    options: {},
    periodOffset: 0,
    position: start,
    end: start,
    codePositions: positions,
  };
  scanner.skipSpace();
  if (scanner.peek() === '.') readCombo(scanner, start, item);
  else if (scanner.peek() === '[') readOptions(scanner, start, item);
  scanner.skipSpace();
  if (scanner.accept('@')) {
    scanner.skipSpace();
    positions.source = scanner.index;
    item.source = expectCode(scanner, start, 'a source code after "@"');
    scanner.skipSpace();
  }
  closeBrace(scanner, start);
  item.end = scanner.index;
  return item;
}

/** Reads `C{CODE}` at the scanner (which points at `C`). */
export function lexConstant(scanner: Scanner): ConstantNode {
  const start = scanner.index;
  scanner.index += 2;
  scanner.skipSpace();
  const codePosition = scanner.index;
  const code = expectCode(scanner, start, 'a constant code after "C{"');
  scanner.skipSpace();
  closeBrace(scanner, start);
  return { kind: 'constant', code, position: start, end: scanner.index, codePosition };
}

/** `.M.3P`: option codes in category order, kept whole as `comboCode`. */
function readCombo(scanner: Scanner, start: number, item: ItemNode): void {
  item.codePositions.comboCode = scanner.index + 1;
  const parts: string[] = [];
  while (scanner.accept('.')) parts.push(expectCode(scanner, start, 'an option code after "."'));
  item.comboCode = parts.join('.');
}

/** `[CAT=OPT, CAT=OPT]`, spaces allowed around `=` and `,`; a category may appear once. */
function readOptions(scanner: Scanner, start: number, item: ItemNode): void {
  scanner.index += 1;
  do {
    scanner.skipSpace();
    const categoryPosition = scanner.index;
    const category = expectCode(scanner, start, 'a category code');
    if (Object.hasOwn(item.options, category)) {
      throw scanner.fail(`category "${category}" is given twice`, categoryPosition, category);
    }
    scanner.skipSpace();
    if (!scanner.accept('=')) throw failInItem(scanner, start, `expected "=" after category "${category}"`);
    scanner.skipSpace();
    item.codePositions.categories[category] = categoryPosition;
    item.codePositions.options[category] = scanner.index;
    item.options[category] = expectCode(scanner, start, `an option code after "${category}="`);
    scanner.skipSpace();
  } while (scanner.accept(','));
  if (!scanner.accept(']')) throw failInItem(scanner, start, 'expected "," or "]" between options');
}

function expectCode(scanner: Scanner, start: number, what: string): string {
  const code = scanner.readCode();
  if (code === '') throw failInItem(scanner, start, `expected ${what}`);
  return code;
}

function closeBrace(scanner: Scanner, start: number): void {
  if (!scanner.accept('}')) throw failInItem(scanner, start, 'expected "}"');
}

/**
 * An error inside `#{…}` or `C{…}`: when no `}` closes it before the next item or the end,
 * the real mistake is the missing brace, reported at the item's start; otherwise `reason`.
 */
function failInItem(scanner: Scanner, start: number, reason: string): Error {
  const rest = scanner.text.slice(scanner.index);
  const nextClose = rest.indexOf('}');
  const nextOpen = rest.search(/[#C]\{/);
  if (nextClose < 0 || (nextOpen >= 0 && nextOpen < nextClose)) {
    const opened = scanner.text.slice(start, scanner.index).trimEnd();
    return scanner.fail(`missing "}" to close "${opened}"`, start, opened);
  }
  const found = scanner.peek();
  return scanner.fail(`${reason}, found "${found}"`, scanner.index, found);
}
