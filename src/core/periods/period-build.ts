import { AppError } from '../errors.js';
import { dayNumberOf, daysInMonth, formatDayNumber, toDayNumber } from './calendar-dates.js';
import { isoWeekOf, isoWeekOneStart, isoWeeksInYear } from './iso-weeks.js';
import type { Period, PeriodType } from './period-types.js';

/** First and last year a period may touch: keeps every date a four-digit `YYYY-MM-DD`. */
export const MIN_PERIOD_YEAR = 1000;
export const MAX_PERIOD_YEAR = 9999;

/** How many periods of `type` year `year` holds (Weekly: 52 or 53 ISO weeks). */
export function periodCountInYear(type: PeriodType, year: number): number {
  switch (type) {
    case 'Yearly':
      return 1;
    case 'Quarterly':
      return 4;
    case 'Monthly':
      return 12;
    case 'Weekly':
      return isoWeeksInYear(year);
  }
}

/** The canonical DHIS2 id for the `index`-th period (1-based) of `type` in `year`. */
export function periodIdOf(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case 'Yearly':
      return String(year);
    case 'Quarterly':
      return `${year}Q${index}`;
    case 'Monthly':
      return `${year}${String(index).padStart(2, '0')}`;
    case 'Weekly':
      return `${year}W${index}`;
  }
}

/**
 * The `index`-th period (1-based) of `type` in `year`; the caller has checked the index.
 * Throws INVALID_PERIOD when a date would fall outside years 1000–9999.
 */
export function buildPeriod(type: PeriodType, year: number, index: number): Period {
  const id = periodIdOf(type, year, index);
  const [first, last] = dayRangeOf(type, year, index);
  if (first < dayNumberOf(MIN_PERIOD_YEAR, 1, 1) || last > dayNumberOf(MAX_PERIOD_YEAR, 12, 31)) {
    throw new AppError(
      'INVALID_PERIOD',
      `"${id}": outside the supported years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`,
      { period: id },
    );
  }
  return { id, type, year, start: formatDayNumber(first), end: formatDayNumber(last) };
}

/** Year and 1-based position of a period within its year, read from its type and start date. */
export function periodPosition(period: Pick<Period, 'type' | 'start'>): { year: number; index: number } {
  const first = toDayNumber(period.start);
  const [yearText, monthText] = period.start.split('-');
  const year = Number(yearText);
  const month = Number(monthText);
  switch (period.type) {
    case 'Yearly':
      return { year, index: 1 };
    case 'Quarterly':
      return { year, index: Math.floor((month - 1) / 3) + 1 };
    case 'Monthly':
      return { year, index: month };
    case 'Weekly': {
      const { weekYear, week } = isoWeekOf(first);
      return { year: weekYear, index: week };
    }
  }
}

function dayRangeOf(type: PeriodType, year: number, index: number): [number, number] {
  switch (type) {
    case 'Yearly':
      return [dayNumberOf(year, 1, 1), dayNumberOf(year, 12, 31)];
    case 'Quarterly': {
      const firstMonth = (index - 1) * 3 + 1;
      return monthSpan(year, firstMonth, firstMonth + 2);
    }
    case 'Monthly':
      return monthSpan(year, index, index);
    case 'Weekly': {
      const monday = isoWeekOneStart(year) + 7 * (index - 1);
      return [monday, monday + 6];
    }
  }
}

function monthSpan(year: number, firstMonth: number, lastMonth: number): [number, number] {
  return [dayNumberOf(year, firstMonth, 1), dayNumberOf(year, lastMonth, daysInMonth(year, lastMonth))];
}
