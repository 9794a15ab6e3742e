import type { ExprNode, ItemNode } from './expression.types.js';

/** Every data item in the tree, left to right (repeats kept: `#{A} + #{A}` gives two). */
export function collectItems(node: ExprNode): ItemNode[] {
  const items: ItemNode[] = [];
  visit(node, (leaf) => {
    if (leaf.kind === 'item') items.push(leaf);
  });
  return items;
}

/** The distinct constant codes in the tree, in order of first appearance. */
export function collectConstants(node: ExprNode): string[] {
  const codes = new Set<string>();
  visit(node, (leaf) => {
    if (leaf.kind === 'constant') codes.add(leaf.code);
  });
  return [...codes];
}

/** Calls `onLeaf` for each number, item and constant, left to right. */
export function visit(
  node: ExprNode,
  onLeaf: (leaf: Exclude<ExprNode, { kind: 'binary' | 'negate' }>) => void,
): void {
  switch (node.kind) {
    case 'binary':
      visit(node.left, onLeaf);
      visit(node.right, onLeaf);
      return;
    case 'negate':
      visit(node.operand, onLeaf);
      return;
    case 'number':
    case 'item':
    case 'constant':
      onLeaf(node);
      return;
  }
}
