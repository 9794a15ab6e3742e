/**
 * Splits a date range into the whole calendar months the aggregate table answers and the
 * partial months at its edges that are read from raw values. Dates are ISO `YYYY-MM-DD`, inclusive.
 */
export interface TRangeSplit {
  /** First days of the first and last whole month, or null when no month is whole. */
  months: { first: string; last: string } | null;
  /** Partial-month ranges (at most two). */
  edges: Array<{ start: string; end: string }>;
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of the month of `date`. */
export function monthEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

/** The first day of the month after the month of `date`. */
export function nextMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The first day of the month before the month of `date`. */
function previousMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
}

/** Whole months and partial edges of [start, end]. */
export function splitRange(start: string, end: string): TRangeSplit {
  if (start > end) return { months: null, edges: [] };
  const firstWhole = start === monthStart(start) ? start : nextMonthStart(start);
  const lastWhole = end === monthEnd(end) ? monthStart(end) : previousMonthStart(end);
  if (firstWhole > lastWhole) {
    // No whole month: one partial range, or two when it straddles a month boundary.
    if (monthStart(start) === monthStart(end)) return { months: null, edges: [{ start, end }] };
    return {
      months: null,
      edges: [
        { start, end: monthEnd(start) },
        { start: monthStart(end), end },
      ],
    };
  }
  const edges: TRangeSplit['edges'] = [];
  if (start < firstWhole) edges.push({ start, end: monthEnd(start) });
  if (end > monthEnd(lastWhole)) edges.push({ start: nextMonthStart(lastWhole), end });
  return { months: { first: firstWhole, last: lastWhole }, edges };
}

/** Days from `start` to `end`, both inclusive. */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}
