import { AppError } from '../errors.js';
import { visit } from './collect.js';
import type {
  CatalogDataElement,
  ExpressionCatalog,
  ExpressionProblem,
  ExpressionProblemKind,
  ExprNode,
  ItemNode,
} from './expression.types.js';
import { parseExpression } from './parse.js';
import { findSyntaxDetails } from './syntax-error.js';

/** Every unknown code or mismatched disaggregation in the tree, in text order (empty when valid). */
export function validateExpression(node: ExprNode, catalog: ExpressionCatalog): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  visit(node, (leaf) => {
    if (leaf.kind === 'item') problems.push(...validateItem(leaf, catalog));
    if (leaf.kind === 'constant' && !catalog.hasConstant(leaf.code)) {
      problems.push(
        problem('UNKNOWN_CONSTANT', `unknown constant "${leaf.code}"`, leaf.code, leaf.codePosition),
      );
    }
  });
  return problems.sort((a, b) => a.position - b.position);
}

/** Parses and validates `text`; a syntax error comes back as a single SYNTAX problem instead of throwing. */
export function checkExpression(text: string, catalog: ExpressionCatalog): ExpressionProblem[] {
  let node: ExprNode;
  try {
    node = parseExpression(text);
  } catch (error) {
    const details = findSyntaxDetails(error);
    if (!details) throw error;
    return [problem('SYNTAX', details.reason, details.token, details.position)];
  }
  return validateExpression(node, catalog);
}

/**
 * The tree of a valid expression; throws INVALID_EXPRESSION whose message is the first problem
 * (`unknown data element "BIRHTS" at 3`) and whose details hold `{expression, problems}`.
 */
export function getValidExpression(text: string, catalog: ExpressionCatalog): ExprNode {
  const problems = checkExpression(text, catalog);
  const first = problems[0];
  if (first) throw new AppError('INVALID_EXPRESSION', describeProblem(first), { expression: text, problems });
  return parseExpression(text);
}

/** `unknown data element "BIRHTS" at 3`: the problem's message with its 1-based column. */
export function describeProblem(found: ExpressionProblem): string {
  return `${found.message} at ${found.column}`;
}

/**
 * The options an item selects, by category code, with a combo code (`M.3P`, or `default` for a
 * data element without categories) resolved against the data element; undefined when it does not match.
 */
export function resolveItemOptions(
  item: ItemNode,
  dataElement: CatalogDataElement,
): Record<string, string> | undefined {
  if (item.comboCode === undefined) return item.options;
  const { categories } = dataElement;
  if (item.comboCode === 'default' && categories.length === 0) return {};
  const parts = item.comboCode.split('.');
  if (parts.length !== categories.length) return undefined;
  const options: Record<string, string> = {};
  for (const [index, category] of categories.entries()) {
    const option = parts[index]!;
    if (!category.options.includes(option)) return undefined;
    options[category.code] = option;
  }
  return options;
}

function validateItem(item: ItemNode, catalog: ExpressionCatalog): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const positions = item.codePositions;
  const dataElement = catalog.findDataElement(item.dataElement);
  if (!dataElement) {
    const message = `unknown data element "${item.dataElement}"`;
    problems.push(problem('UNKNOWN_DATA_ELEMENT', message, item.dataElement, positions.dataElement));
  } else {
    problems.push(...validateOptions(item, dataElement));
  }
  if (item.source !== undefined && !catalog.hasSource(item.source)) {
    problems.push(
      problem(
        'UNKNOWN_SOURCE',
        `unknown source "${item.source}"`,
        item.source,
        positions.source ?? item.position,
      ),
    );
  }
  return problems;
}

function validateOptions(item: ItemNode, dataElement: CatalogDataElement): ExpressionProblem[] {
  const positions = item.codePositions;
  if (item.comboCode !== undefined && !resolveItemOptions(item, dataElement)) {
    const names = dataElement.categories.map((category) => category.code).join(', ') || 'none';
    const message = `option combo "${item.comboCode}" does not match the categories of "${item.dataElement}" (${names})`;
    return [problem('COMBO_MISMATCH', message, item.comboCode, positions.comboCode ?? item.position)];
  }
  const problems: ExpressionProblem[] = [];
  for (const [categoryCode, option] of Object.entries(item.options)) {
    const category = dataElement.categories.find((candidate) => candidate.code === categoryCode);
    if (!category) {
      const message = `data element "${item.dataElement}" has no category "${categoryCode}"`;
      problems.push(
        problem(
          'UNKNOWN_CATEGORY',
          message,
          categoryCode,
          positions.categories[categoryCode] ?? item.position,
        ),
      );
    } else if (!category.options.includes(option)) {
      const message = `category "${categoryCode}" has no option "${option}"`;
      problems.push(
        problem('UNKNOWN_OPTION', message, option, positions.options[categoryCode] ?? item.position),
      );
    }
  }
  return problems;
}

function problem(
  kind: ExpressionProblemKind,
  message: string,
  code: string,
  position: number,
): ExpressionProblem {
  return { kind, message, code, position, column: position + 1 };
}
