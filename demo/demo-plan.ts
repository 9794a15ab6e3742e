/**
 * What the demo data covers and where its flaws are: the months generated (2022 through the last
 * complete month before "today"), the township-months left missing and the injected outliers.
 */
import { createRandom } from './demo-random.js';

/** The first year of demo data. */
export const FIRST_DEMO_YEAR = 2022;

/** A township-month whose report is absent from the data, and why. */
export interface TMissingReport {
  orgUnit: string;
  period: string;
  /** random: an occasional gap; run: a township silent for a quarter; late: not yet in for the last month. */
  reason: 'random' | 'run' | 'late';
}

/** A value deliberately made wrong: the true value times `factor`. */
export interface TDemoOutlier {
  orgUnit: string;
  period: string;
  dataElement: 'BIRTHS' | 'POP' | 'LARC_USERS';
  source: 'STAT' | 'HOSP';
  factor: number;
  why: string;
}

/** The generated months and the flaws of the demo data. */
export interface TDemoPlan {
  /** Monthly period ids, oldest first (`202201` …). */
  periods: string[];
  missingReports: TMissingReport[];
  outliers: TDemoOutlier[];
}

/** The injected outliers (fixed, so that docs/demo.md can name them). */
export const DEMO_OUTLIERS: readonly TDemoOutlier[] = [
  {
    orgUnit: 'QS0507',
    period: '202403',
    dataElement: 'BIRTHS',
    source: 'STAT',
    factor: 5,
    why: 'births typed five times too high',
  },
  {
    orgUnit: 'QS0912',
    period: '202506',
    dataElement: 'BIRTHS',
    source: 'STAT',
    factor: 5,
    why: 'births typed five times too high',
  },
  {
    orgUnit: 'QS1003',
    period: '202311',
    dataElement: 'POP',
    source: 'STAT',
    factor: 10,
    why: 'population with an extra zero',
  },
  {
    orgUnit: 'QS0404',
    period: '202502',
    dataElement: 'LARC_USERS',
    source: 'STAT',
    factor: 10,
    why: 'LARC users with an extra zero (more users than women covered)',
  },
];

/** A township silent for a whole quarter. */
const SILENT_RUN = { orgUnit: 'QS0815', periods: ['202507', '202508', '202509'] };
/** Chance that a township-month is missing at random. */
const MISSING_CHANCE = 0.008;
/** Share of townships whose report of the last month has not arrived yet. */
const LATE_SHARE = 0.08;

/** The monthly period ids from January of the first year through the month before `today`. */
export function listDemoPeriods(today: Date): string[] {
  const lastYear = today.getUTCFullYear();
  const lastMonth = today.getUTCMonth(); // the month before today's, 1-based; 0 = December last year
  const periods: string[] = [];
  for (let year = FIRST_DEMO_YEAR; year <= lastYear; year++) {
    for (let month = 1; month <= 12; month++) {
      if (year === lastYear && month > lastMonth) break;
      periods.push(`${year}${String(month).padStart(2, '0')}`);
    }
  }
  return periods;
}

/**
 * The plan for `townshipCodes`. Each township-month draws from its own stream, so whether it is
 * missing depends neither on the other townships nor on "today" (except for the late last month).
 */
export function planDemoData(seed: number, townshipCodes: readonly string[], today: Date): TDemoPlan {
  const periods = listDemoPeriods(today);
  const last = periods.at(-1);
  const inRange = new Set(periods);
  const outliers = DEMO_OUTLIERS.filter((outlier) => inRange.has(outlier.period));
  const protectedKeys = new Set(outliers.map((outlier) => `${outlier.orgUnit}:${outlier.period}`));
  const missingReports: TMissingReport[] = [];
  for (const orgUnit of townshipCodes) {
    for (const period of periods) {
      const random = createRandom(seed, `missing:${orgUnit}:${period}`);
      const isGap = random.next() < MISSING_CHANCE;
      const isLate = random.next() < LATE_SHARE;
      if (protectedKeys.has(`${orgUnit}:${period}`)) continue;
      if (period === last && isLate) missingReports.push({ orgUnit, period, reason: 'late' });
      else if (orgUnit === SILENT_RUN.orgUnit && SILENT_RUN.periods.includes(period))
        missingReports.push({ orgUnit, period, reason: 'run' });
      else if (period !== last && isGap) missingReports.push({ orgUnit, period, reason: 'random' });
    }
  }
  return { periods, missingReports, outliers };
}
