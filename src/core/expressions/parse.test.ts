import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate.js';
import type { ExprNode } from './expression.types.js';
import { parseExpression } from './parse.js';

const noValues = () => null;

function computed(text: string): number | null {
  return evaluateExpression(parseExpression(text), noValues, noValues);
}

describe('parseExpression', () => {
  it('reads a bare item as every disaggregation of the default source', () => {
    expect(parseExpression('#{BIRTHS}')).toEqual({
      kind: 'item',
      dataElement: 'BIRTHS',
      options: {},
      periodOffset: 0,
      position: 0,
      end: 9,
      codePositions: { dataElement: 2, categories: {}, options: {} },
    });
  });

  it('reads options, a source and a period offset with spaces around "=" and ","', () => {
    const text = '#{BIRTHS[SEX = M , ORDER=3P]@HOSP}.periodOffset(-12)';
    expect(parseExpression(text)).toEqual({
      kind: 'item',
      dataElement: 'BIRTHS',
      options: { SEX: 'M', ORDER: '3P' },
      source: 'HOSP',
      periodOffset: -12,
      position: 0,
      end: text.length,
      codePositions: {
        dataElement: 2,
        categories: { SEX: 9, ORDER: 19 },
        options: { SEX: 15, ORDER: 25 },
        source: 29,
      },
    });
  });

  it('reads the DHIS2 option-combo form into comboCode', () => {
    const node = parseExpression('#{BIRTHS.M.3P@HOSP}');
    expect(node).toMatchObject({
      kind: 'item',
      dataElement: 'BIRTHS',
      options: {},
      comboCode: 'M.3P',
      source: 'HOSP',
    });
    expect(node).toMatchObject({ codePositions: { comboCode: 9, source: 14 } });
  });

  it('reads codes with digits, underscores and hyphens', () => {
    expect(parseExpression('#{BIRTHS_MATCHED[ORDER=3P]@CIVIL-REG}')).toMatchObject({
      dataElement: 'BIRTHS_MATCHED',
      options: { ORDER: '3P' },
      source: 'CIVIL-REG',
    });
  });

  it('reads a constant and numbers with their positions', () => {
    expect(parseExpression(' C{K} ')).toEqual({
      kind: 'constant',
      code: 'K',
      position: 1,
      end: 5,
      codePosition: 3,
    });
    expect(parseExpression('0.5')).toEqual({ kind: 'number', value: 0.5, position: 0, end: 3 });
    expect(parseExpression('1000')).toEqual({ kind: 'number', value: 1000, position: 0, end: 4 });
    expect(parseExpression('1e3')).toMatchObject({ kind: 'number', value: 1000 });
  });

  it('builds binary and negate nodes whose spans cover their operands and parentheses', () => {
    const node = parseExpression('-(#{A} + 2) * C{K}');
    expect(node).toMatchObject({ kind: 'binary', op: '*', position: 0, end: 18, operatorPosition: 12 });
    const left = (node as Extract<ExprNode, { kind: 'binary' }>).left;
    expect(left).toMatchObject({ kind: 'negate', position: 0, end: 11 });
    expect(left).toMatchObject({
      operand: { kind: 'binary', op: '+', position: 2, end: 10, operatorPosition: 7 },
    });
  });

  it('gives multiplication and division precedence over addition and subtraction', () => {
    expect(computed('1+2*3')).toBe(7);
    expect(computed('(1+2)*3')).toBe(9);
    expect(computed('10/4')).toBe(2.5);
    expect(computed('2 - 3 * 4 + 6 / 2')).toBe(-7);
  });

  it('associates operators of equal precedence to the left', () => {
    expect(computed('10 - 4 - 3')).toBe(3);
    expect(computed('64 / 4 / 2')).toBe(8);
    expect(computed('10 - (4 - 3)')).toBe(9);
  });

  it('binds unary minus tighter than any binary operator', () => {
    expect(parseExpression('-#{A}')).toMatchObject({
      kind: 'negate',
      operand: { kind: 'item', dataElement: 'A' },
    });
    expect(computed('-2 * 3')).toBe(-6);
    expect(computed('1 - -2')).toBe(3);
    expect(computed('--2')).toBe(2);
  });

  it('applies periodOffset after a group to every item inside it, adding up repeated offsets', () => {
    const node = parseExpression('(#{A}.periodOffset(-1) + #{B} * 2).periodOffset(-12)');
    expect(node).toMatchObject({
      kind: 'binary',
      left: { dataElement: 'A', periodOffset: -13 },
      right: { left: { dataElement: 'B', periodOffset: -12 } },
    });
    expect(parseExpression('#{A}.periodOffset(+2).periodOffset(1)')).toMatchObject({ periodOffset: 3 });
  });
});
