import type { ExprNode } from './expression.types.js';
import { syntaxError } from './syntax-error.js';
import { type Token, tokenize } from './tokenize.js';

/** A node with the text span it was parsed from (wider than the node when it sat in parentheses). */
interface Parsed {
  node: ExprNode;
  position: number;
  end: number;
  isGroup: boolean;
}

/**
 * The tree of an expression such as `#{BIRTHS[SEX=M]} / #{POP}.periodOffset(-12) * C{K}`.
 * Throws AppError INVALID_EXPRESSION whose message ends with the 1-based column of the offending token.
 */
export function parseExpression(text: string): ExprNode {
  const parser = new Parser(text, tokenize(text));
  if (parser.peek().type === 'end') throw syntaxError(text, 0, 'expression is empty');
  const parsed = parser.parseSum();
  parser.expectEnd();
  return parsed.node;
}

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  /** sum := product (('+' | '-') product)* — left-associative. */
  parseSum(): Parsed {
    let left = this.parseProduct();
    for (let token = this.peek(); token.type === 'operator' && (token.op === '+' || token.op === '-'); ) {
      this.index += 1;
      left = this.combine(left, token.op, token.position, this.parseProduct());
      token = this.peek();
    }
    return left;
  }

  /** product := unary (('*' | '/') unary)* — left-associative. */
  private parseProduct(): Parsed {
    let left = this.parseUnary();
    for (let token = this.peek(); token.type === 'operator' && (token.op === '*' || token.op === '/'); ) {
      this.index += 1;
      left = this.combine(left, token.op, token.position, this.parseUnary());
      token = this.peek();
    }
    return left;
  }

  /** unary := '-' unary | postfix */
  private parseUnary(): Parsed {
    const token = this.peek();
    if (token.type !== 'operator' || token.op !== '-') return this.parsePostfix();
    this.index += 1;
    const operand = this.parseUnary();
    const node: ExprNode = {
      kind: 'negate',
      operand: operand.node,
      position: token.position,
      end: operand.end,
    };
    return { node, position: token.position, end: operand.end, isGroup: false };
  }

  /** postfix := primary ('.periodOffset(' integer ')')* — on an item, or a group (applies to its items). */
  private parsePostfix(): Parsed {
    const parsed = this.parsePrimary();
    for (let token = this.peek(); token.type === 'periodOffset'; token = this.peek()) {
      if (parsed.node.kind !== 'item' && !parsed.isGroup) {
        throw syntaxError(
          this.text,
          token.position,
          '.periodOffset applies only to a data item or a group in parentheses',
          '.periodOffset',
        );
      }
      this.index += 1;
      shiftPeriods(parsed.node, token.offset);
      if (parsed.node.kind === 'item' && !parsed.isGroup) parsed.node.end = token.end;
      parsed.end = token.end;
    }
    return parsed;
  }

  private parsePrimary(): Parsed {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.index += 1;
        return {
          node: { kind: 'number', value: token.value, position: token.position, end: token.end },
          ...span(token),
        };
      case 'item':
      case 'constant':
        this.index += 1;
        return { node: token.node, ...span(token) };
      case 'open':
        return this.parseGroup(token);
      default:
        throw this.missingValue(token);
    }
  }

  private parseGroup(open: Token): Parsed {
    this.index += 1;
    const inner = this.parseSum();
    const close = this.peek();
    if (close.type !== 'close') {
      if (close.type === 'end') throw syntaxError(this.text, open.position, '"(" is never closed', '(');
      throw this.unexpected(close);
    }
    this.index += 1;
    return { node: inner.node, position: open.position, end: close.end, isGroup: true };
  }

  private combine(left: Parsed, op: '+' | '-' | '*' | '/', operatorPosition: number, right: Parsed): Parsed {
    const node: ExprNode = {
      kind: 'binary',
      op,
      left: left.node,
      right: right.node,
      position: left.position,
      end: right.end,
      operatorPosition,
    };
    return { node, position: left.position, end: right.end, isGroup: false };
  }

  /** Rejects whatever follows a complete expression. */
  expectEnd(): void {
    const token = this.peek();
    if (token.type === 'end') return;
    if (token.type === 'close') throw syntaxError(this.text, token.position, '")" has no matching "("', ')');
    throw this.unexpected(token);
  }

  private unexpected(token: Token): Error {
    const found = this.text.slice(token.position, token.end);
    if (token.type === 'periodOffset') {
      return syntaxError(
        this.text,
        token.position,
        '.periodOffset applies only to a data item or a group in parentheses',
        found,
      );
    }
    return syntaxError(this.text, token.position, `expected an operator before "${found}"`, found);
  }

  /** The error where a value should start but `token` is there instead. */
  private missingValue(token: Token): Error {
    const previous = this.tokens[this.index - 1];
    const found = this.text.slice(token.position, token.end);
    if (previous?.type === 'operator' && (token.type === 'end' || token.type === 'close')) {
      return syntaxError(this.text, previous.position, `"${previous.op}" has no right operand`, previous.op);
    }
    if (token.type === 'end')
      return syntaxError(this.text, previous?.position ?? 0, 'expected a value after "("', '(');
    if (token.type === 'periodOffset') return this.unexpected(token);
    return syntaxError(this.text, token.position, `expected a value before "${found}"`, found);
  }
}

function span(token: Token): { position: number; end: number; isGroup: false } {
  return { position: token.position, end: token.end, isGroup: false };
}

/** Adds `offset` to every item under `node` (how `( … ).periodOffset(n)` applies to a group). */
function shiftPeriods(node: ExprNode, offset: number): void {
  switch (node.kind) {
    case 'item':
      node.periodOffset += offset;
      return;
    case 'binary':
      shiftPeriods(node.left, offset);
      shiftPeriods(node.right, offset);
      return;
    case 'negate':
      shiftPeriods(node.operand, offset);
      return;
    case 'number':
    case 'constant':
      return;
  }
}
