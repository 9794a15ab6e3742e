/**
 * The metadata one analytics request needs, loaded once: indicators with parsed expressions,
 * and each expression item resolved to the element, option combos and source it reads.
 */
import { AppError } from '../../core/errors.js';
import { collectItems, type ExprNode, type ItemNode, parseExpression } from '../../core/expressions/index.js';
import type { Queryable } from '../../store/db.js';
import {
  listConstants,
  listDataElements,
  listIndicators,
  listOptionCombos,
  listSources,
  type TIndicatorRow,
} from './analytics-metadata.repository.js';

/** Default source (DHIS2's default attribute option combo). */
export const DEFAULT_SOURCE_CODE = 'STAT';

export interface TResolvedItem {
  dataElementId: number;
  sourceId: number;
  optionComboIds: number[];
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  periodOffset: number;
}

export interface TParsedIndicator extends TIndicatorRow {
  numeratorNode: ExprNode;
  denominatorNode: ExprNode;
}

export interface TAnalyticsCatalog {
  indicators: TParsedIndicator[];
  /** Resolution of each item node of every indicator expression. */
  items: Map<ItemNode, TResolvedItem>;
  constants: Map<string, number>;
}

/** Loads and resolves every indicator (or only `onlyCode`); INVALID_EXPRESSION names an unknown code. */
export async function loadAnalyticsCatalog(db: Queryable, onlyCode?: string): Promise<TAnalyticsCatalog> {
  const rows = (await listIndicators(db)).filter((row) => onlyCode === undefined || row.code === onlyCode);
  const indicators = rows.map((row) => ({
    ...row,
    numeratorNode: parseExpression(row.numerator),
    denominatorNode: parseExpression(row.denominator),
  }));
  const itemNodes = indicators.flatMap((i) => [
    ...collectItems(i.numeratorNode),
    ...collectItems(i.denominatorNode),
  ]);
  const elements = await listDataElements(db, [...new Set(itemNodes.map((item) => item.dataElement))]);
  const combos = await listOptionCombos(
    db,
    elements.map((element) => element.id),
  );
  const sources = new Map((await listSources(db)).map((source) => [source.code, source.id]));
  const constants = new Map((await listConstants(db)).map((constant) => [constant.code, constant.value]));
  const elementsByCode = new Map(elements.map((element) => [element.code, element]));
  const items = new Map<ItemNode, TResolvedItem>();
  for (const item of itemNodes) {
    const element = elementsByCode.get(item.dataElement);
    if (!element) throw unknownCode('data element', item.dataElement);
    const sourceCode = item.source ?? DEFAULT_SOURCE_CODE;
    const sourceId = sources.get(sourceCode);
    if (sourceId === undefined) throw unknownCode('source', sourceCode);
    const optionComboIds = combos
      .filter((combo) => combo.dataElementId === element.id && comboMatches(item, combo))
      .map((combo) => combo.id);
    items.set(item, {
      dataElementId: element.id,
      sourceId,
      optionComboIds,
      aggregation: element.aggregation,
      periodOffset: item.periodOffset,
    });
  }
  return { indicators, items, constants };
}

function comboMatches(item: ItemNode, combo: { code: string; options: Record<string, string> }): boolean {
  if (item.comboCode !== undefined) return combo.code === item.comboCode;
  return Object.entries(item.options).every(([category, option]) => combo.options[category] === option);
}

function unknownCode(what: string, code: string): AppError {
  return new AppError('INVALID_EXPRESSION', `unknown ${what} "${code}" in an indicator expression`, {
    what,
    code,
  });
}

/** A stable key for the values an item reads (items with equal keys share one query). */
export function resolvedItemKey(item: TResolvedItem): string {
  return [
    item.dataElementId,
    item.sourceId,
    item.aggregation,
    item.periodOffset,
    item.optionComboIds.join(','),
  ].join('|');
}
