/**
 * DHIS2 period ids for the period picker (browser-side, pure): `2026W5` (ISO week, Monday start,
 * week 1 contains 4 January), `202609`, `2026Q3`, `2026`.
 */
export type TPeriodType = 'Weekly' | 'Monthly' | 'Quarterly' | 'Yearly';

/** A period of the picker: its DHIS2 id and what a label needs. */
export interface TPickerPeriod {
  id: string;
  type: TPeriodType;
  year: number;
  /** Week, month or quarter number within the year; 1 for a year. */
  index: number;
  /** First day, ISO `YYYY-MM-DD` (UTC calendar). */
  start: string;
}

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday of ISO week 1 of `year`, as UTC milliseconds. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = new Date(jan4).getUTCDay() || 7;
  return jan4 - (weekday - 1) * DAY_MS;
}

/** Number of ISO weeks in `year`: 53 when 28 December falls in week 53, else 52. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS);
}

/** Every period of `type` in `year`, in calendar order. */
export function periodsOfYear(type: TPeriodType, year: number): TPickerPeriod[] {
  switch (type) {
    case 'Yearly':
      return [{ id: String(year), type, year, index: 1, start: `${year}-01-01` }];
    case 'Quarterly':
      return [1, 2, 3, 4].map((q) => ({
        id: `${year}Q${q}`,
        type,
        year,
        index: q,
        start: isoDate(Date.UTC(year, (q - 1) * 3, 1)),
      }));
    case 'Monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        id: `${year}${String(i + 1).padStart(2, '0')}`,
        type,
        year,
        index: i + 1,
        start: isoDate(Date.UTC(year, i, 1)),
      }));
    case 'Weekly': {
      const monday = isoWeekOneMonday(year);
      return Array.from({ length: isoWeeksInYear(year) }, (_, i) => ({
        id: `${year}W${i + 1}`,
        type,
        year,
        index: i + 1,
        start: isoDate(monday + i * 7 * DAY_MS),
      }));
    }
  }
}

/** The periods of `type` in `year` that have started by `today` (ISO date), latest first. */
export function pickablePeriods(type: TPeriodType, year: number, today: string): TPickerPeriod[] {
  return periodsOfYear(type, year)
    .filter((period) => period.start <= today)
    .reverse();
}

/** The period of `type` that contains `date` (ISO `YYYY-MM-DD`). */
export function periodContaining(type: TPeriodType, date: string): TPickerPeriod {
  const year = Number(date.slice(0, 4));
  const candidates = [...periodsOfYear(type, year + 1), ...periodsOfYear(type, year)];
  if (type === 'Weekly') candidates.push(...periodsOfYear(type, year - 1));
  const found = candidates
    .filter((period) => period.start <= date)
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  if (!found) throw new Error(`no ${type} period contains ${date}`);
  return found;
}

/** The period type and year of a DHIS2 id, or undefined when it is not one the picker makes. */
export function parsePeriodId(id: string): TPickerPeriod | undefined {
  const match = /^(\d{4})(?:W(\d{1,2})|Q([1-4])|(0[1-9]|1[0-2]))?$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [, , week, quarter, month] = match;
  const type: TPeriodType = week ? 'Weekly' : quarter ? 'Quarterly' : month ? 'Monthly' : 'Yearly';
  return periodsOfYear(type, year).find((period) => period.id === id);
}
