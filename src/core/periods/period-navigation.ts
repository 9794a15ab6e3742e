import { AppError } from '../errors.js';
import { formatDayNumber, toDayNumber } from './calendar-dates.js';
import { isoWeekOf } from './iso-weeks.js';
import { buildPeriod, periodCountInYear, periodPosition } from './period-build.js';
import type { Period } from './period-types.js';

/** The period `n` periods after `period` (negative: before), of the same type; crosses years. */
export function shiftPeriod(period: Period, n: number): Period {
  if (!Number.isInteger(n)) {
    throw new AppError('VALIDATION_FAILED', `period offset must be a whole number, got ${n}`, { offset: n });
  }
  const { year, index } = periodPosition(period);
  if (period.type === 'Weekly') {
    // Weeks are a fixed 7 days, so step the Monday and ask which ISO week it falls in.
    const { weekYear, week } = isoWeekOf(toDayNumber(period.start) + 7 * n);
    return buildPeriod('Weekly', weekYear, week);
  }
  const perYear = periodCountInYear(period.type, year);
  const ordinal = year * perYear + (index - 1) + n;
  return buildPeriod(period.type, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

/** The period right after `period`, of the same type. */
export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1);
}

/** The period right before `period`, of the same type. */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/**
 * The same period one year earlier: 2026 → 2025, 202609 → 202509, 2026Q3 → 2025Q3, and for weeks the
 * same week number of the previous ISO week-year, or its last week when it has fewer (2026W53 → 2025W52).
 */
export function samePeriodLastYear(period: Period): Period {
  const { year, index } = periodPosition(period);
  const lastYearCount = periodCountInYear(period.type, year - 1);
  return buildPeriod(period.type, year - 1, Math.min(index, lastYearCount));
}

/**
 * Year-to-date range ending with `period`: from 1 January of the calendar year of the period's END date
 * through its end (2026W1 ends 2026-01-04 → 2026-01-01..2026-01-04; 2020W53 → 2021-01-01..2021-01-03).
 */
export function yearToDate(period: Period): { start: string; end: string } {
  return { start: `${period.end.slice(0, 4)}-01-01`, end: period.end };
}

/** Sort order of periods: earlier start first, then the shorter one, then by id. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** 1-based position of a period within its year (DHIS2 `[periodInYear]`: 202609 → 9, 2026W39 → 39). */
export function periodIndexInYear(period: Period): number {
  return periodPosition(period).index;
}

/** Periods of the period's type in its year (DHIS2 `[yearlyPeriodCount]`: 12 for months, 52/53 weeks). */
export function yearlyPeriodCount(period: Period): number {
  return periodCountInYear(period.type, periodPosition(period).year);
}

/** The ISO date `days` after the end of `period` (due dates, expiry); throws on a fractional count. */
export function periodEndPlusDays(period: Period, days: number): string {
  if (!Number.isInteger(days)) {
    throw new AppError('VALIDATION_FAILED', `days must be a whole number, got ${days}`, { days });
  }
  return formatDayNumber(toDayNumber(period.end) + days);
}
