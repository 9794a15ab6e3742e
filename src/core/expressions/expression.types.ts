/**
 * The expression tree. Every node carries `position` (0-based character offset of its first
 * character in the source text) and `end` (offset just past its last character); messages show
 * the 1-based column, `position + 1`.
 */

/** Offsets of the codes inside an item, so a problem can point at the exact code. */
export interface ItemCodePositions {
  dataElement: number;
  /** Offset of each category code in `[CAT=OPT]`, keyed by category code. */
  categories: Record<string, number>;
  /** Offset of each option code in `[CAT=OPT]`, keyed by category code. */
  options: Record<string, number>;
  comboCode?: number;
  source?: number;
}

/** A non-negative finite literal; `-1` parses as `negate(1)`. */
export interface NumberNode {
  kind: 'number';
  value: number;
  position: number;
  end: number;
}

/** A data value reference: `#{DE}`, `#{DE[CAT=OPT,…]}`, `#{DE.OPT.OPT}`, `@SOURCE`, `.periodOffset(n)`. */
export interface ItemNode {
  kind: 'item';
  dataElement: string;
  /** Category code → option code; empty means every disaggregation (or see `comboCode`). */
  options: Record<string, string>;
  /** DHIS2 form `#{DE.M.3P}`: option codes joined by `.` in category order, resolved when validating. */
  comboCode?: string;
  /** Source (attribute option combo) code; absent means the default source. */
  source?: string;
  /** Periods before (negative) or after (positive) the queried period, in the query's period type. */
  periodOffset: number;
  position: number;
  end: number;
  codePositions: ItemCodePositions;
}

/** A named constant `C{CODE}`. */
export interface ConstantNode {
  kind: 'constant';
  code: string;
  position: number;
  end: number;
  codePosition: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/';

/** `left op right`; `position` is the left operand's start, `operatorPosition` the operator's. */
export interface BinaryNode {
  kind: 'binary';
  op: BinaryOperator;
  left: ExprNode;
  right: ExprNode;
  position: number;
  end: number;
  operatorPosition: number;
}

/** Unary minus. */
export interface NegateNode {
  kind: 'negate';
  operand: ExprNode;
  position: number;
  end: number;
}

/** Any node of an expression tree. */
export type ExprNode = NumberNode | ItemNode | ConstantNode | BinaryNode | NegateNode;

/** What validation needs to know about a data element. */
export interface CatalogDataElement {
  /** Categories in disaggregation order, each with its option codes. */
  categories: Array<{ code: string; options: string[] }>;
}

/** The metadata an expression is checked against (implemented by the metadata module). */
export interface ExpressionCatalog {
  findDataElement(code: string): CatalogDataElement | undefined;
  hasSource(code: string): boolean;
  hasConstant(code: string): boolean;
}

export type ExpressionProblemKind =
  | 'SYNTAX'
  | 'UNKNOWN_DATA_ELEMENT'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_OPTION'
  | 'UNKNOWN_SOURCE'
  | 'UNKNOWN_CONSTANT'
  | 'COMBO_MISMATCH';

/**
 * One thing wrong with an expression. `message` has no location; render it with
 * `describeProblem` (`unknown data element "BIRHTS" at 3`), which appends the 1-based `column`.
 */
export interface ExpressionProblem {
  kind: ExpressionProblemKind;
  message: string;
  /** The offending code (for SYNTAX, the offending text). */
  code: string;
  /** 0-based character offset of the offending code. */
  position: number;
  /** 1-based column, `position + 1`. */
  column: number;
}

/** Details carried by an INVALID_EXPRESSION AppError from `parseExpression`. */
export interface ExpressionSyntaxDetails {
  expression: string;
  /** 0-based character offset of the offending token. */
  position: number;
  /** 1-based column, `position + 1`. */
  column: number;
  /** The message without the location, e.g. `missing "}" after "#{BIRTHS"`. */
  reason: string;
  /** The offending text (may be empty at the end of the expression). */
  token: string;
}
