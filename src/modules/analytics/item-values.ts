/**
 * Values of expression items per org unit over a date range, by the element's aggregation:
 * SUM adds the values' day-shares; AVERAGE is the time-weighted mean over days, summed across
 * org units and option combos; LAST is the latest period's value, summed across org units.
 */
import type { Queryable } from '../../store/db.js';
import { sumItemLast, sumItemMonths, sumItemRaw, type TItemSums } from './analytics.repository.js';
import type { TResolvedItem } from './analytics-catalog.js';
import { splitRange } from './month-split.js';

export interface TDateRange {
  start: string;
  end: string;
}

/** Where the sums come from: aggregates + raw edges (normal), or raw values only (checks, bench). */
export type TValueSource = 'aggregate' | 'raw';

/** Item value per org unit id; org units without any value are absent (null in expressions). */
export async function loadItemValues(
  db: Queryable,
  item: TResolvedItem,
  orgUnitIds: readonly number[],
  range: TDateRange,
  from: TValueSource = 'aggregate',
): Promise<Map<number, number>> {
  const filter = { ...item, orgUnitIds };
  if (item.optionComboIds.length === 0 || orgUnitIds.length === 0) return new Map();
  if (item.aggregation === 'LAST') {
    const rows = await sumItemLast(db, filter, range.start, range.end);
    return new Map(rows.map((row) => [row.orgUnitId, row.value]));
  }
  const sums: TItemSums[] = [];
  if (from === 'raw') sums.push(...(await sumItemRaw(db, filter, range.start, range.end)));
  else {
    const split = splitRange(range.start, range.end);
    if (split.months) sums.push(...(await sumItemMonths(db, filter, split.months.first, split.months.last)));
    for (const edge of split.edges) sums.push(...(await sumItemRaw(db, filter, edge.start, edge.end)));
  }
  return combineSums(sums, item.aggregation);
}

/** Folds partial sums (several per org unit and combo) into one value per org unit. */
export function combineSums(sums: readonly TItemSums[], aggregation: 'SUM' | 'AVERAGE'): Map<number, number> {
  const perCombo = new Map<string, TItemSums>();
  for (const row of sums) {
    const key = `${row.orgUnitId}:${row.optionComboId}`;
    const seen = perCombo.get(key);
    if (!seen) perCombo.set(key, { ...row });
    else {
      seen.sumShare += row.sumShare;
      seen.sumNumDays += row.sumNumDays;
      seen.coveredDays += row.coveredDays;
      seen.valueCount += row.valueCount;
    }
  }
  const values = new Map<number, number>();
  for (const row of perCombo.values()) {
    if (row.valueCount <= 0) continue;
    const value =
      aggregation === 'SUM' ? row.sumShare : row.coveredDays > 0 ? row.sumNumDays / row.coveredDays : 0;
    values.set(row.orgUnitId, (values.get(row.orgUnitId) ?? 0) + value);
  }
  return values;
}
