import { calendarDateOf, dayNumberOf, isoWeekday } from './calendar-dates.js';

/** Day number of the Monday that starts ISO week 1 of `weekYear` (the week containing 4 January). */
export function isoWeekOneStart(weekYear: number): number {
  const fourthOfJanuary = dayNumberOf(weekYear, 1, 4);
  return fourthOfJanuary - (isoWeekday(fourthOfJanuary) - 1);
}

/** Number of ISO weeks in a week-year: 52, or 53 when it starts on a Thursday (leap: Wednesday). */
export function isoWeeksInYear(weekYear: number): number {
  return (isoWeekOneStart(weekYear + 1) - isoWeekOneStart(weekYear)) / 7;
}

/** ISO week-year and week number (1–53) of a day number: the week's Thursday decides the year. */
export function isoWeekOf(dayNumber: number): { weekYear: number; week: number } {
  const thursday = dayNumber - isoWeekday(dayNumber) + 4;
  const weekYear = calendarDateOf(thursday).year;
  return { weekYear, week: Math.floor((thursday - dayNumberOf(weekYear, 1, 1)) / 7) + 1 };
}
