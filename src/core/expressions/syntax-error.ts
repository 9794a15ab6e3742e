import { AppError } from '../errors.js';
import type { ExpressionSyntaxDetails } from './expression.types.js';

/** An INVALID_EXPRESSION error whose message ends with the 1-based column: `unexpected character "$" at 4`. */
export function syntaxError(expression: string, position: number, reason: string, token = ''): AppError {
  const details: ExpressionSyntaxDetails = { expression, position, column: position + 1, reason, token };
  return new AppError('INVALID_EXPRESSION', `${reason} at ${position + 1}`, details);
}

/** The details of an INVALID_EXPRESSION error raised by `syntaxError`, or undefined for any other error. */
export function findSyntaxDetails(error: unknown): ExpressionSyntaxDetails | undefined {
  if (!(error instanceof AppError) || error.code !== 'INVALID_EXPRESSION') return undefined;
  const details = error.details as Partial<ExpressionSyntaxDetails> | undefined;
  if (typeof details?.position !== 'number' || typeof details.reason !== 'string') return undefined;
  return details as ExpressionSyntaxDetails;
}
