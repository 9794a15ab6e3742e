import { findCalendarDate, toDayNumber } from './calendar-dates.js';
import { isoWeekOf } from './iso-weeks.js';
import { buildPeriod } from './period-build.js';
import { nextPeriod } from './period-navigation.js';
import type { Period, PeriodType } from './period-types.js';

/** The period of `type` that contains the ISO date `date`; throws VALIDATION_FAILED on a bad date. */
export function periodContaining(type: PeriodType, date: string): Period {
  const dayNumber = toDayNumber(date);
  // toDayNumber has validated the date, so the parts exist.
  const { year, month } = findCalendarDate(date)!;
  switch (type) {
    case 'Yearly':
      return buildPeriod(type, year, 1);
    case 'Quarterly':
      return buildPeriod(type, year, Math.floor((month - 1) / 3) + 1);
    case 'Monthly':
      return buildPeriod(type, year, month);
    case 'Weekly': {
      const { weekYear, week } = isoWeekOf(dayNumber);
      return buildPeriod(type, weekYear, week);
    }
  }
}

/** All periods of `type` overlapping the inclusive range start..end, in order; [] when start > end. */
export function periodsOverlapping(type: PeriodType, start: string, end: string): Period[] {
  toDayNumber(start);
  toDayNumber(end);
  const periods: Period[] = [];
  if (start > end) return periods;
  for (let period = periodContaining(type, start); period.start <= end; period = nextPeriod(period)) {
    periods.push(period);
  }
  return periods;
}

/** Days (0 or more) that `period` shares with the inclusive range start..end. */
export function overlapDays(period: Period, start: string, end: string): number {
  const first = Math.max(toDayNumber(period.start), toDayNumber(start));
  const last = Math.min(toDayNumber(period.end), toDayNumber(end));
  return Math.max(0, last - first + 1);
}

/** Days in a period, both ends included (7 for a week, 28–31 for a month, 365/366 for a year). */
export function daysInPeriod(period: Period): number {
  return toDayNumber(period.end) - toDayNumber(period.start) + 1;
}

/** True when the period starts after `today` (ISO date): nothing in it can have happened yet. */
export function isFuturePeriod(period: Period, today: string): boolean {
  toDayNumber(today);
  return period.start > today;
}

/** True when the period has ended by `today` (its last day is before today). */
export function hasPeriodEnded(period: Period, today: string): boolean {
  toDayNumber(today);
  return period.end < today;
}

/** One share of a period's value counted into a period of another type. */
export interface PeriodWeight {
  period: Period;
  /** Days the two periods share. */
  days: number;
  /** days / days in the source period; the fractions of one source period sum to 1. */
  fraction: number;
}

/**
 * How a value of `period` is counted into periods of `targetType`, by days of overlap:
 * 2026W5 (26 Jan–1 Feb) → 202601 with 6 days (6/7) and 202602 with 1 day (1/7).
 */
export function weightsIntoPeriods(period: Period, targetType: PeriodType): PeriodWeight[] {
  const total = daysInPeriod(period);
  return periodsOverlapping(targetType, period.start, period.end).map((target) => {
    const days = overlapDays(target, period.start, period.end);
    return { period: target, days, fraction: days / total };
  });
}
