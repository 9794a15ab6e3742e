/** Period types tiaodu stores data for (DHIS2 names). */
export const PERIOD_TYPES = ['Weekly', 'Monthly', 'Quarterly', 'Yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A DHIS2 period: id such as `2026`, `2026Q3`, `202609`, `2026W39`; dates inclusive, ISO `YYYY-MM-DD`. */
export interface Period {
  id: string;
  type: PeriodType;
  /** The calendar year of the id (for ISO weeks: the ISO week-year). */
  year: number;
  start: string;
  end: string;
}
