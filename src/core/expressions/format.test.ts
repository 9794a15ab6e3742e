import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectConstants, collectItems, visit } from './collect.js';
import type { ExprNode } from './expression.types.js';
import { formatExpression } from './format.js';
import { parseExpression } from './parse.js';
import { arbitraryExpression, stripPositions } from './testing/expression-arbitraries.js';

const canonical = (text: string) => formatExpression(parseExpression(text));

describe('formatExpression', () => {
  it('writes canonical text with parentheses only where the tree needs them', () => {
    expect(canonical('(1+2)*3')).toBe('(1 + 2) * 3');
    expect(canonical('1+(2*3)')).toBe('1 + 2 * 3');
    expect(canonical('10-(4-3)')).toBe('10 - (4 - 3)');
    expect(canonical('(10-4)-3')).toBe('10 - 4 - 3');
    expect(canonical('8/(4*2)')).toBe('8 / (4 * 2)');
    expect(canonical('-(#{A}+1)')).toBe('-(#{A} + 1)');
    expect(canonical('--1')).toBe('-(-1)');
    expect(canonical('1 - -C{K}')).toBe('1 - -C{K}');
  });

  it('writes items in the canonical form of each syntax', () => {
    expect(canonical('#{ BIRTHS [ SEX = M , ORDER = 3P ] @ HOSP }')).toBe('#{BIRTHS[SEX=M,ORDER=3P]@HOSP}');
    expect(canonical('#{BIRTHS.M.3P}.periodOffset( -12 )')).toBe('#{BIRTHS.M.3P}.periodOffset(-12)');
    expect(canonical('#{POP}.periodOffset(0)')).toBe('#{POP}');
    expect(canonical('(#{A} + #{B}).periodOffset(1)')).toBe('#{A}.periodOffset(1) + #{B}.periodOffset(1)');
  });

  it('round-trips every generated tree through parseExpression', () => {
    fc.assert(
      fc.property(arbitraryExpression, (tree) => {
        expect(stripPositions(parseExpression(formatExpression(tree)))).toEqual(stripPositions(tree));
      }),
      { numRuns: 500 },
    );
  });

  it('gives positions that cut each leaf out of the text', () => {
    fc.assert(
      fc.property(arbitraryExpression, (tree) => {
        const text = formatExpression(tree);
        visit(parseExpression(text), (leaf) => {
          const cut = parseExpression(text.slice(leaf.position, leaf.end));
          expect(stripPositions(cut)).toEqual(stripPositions(leaf));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('collectItems and collectConstants', () => {
  it('list items with repeats and distinct constants, left to right', () => {
    const tree: ExprNode = parseExpression('C{B} * #{X} + C{A} / #{Y[SEX=M]} - #{X} * C{B}');
    expect(collectItems(tree).map((item) => item.dataElement)).toEqual(['X', 'Y', 'X']);
    expect(collectConstants(tree)).toEqual(['B', 'A']);
  });
});
