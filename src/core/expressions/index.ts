export { collectConstants, collectItems, visit } from './collect.js';
export { applyOperator, evaluateExpression } from './evaluate.js';
export type * from './expression.types.js';
export { formatExpression, formatItem } from './format.js';
export { parseExpression } from './parse.js';
export { findSyntaxDetails } from './syntax-error.js';
export {
  checkExpression,
  describeProblem,
  getValidExpression,
  resolveItemOptions,
  validateExpression,
} from './validate.js';
