/**
 * Numerator, denominator and value of indicators per org unit for a period (or year-to-date),
 * each expression item read at its own period offset. One query per distinct item and range,
 * shared across indicators through `TValueCache`.
 */
import { collectItems, evaluateExpression, type ItemNode } from '../../core/expressions/index.js';
import { type Period, shiftPeriod, yearToDate } from '../../core/periods/index.js';
import type { Queryable } from '../../store/db.js';
import { resolvedItemKey, type TAnalyticsCatalog, type TParsedIndicator } from './analytics-catalog.js';
import { loadItemValues, type TDateRange, type TValueSource } from './item-values.js';
import { daysBetween } from './month-split.js';

export interface TIndicatorValue {
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator × factor (rates annualised); null without a denominator. */
  value: number | null;
}

/** Item values by item key and range, shared by every indicator of one request. */
export type TValueCache = Map<string, Promise<Map<number, number>>>;

/** The date range of `period`, or of its year-to-date. */
export function rangeOf(period: Period, ytd: boolean): TDateRange {
  return ytd ? yearToDate(period) : { start: period.start, end: period.end };
}

/**
 * Share of a year a range covers (days / days in the year of its end): the rate's person-time
 * is the average population × this share, and a sub-annual rate is annualised by its inverse
 * (statistics.md §1, GUS: a quarter's events × 4; here by days).
 */
export function yearShare(range: TDateRange): number {
  const year = Number(range.end.slice(0, 4));
  return daysBetween(range.start, range.end) / daysBetween(`${year}-01-01`, `${year}-12-31`);
}

/** Values of `indicator` for each org unit over `period` (year-to-date when `ytd`). */
export async function evaluateIndicator(
  db: Queryable,
  catalog: TAnalyticsCatalog,
  indicator: TParsedIndicator,
  orgUnitIds: readonly number[],
  query: { period: Period; ytd: boolean; from?: TValueSource; cache?: TValueCache },
): Promise<Map<number, TIndicatorValue>> {
  const cache = query.cache ?? new Map();
  const pending = new Map<ItemNode, Promise<Map<number, number>>>();
  for (const node of [...collectItems(indicator.numeratorNode), ...collectItems(indicator.denominatorNode)]) {
    const item = catalog.items.get(node);
    if (!item) continue;
    const range = rangeOf(
      item.periodOffset === 0 ? query.period : shiftPeriod(query.period, item.periodOffset),
      query.ytd,
    );
    const key = `${resolvedItemKey(item)}|${range.start}|${range.end}|${query.from ?? 'aggregate'}|${orgUnitIds.join(',')}`;
    let load = cache.get(key);
    if (!load) {
      load = loadItemValues(db, item, orgUnitIds, range, query.from);
      cache.set(key, load);
    }
    pending.set(node, load);
  }
  // Every item's query is in flight before the first is awaited (a pooled server runs them at once).
  const resolved = new Map<ItemNode, Map<number, number>>();
  for (const [node, load] of pending) resolved.set(node, await load);
  const annualise = indicator.kind === 'rate' ? 1 / yearShare(rangeOf(query.period, query.ytd)) : 1;
  const values = new Map<number, TIndicatorValue>();
  for (const orgUnitId of orgUnitIds) {
    const read = (node: ItemNode) => resolved.get(node)?.get(orgUnitId) ?? null;
    const constant = (code: string) => catalog.constants.get(code) ?? null;
    const numerator = evaluateExpression(indicator.numeratorNode, read, constant);
    const denominator = evaluateExpression(indicator.denominatorNode, read, constant);
    const value =
      numerator === null || denominator === null || denominator === 0
        ? null
        : (numerator / denominator) * indicator.factor * annualise;
    values.set(orgUnitId, { numerator, denominator, value });
  }
  return values;
}
