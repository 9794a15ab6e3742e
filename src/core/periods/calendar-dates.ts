import { AppError } from '../errors.js';

/** A civil date split into its parts (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a civil date (UTC; no Date.UTC two-digit-year quirk). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The civil date of a day number. */
export function calendarDateOf(dayNumber: number): CalendarDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The `YYYY-MM-DD` string of a day number. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = calendarDateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The parts of an ISO `YYYY-MM-DD` date, or undefined when it is not a real calendar date. */
export function findCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return undefined;
  if (parts.day > daysInMonth(parts.year, parts.month)) return undefined;
  return parts;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return findCalendarDate(text) !== undefined;
}

/** Days since 1970-01-01 of an ISO date; throws VALIDATION_FAILED when it is not one. */
export function toDayNumber(text: string): number {
  const parts = findCalendarDate(text);
  if (!parts) {
    throw new AppError('VALIDATION_FAILED', `"${text}": not a calendar date (expected YYYY-MM-DD)`, {
      date: text,
    });
  }
  return dayNumberOf(parts.year, parts.month, parts.day);
}

/** The ISO date `days` after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  return formatDayNumber(toDayNumber(date) + days);
}

/** Days in a month of the Gregorian calendar (28–31). */
export function daysInMonth(year: number, month: number): number {
  return dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
