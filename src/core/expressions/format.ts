import type { BinaryOperator, ExprNode, ItemNode } from './expression.types.js';

const PRECEDENCE: Record<BinaryOperator, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/**
 * Canonical text of a tree: single spaces around binary operators, parentheses only where the
 * structure needs them, `[CAT=OPT,…]` without spaces; `parseExpression(formatExpression(x))` equals x
 * apart from positions.
 */
export function formatExpression(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value);
    case 'item':
      return formatItem(node);
    case 'constant':
      return `C{${node.code}}`;
    case 'negate':
      return `-${isAtom(node.operand) ? formatExpression(node.operand) : `(${formatExpression(node.operand)})`}`;
    case 'binary': {
      const precedence = PRECEDENCE[node.op];
      const left = formatOperand(node.left, precedence, false);
      const right = formatOperand(node.right, precedence, true);
      return `${left} ${node.op} ${right}`;
    }
  }
}

/** Canonical text of one item, e.g. `#{BIRTHS[SEX=M]@HOSP}.periodOffset(-12)`. */
export function formatItem(item: ItemNode): string {
  let inner = item.dataElement;
  if (item.comboCode !== undefined) inner += `.${item.comboCode}`;
  const options = Object.entries(item.options);
  if (options.length > 0)
    inner += `[${options.map(([category, option]) => `${category}=${option}`).join(',')}]`;
  if (item.source !== undefined) inner += `@${item.source}`;
  const offset = item.periodOffset === 0 ? '' : `.periodOffset(${item.periodOffset})`;
  return `#{${inner}}${offset}`;
}

/** Left operands need parentheses below the operator's precedence, right operands also at it. */
function formatOperand(node: ExprNode, precedence: number, isRight: boolean): string {
  const text = formatExpression(node);
  if (node.kind !== 'binary') return text;
  const own = PRECEDENCE[node.op];
  return own < precedence || (isRight && own === precedence) ? `(${text})` : text;
}

function isAtom(node: ExprNode): boolean {
  return node.kind === 'number' || node.kind === 'item' || node.kind === 'constant';
}

/** Plain decimal where JavaScript prints one; exponent form (which the parser reads) otherwise. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`number literal must be finite and non-negative: ${value}`);
  return String(value);
}
