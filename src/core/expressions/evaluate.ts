import { collectItems } from './collect.js';
import type { ExprNode, ItemNode } from './expression.types.js';

/**
 * The value of an expression, or null, under DHIS2's SKIP_IF_ALL_VALUES_MISSING strategy:
 * null when the expression has items and every one resolves to null; otherwise a null item
 * counts as 0. A null constant, a zero or null divisor, or a non-finite result gives null.
 * `resolveItem` is called once per item node, left to right.
 */
export function evaluateExpression(
  node: ExprNode,
  resolveItem: (item: ItemNode) => number | null,
  resolveConstant: (code: string) => number | null,
): number | null {
  const items = collectItems(node);
  const values = new Map<ItemNode, number | null>();
  for (const item of items) values.set(item, resolveItem(item));
  if (items.length > 0 && items.every((item) => values.get(item) === null)) return null;
  const result = compute(node, (item) => values.get(item) ?? 0, resolveConstant);
  return result !== null && Number.isFinite(result) ? normalizeZero(result) : null;
}

function compute(
  node: ExprNode,
  itemValue: (item: ItemNode) => number,
  resolveConstant: (code: string) => number | null,
): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'item':
      return itemValue(node);
    case 'constant':
      return resolveConstant(node.code);
    case 'negate': {
      const operand = compute(node.operand, itemValue, resolveConstant);
      return operand === null ? null : -operand;
    }
    case 'binary': {
      const left = compute(node.left, itemValue, resolveConstant);
      const right = compute(node.right, itemValue, resolveConstant);
      if (left === null || right === null) return null;
      return applyOperator(node.op, left, right);
    }
  }
}

/** `left op right`, or null for division by zero or an overflow, never Infinity or NaN. */
export function applyOperator(op: '+' | '-' | '*' | '/', left: number, right: number): number | null {
  const result = rawOperator(op, left, right);
  return result !== null && Number.isFinite(result) ? result : null;
}

function rawOperator(op: '+' | '-' | '*' | '/', left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? null : left / right;
  }
}

/** -0 reads as 0 in every output. */
function normalizeZero(value: number): number {
  return value === 0 ? 0 : value;
}
