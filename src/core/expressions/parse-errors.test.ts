import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseExpression } from './parse.js';

/** The AppError thrown by parsing `text` (fails the test when parsing succeeds). */
function parseError(text: string): AppError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('parseExpression errors', () => {
  it.each([
    ['', 0, 'expression is empty at 1'],
    ['   ', 0, 'expression is empty at 1'],
    ['(#{A} + 1', 0, '"(" is never closed at 1'],
    ['((1)', 0, '"(" is never closed at 1'],
    ['1 + 2)', 5, '")" has no matching "(" at 6'],
    ['#{A} +', 5, '"+" has no right operand at 6'],
    ['(1 *)', 3, '"*" has no right operand at 4'],
    ['-', 0, '"-" has no right operand at 1'],
    ['*3', 0, 'expected a value before "*" at 1'],
    ['()', 1, 'expected a value before ")" at 2'],
    ['1 2', 2, 'expected an operator before "2" at 3'],
    ['#{A} #{B}', 5, 'expected an operator before "#{B}" at 6'],
    ['1 $ 2', 2, 'unexpected character "$" at 3'],
    ['#{A} % 2', 5, 'unexpected character "%" at 6'],
    ['#{BIRTHS', 0, 'missing "}" to close "#{BIRTHS" at 1'],
    ['1 + #{BIRTHS[SEX=M] + #{POP}', 4, 'missing "}" to close "#{BIRTHS[SEX=M]" at 5'],
    ['C{K', 0, 'missing "}" to close "C{K" at 1'],
    ['#{}', 2, 'expected a data element code after "#{", found "}" at 3'],
    ['#{A[SEX]}', 7, 'expected "=" after category "SEX", found "]" at 8'],
    ['#{A[SEX=]}', 8, 'expected an option code after "SEX=", found "]" at 9'],
    ['#{A[SEX=M,SEX=F]}', 10, 'category "SEX" is given twice at 11'],
    ['#{A@}', 4, 'expected a source code after "@", found "}" at 5'],
    ['#{A.M.}', 6, 'expected an option code after ".", found "}" at 7'],
    ['#{A}.periodOffset(x)', 18, '.periodOffset needs an integer, found "x" at 19'],
    ['#{A}.periodOffset(1.5)', 18, '.periodOffset needs an integer, found "1.5" at 19'],
    ['#{A}.periodOffset()', 18, '.periodOffset needs an integer, found "" at 19'],
    ['#{A}.periodOffset(-1', 4, 'missing ")" to close ".periodOffset(" at 5'],
    ['#{A}.periodOffset', 17, 'expected "(" after ".periodOffset" at 18'],
    ['#{A}.yearToDate()', 4, 'unsupported function ".yearToDate" at 5'],
    ['C{K}.periodOffset(1)', 4, '.periodOffset applies only to a data item or a group in parentheses at 5'],
  ])('rejects %j at offset %i: %s', (text, position, message) => {
    const error = parseError(text);
    expect(error.code).toBe('INVALID_EXPRESSION');
    expect(error.message).toBe(message);
    expect(error.details).toMatchObject({ expression: text, position, column: position + 1 });
  });

  it('names the offending text in the details', () => {
    expect(parseError('1 $ 2').details).toMatchObject({ reason: 'unexpected character "$"', token: '$' });
  });
});
