/**
 * Presents computed values as answer rows: interval, change against the same period a year
 * earlier with its p-value, rank among siblings, position against the parent, direction against
 * the target rule and the target itself.
 */
import { directionOf, type TTargetSpec } from '../../core/forecast/index.js';
import type { TAnalyticsRow, TTargetAnswer } from './analytics.schema.js';
import type { TParsedIndicator } from './analytics-catalog.js';
import type { TOrgUnitRow } from './analytics-metadata.repository.js';
import { changePValue, indicatorInterval } from './indicator-statistics.js';
import type { TIndicatorValue } from './indicator-values.js';

export interface TRowInput {
  orgUnit: TOrgUnitRow;
  current: TIndicatorValue | undefined;
  previous: TIndicatorValue | undefined;
  target: TTargetAnswer | null;
  /** The rule that sets the desired direction: the unit's own target, else its parent's. */
  rule: TTargetSpec | null;
}

const EMPTY: TIndicatorValue = { value: null, numerator: null, denominator: null };

/** One answer row (rank and aboveParentAverage are filled by `rankRows`). */
export function presentRow(
  indicator: TParsedIndicator,
  input: TRowInput,
  yearShares: { current: number; previous: number },
): TAnalyticsRow {
  const current = input.current ?? EMPTY;
  const previous = input.previous ?? EMPTY;
  const counts = {
    numerator: current.numerator,
    denominator: current.denominator,
    yearShare: yearShares.current,
  };
  const previousCounts = {
    numerator: previous.numerator,
    denominator: previous.denominator,
    yearShare: yearShares.previous,
  };
  const change = current.value !== null && previous.value !== null ? current.value - previous.value : null;
  const pValue = change === null ? null : changePValue(indicator.kind, counts, previousCounts);
  const significant = pValue === null ? null : pValue < 0.05;
  return {
    orgUnit: input.orgUnit.code,
    name: input.orgUnit.name,
    nameEn: input.orgUnit.nameEn,
    value: current.value,
    numerator: current.numerator,
    denominator: current.denominator,
    ci95: current.value === null ? null : indicatorInterval(indicator.kind, indicator.factor, counts),
    previous: { ...previous },
    change,
    pValue,
    significant,
    rank: null,
    aboveParentAverage: null,
    direction: input.rule ? directionOf(input.rule, change, significant ?? false) : null,
    target: input.target,
  };
}

/** Fills rank (1 = highest value) and aboveParentAverage in place; rows without a value get null. */
export function rankRows(rows: TAnalyticsRow[], parentValue: number | null): void {
  const ranked = rows.filter((row) => row.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  ranked.forEach((row, index) => {
    row.rank = index + 1;
  });
  for (const row of rows) {
    row.aboveParentAverage = row.value === null || parentValue === null ? null : row.value > parentValue;
  }
}
