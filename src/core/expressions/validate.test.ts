import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { CatalogDataElement, ExpressionCatalog } from './expression.types.js';
import { parseExpression } from './parse.js';
import {
  checkExpression,
  describeProblem,
  getValidExpression,
  resolveItemOptions,
  validateExpression,
} from './validate.js';

const SEX = { code: 'SEX', options: ['M', 'F'] };
const ORDER = { code: 'ORDER', options: ['1P', '2P', '3P'] };
const DATA_ELEMENTS: Record<string, CatalogDataElement> = {
  BIRTHS: { categories: [SEX, ORDER] },
  POP: { categories: [] },
};

const catalog: ExpressionCatalog = {
  findDataElement: (code) => DATA_ELEMENTS[code],
  hasSource: (code) => code === 'STAT' || code === 'HOSP',
  hasConstant: (code) => code === 'PER_MILLE',
};

describe('validateExpression', () => {
  it('accepts known codes in every item form', () => {
    const text =
      '#{BIRTHS[SEX=M,ORDER=3P]@HOSP} + #{BIRTHS.F.1P} + #{POP.default}.periodOffset(-12) * C{PER_MILLE}';
    expect(validateExpression(parseExpression(text), catalog)).toEqual([]);
  });

  it('names an unknown data element at the position of its code', () => {
    expect(checkExpression('#{BIRHTS}', catalog)).toEqual([
      {
        kind: 'UNKNOWN_DATA_ELEMENT',
        message: 'unknown data element "BIRHTS"',
        code: 'BIRHTS',
        position: 2,
        column: 3,
      },
    ]);
  });

  it('reports every problem in text order', () => {
    const problems = checkExpression('C{K} + #{BIRTHS[AGE=5,SEX=X]@HOS} / #{POP}', catalog);
    expect(problems.map((problem) => [problem.kind, problem.message, problem.position])).toEqual([
      ['UNKNOWN_CONSTANT', 'unknown constant "K"', 2],
      ['UNKNOWN_CATEGORY', 'data element "BIRTHS" has no category "AGE"', 16],
      ['UNKNOWN_OPTION', 'category "SEX" has no option "X"', 26],
      ['UNKNOWN_SOURCE', 'unknown source "HOS"', 29],
    ]);
  });

  it('checks an option combo against the categories in order', () => {
    const [problem] = checkExpression('#{BIRTHS.M.9}', catalog);
    expect(problem).toMatchObject({ kind: 'COMBO_MISMATCH', code: 'M.9', position: 9 });
    expect(problem?.message).toBe(
      'option combo "M.9" does not match the categories of "BIRTHS" (SEX, ORDER)',
    );
    expect(checkExpression('#{BIRTHS.3P.M}', catalog)).toHaveLength(1);
    expect(checkExpression('#{BIRTHS.M}', catalog)).toHaveLength(1);
    expect(checkExpression('#{POP.M}', catalog)[0]?.message).toBe(
      'option combo "M" does not match the categories of "POP" (none)',
    );
  });

  it('still checks the source of an unknown data element', () => {
    expect(checkExpression('#{X@Y}', catalog).map((problem) => problem.kind)).toEqual([
      'UNKNOWN_DATA_ELEMENT',
      'UNKNOWN_SOURCE',
    ]);
  });
});

describe('checkExpression', () => {
  it('returns a syntax error as a single SYNTAX problem', () => {
    expect(checkExpression('#{BIRTHS', catalog)).toEqual([
      {
        kind: 'SYNTAX',
        message: 'missing "}" to close "#{BIRTHS"',
        code: '#{BIRTHS',
        position: 0,
        column: 1,
      },
    ]);
  });
});

describe('describeProblem', () => {
  it('appends the 1-based column to the message', () => {
    const [problem] = checkExpression('1 + #{BIRHTS}', catalog);
    expect(problem && describeProblem(problem)).toBe('unknown data element "BIRHTS" at 7');
  });
});

describe('getValidExpression', () => {
  it('returns the tree of a valid expression', () => {
    expect(getValidExpression('#{POP}', catalog)).toMatchObject({ kind: 'item', dataElement: 'POP' });
  });

  it('throws INVALID_EXPRESSION naming the first problem and listing all of them', () => {
    let thrown: unknown;
    try {
      getValidExpression('#{BIRHTS} / C{K}', catalog);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'INVALID_EXPRESSION',
      message: 'unknown data element "BIRHTS" at 3',
    });
    expect((thrown as AppError).details).toMatchObject({
      expression: '#{BIRHTS} / C{K}',
      problems: [{}, {}],
    });
  });
});

describe('resolveItemOptions', () => {
  it('maps combo codes to options by category and keeps bracketed options', () => {
    const births = DATA_ELEMENTS.BIRTHS!;
    const resolve = (text: string, element = births) => {
      const node = parseExpression(text);
      return node.kind === 'item' ? resolveItemOptions(node, element) : 'not an item';
    };
    expect(resolve('#{BIRTHS.M.3P}')).toEqual({ SEX: 'M', ORDER: '3P' });
    expect(resolve('#{BIRTHS[ORDER=2P]}')).toEqual({ ORDER: '2P' });
    expect(resolve('#{BIRTHS.X.3P}')).toBeUndefined();
    expect(resolve('#{POP.default}', DATA_ELEMENTS.POP)).toEqual({});
  });
});
