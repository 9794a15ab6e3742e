import fc from 'fast-check';
import type { BinaryOperator, ExprNode, ItemNode } from '../expression.types.js';

const NO_POSITION = { position: 0, end: 0 };
const code = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);

/** A finite non-negative literal, as the parser can produce it. */
export const arbitraryNumberValue = fc.oneof(
  fc.nat(100_000),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(Math.abs),
);

const arbitraryItem: fc.Arbitrary<ExprNode> = fc
  .record({
    dataElement: code,
    selection: fc.oneof(
      fc.constant({}),
      fc.dictionary(code, code, { minKeys: 1, maxKeys: 3 }).map((options) => ({ options })),
      fc.array(code, { minLength: 1, maxLength: 3 }).map((parts) => ({ comboCode: parts.join('.') })),
    ),
    source: fc.option(code, { nil: undefined }),
    periodOffset: fc.integer({ min: -24, max: 24 }),
  })
  .map(({ dataElement, selection, source, periodOffset }) => {
    const item: ItemNode = {
      kind: 'item',
      dataElement,
      options: 'options' in selection ? selection.options : {},
      periodOffset,
      ...NO_POSITION,
      codePositions: { dataElement: 0, categories: {}, options: {} },
    };
    if ('comboCode' in selection) item.comboCode = selection.comboCode;
    if (source !== undefined) item.source = source;
    return item;
  });

function arbitraryTree(leaf: fc.Arbitrary<ExprNode>): fc.Arbitrary<ExprNode> {
  const { tree } = fc.letrec<{ tree: ExprNode }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('tree').map((operand): ExprNode => ({ kind: 'negate', operand, ...NO_POSITION })),
      fc.tuple(fc.constantFrom<BinaryOperator>('+', '-', '*', '/'), tie('tree'), tie('tree')).map(
        ([op, left, right]): ExprNode => ({
          kind: 'binary',
          op,
          left,
          right,
          ...NO_POSITION,
          operatorPosition: 0,
        }),
      ),
    ),
  }));
  return tree;
}

/** Any tree the parser could produce: numbers, items of every form, constants, negation, operators. */
export const arbitraryExpression = arbitraryTree(
  fc.oneof(
    arbitraryNumberValue.map((value): ExprNode => ({ kind: 'number', value, ...NO_POSITION })),
    arbitraryItem,
    code.map((constant): ExprNode => ({ kind: 'constant', code: constant, ...NO_POSITION, codePosition: 0 })),
  ),
);

/** Trees of small integer literals only (zeros included, so division by zero happens). */
export const arbitraryNumericExpression = arbitraryTree(
  fc.integer({ min: 0, max: 9 }).map((value): ExprNode => ({ kind: 'number', value, ...NO_POSITION })),
);

/** The tree without any position fields, for structural comparison. */
export function stripPositions(node: ExprNode): unknown {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value };
    case 'constant':
      return { kind: 'constant', code: node.code };
    case 'item': {
      const { position: _p, end: _e, codePositions: _c, ...rest } = node;
      return rest;
    }
    case 'negate':
      return { kind: 'negate', operand: stripPositions(node.operand) };
    case 'binary':
      return {
        kind: 'binary',
        op: node.op,
        left: stripPositions(node.left),
        right: stripPositions(node.right),
      };
  }
}
