// The pure periods module: DHIS2 period ids, ISO weeks, navigation and date ranges. No I/O.
export { addDays, isIsoDate } from './calendar-dates.js';
export { isoWeeksInYear } from './iso-weeks.js';
export { MAX_PERIOD_YEAR, MIN_PERIOD_YEAR, periodCountInYear } from './period-build.js';
export {
  comparePeriods,
  nextPeriod,
  periodEndPlusDays,
  periodIndexInYear,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
  yearlyPeriodCount,
  yearToDate,
} from './period-navigation.js';
export { formatPeriod, isPeriodId, parsePeriod, periodTypeOf, tryParsePeriod } from './period-parse.js';
export {
  daysInPeriod,
  hasPeriodEnded,
  isFuturePeriod,
  overlapDays,
  type PeriodWeight,
  periodContaining,
  periodsOverlapping,
  weightsIntoPeriods,
} from './period-ranges.js';
export { PERIOD_TYPES, type Period, type PeriodType } from './period-types.js';
