/**
 * Month-by-month numerator and denominator of an indicator per org unit, from the aggregate
 * table: the input of the year-end forecast and of the series chart. An item's period offset
 * counts in months here (the series' period type).
 */
import {
  collectItems,
  type ExprNode,
  evaluateExpression,
  type ItemNode,
} from '../../core/expressions/index.js';
import type { Queryable } from '../../store/db.js';
import { listItemMonths } from './analytics.repository.js';
import type { TAnalyticsCatalog, TParsedIndicator } from './analytics-catalog.js';

/** `YYYY-MM` of the month `offset` months after the month `month` (`YYYY-MM`). */
export function shiftMonth(month: string, offset: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every `YYYY-MM` from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** Per org unit id, per `YYYY-MM`: the expression's value, or null when all its items are missing. */
export type TMonthlyValues = Map<number, Map<string, number | null>>;

/** Monthly values of `node` (an indicator's numerator or denominator) for the org units. */
export async function loadMonthlyExpression(
  db: Queryable,
  catalog: TAnalyticsCatalog,
  node: ExprNode,
  orgUnitIds: readonly number[],
  first: string,
  last: string,
): Promise<TMonthlyValues> {
  const items = collectItems(node);
  const byItem = new Map<ItemNode, Map<string, number>>();
  const loads = items.map(async (item) => {
    const resolved = catalog.items.get(item);
    if (!resolved || resolved.optionComboIds.length === 0) return;
    const rows = await listItemMonths(
      db,
      { ...resolved, orgUnitIds },
      `${shiftMonth(first, item.periodOffset)}-01`,
      `${shiftMonth(last, item.periodOffset)}-01`,
    );
    const values = new Map<string, number>();
    for (const row of rows) {
      const value = resolved.aggregation === 'SUM' ? row.sumShare : row.average;
      values.set(`${row.orgUnitId}:${shiftMonth(row.month.slice(0, 7), -item.periodOffset)}`, value);
    }
    byItem.set(item, values);
  });
  await Promise.all(loads);
  const result: TMonthlyValues = new Map();
  for (const orgUnitId of orgUnitIds) {
    const perMonth = new Map<string, number | null>();
    for (const month of monthsBetween(first, last)) {
      const read = (item: ItemNode) => byItem.get(item)?.get(`${orgUnitId}:${month}`) ?? null;
      perMonth.set(
        month,
        evaluateExpression(node, read, (code) => catalog.constants.get(code) ?? null),
      );
    }
    result.set(orgUnitId, perMonth);
  }
  return result;
}

/** True when every item of the indicator's denominator is a SUM element (a count, not a stock). */
export function isCountDenominator(catalog: TAnalyticsCatalog, indicator: TParsedIndicator): boolean {
  return isCountExpression(catalog, indicator.denominatorNode);
}

/**
 * True when every item of the indicator's numerator is a SUM element: its year is the sum of its
 * months (births). Otherwise (AVERAGE/LAST: users of a method, women covered) it is a level.
 */
export function isCountNumerator(catalog: TAnalyticsCatalog, indicator: TParsedIndicator): boolean {
  return isCountExpression(catalog, indicator.numeratorNode);
}

function isCountExpression(catalog: TAnalyticsCatalog, node: TParsedIndicator['numeratorNode']): boolean {
  const items = collectItems(node);
  return items.length > 0 && items.every((item) => catalog.items.get(item)?.aggregation === 'SUM');
}
