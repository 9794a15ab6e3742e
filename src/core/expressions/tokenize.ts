import type { BinaryOperator, ConstantNode, ItemNode } from './expression.types.js';
import { lexConstant, lexItem } from './item-lexer.js';
import { Scanner } from './scanner.js';

interface Span {
  position: number;
  end: number;
}

/** One lexical unit of an expression; `#{…}` and `C{…}` arrive already read into nodes. */
export type Token =
  | (Span & { type: 'number'; value: number })
  | (Span & { type: 'item'; node: ItemNode })
  | (Span & { type: 'constant'; node: ConstantNode })
  | (Span & { type: 'operator'; op: BinaryOperator })
  | (Span & { type: 'open' | 'close' | 'end' })
  | (Span & { type: 'periodOffset'; offset: number });

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const OPERATORS = new Set<string>(['+', '-', '*', '/']);

/** The tokens of `text`, ending with an `end` token; throws INVALID_EXPRESSION on a bad character. */
export function tokenize(text: string): Token[] {
  const scanner = new Scanner(text);
  const tokens: Token[] = [];
  for (;;) {
    scanner.skipSpace();
    if (scanner.isAtEnd()) break;
    tokens.push(readToken(scanner));
  }
  tokens.push({ type: 'end', position: text.length, end: text.length });
  return tokens;
}

function readToken(scanner: Scanner): Token {
  const position = scanner.index;
  const char = scanner.peek();
  if (/\d/.test(char)) {
    const text = scanner.match(NUMBER)?.[0] ?? '';
    return { type: 'number', value: Number(text), position, end: scanner.index };
  }
  if (char === '#' && scanner.peek(1) === '{') {
    const node = lexItem(scanner);
    return { type: 'item', node, position, end: node.end };
  }
  if (char === 'C' && scanner.peek(1) === '{') {
    const node = lexConstant(scanner);
    return { type: 'constant', node, position, end: node.end };
  }
  if (char === '.' && /[A-Za-z]/.test(scanner.peek(1))) return readPeriodOffset(scanner);
  scanner.index += 1;
  if (OPERATORS.has(char))
    return { type: 'operator', op: char as BinaryOperator, position, end: position + 1 };
  if (char === '(') return { type: 'open', position, end: position + 1 };
  if (char === ')') return { type: 'close', position, end: position + 1 };
  throw scanner.fail(`unexpected character "${char}"`, position, char);
}

/** `.periodOffset(n)` with n an integer, optionally signed; the only function suffix supported. */
function readPeriodOffset(scanner: Scanner): Token {
  const position = scanner.index;
  const name = scanner.match(/\.[A-Za-z]+/)?.[0] ?? '';
  if (name !== '.periodOffset') throw scanner.fail(`unsupported function "${name}"`, position, name);
  scanner.skipSpace();
  if (!scanner.accept('(')) throw scanner.fail('expected "(" after ".periodOffset"');
  scanner.skipSpace();
  const argumentPosition = scanner.index;
  const argument = scanner.match(/[+-]?\d+(?![\d.eE])/)?.[0];
  scanner.skipSpace();
  if (argument === undefined || scanner.peek() !== ')') {
    const close = scanner.text.indexOf(')', argumentPosition);
    const found = scanner.text.slice(argumentPosition, close < 0 ? undefined : close).trim();
    const reason =
      close < 0
        ? 'missing ")" to close ".periodOffset("'
        : `.periodOffset needs an integer, found "${found}"`;
    throw scanner.fail(reason, close < 0 ? position : argumentPosition, found);
  }
  scanner.index += 1;
  const offset = Number(argument);
  if (!Number.isSafeInteger(offset)) {
    throw scanner.fail(`.periodOffset needs an integer, found "${argument}"`, argumentPosition, argument);
  }
  return { type: 'periodOffset', offset: offset === 0 ? 0 : offset, position, end: scanner.index };
}
