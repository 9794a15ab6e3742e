/**
 * Backtest of the year-end forecast: on a history (the demo city's or generated), forecast every
 * year at every month-end from the years before it, then check how often the 80% interval held the
 * actual total and how well the probability "total below last year's" was calibrated.
 */
import { createSampler } from './random.js';
import { forecastYearEnd, probabilityOf } from './year-end-forecast.js';

/** Monthly counts of one unit: years × 12 (null = a month not reported). */
export type TUnitHistory = (number | null)[][];

export interface TBacktestResult {
  forecasts: number;
  /** Share of forecasts whose 80% interval held the actual total. */
  coverage80: number;
  /** Per decile of predicted probability: forecasts, mean prediction, observed frequency. */
  calibration: Array<{ decile: number; forecasts: number; predicted: number; observed: number }>;
  /** Mean Brier score of P(total < last year's). */
  brier: number;
  /** Coverage per months elapsed (1–11). */
  coverageByMonth: number[];
}

// A winter/autumn birth peak, summer trough.
const PATTERN = [1.05, 0.85, 0.95, 0.92, 0.95, 0.93, 1.0, 1.02, 1.08, 1.1, 1.05, 1.1];

/**
 * A seeded synthetic city: units with 30 to 5,000 events a year, a falling trend, year-to-year
 * level noise, month-to-month seasonal noise, and over-dispersed counts in a third of the units.
 */
export function generateHistories(
  units: number,
  years: number,
  seed = 1,
): { units: TUnitHistory[]; parent: TUnitHistory } {
  const sampler = createSampler(seed);
  const histories: TUnitHistory[] = [];
  for (let u = 0; u < units; u++) {
    const base = 30 * (5000 / 30) ** (u / Math.max(1, units - 1));
    const overdispersed = u % 3 === 0;
    const history: number[][] = [];
    for (let y = 0; y < years; y++) {
      const level = base * 0.97 ** y * Math.exp(0.04 * sampler.normal());
      const months = PATTERN.map((weight) => weight * Math.exp(0.06 * sampler.normal()));
      const total = months.reduce((a, b) => a + b, 0);
      history.push(
        months.map((weight) => {
          const mean = (level * weight) / total;
          return sampler.poisson(overdispersed ? (sampler.gamma(20) * mean) / 20 : mean);
        }),
      );
    }
    histories.push(history);
  }
  const parent = Array.from({ length: years }, (_, y) =>
    Array.from({ length: 12 }, (_, m) => histories.reduce((sum, h) => sum + (h[y]?.[m] ?? 0), 0)),
  );
  return { units: histories, parent };
}

/** A backtest's input: each unit's monthly counts (null = month not reported) and its parent's. */
export interface TBacktestData {
  units: TUnitHistory[];
  /** The parent of every unit, or … */
  parent: TUnitHistory;
  /** … each unit's own parent (same order as `units`), when units have different parents. */
  parents?: TUnitHistory[];
}

export interface TBacktestOptions {
  /** Paths per forecast (default 2,000). */
  draws?: number;
  /** Forecast a year only with at least this many years before it (default 5). */
  minHistory?: number;
  /** Learn from at most this many past years, as the service does (default 5). */
  maxHistory?: number;
}

const sum = (months: readonly (number | null)[] | undefined) =>
  (months ?? []).reduce<number>((total, value) => total + (value ?? 0), 0);
const complete = (years: readonly (readonly (number | null)[])[]): number[][] =>
  years.filter((year) => year.length === 12 && year.every((value) => value !== null)) as number[][];

/**
 * Runs the backtest over every unit, every year with `minHistory` years before it, and months
 * 1–11, the way the service forecasts: past years with a missing month are left out of the
 * history, a missing month of the current year counts 0, and every forecast uses the service's
 * seed. The actual year-end value is the sum of the months reported.
 */
export function runBacktest(data: TBacktestData, options: TBacktestOptions | number = {}): TBacktestResult {
  const {
    draws = 2000,
    minHistory = 5,
    maxHistory = 5,
  } = typeof options === 'number' ? { draws: options } : options;
  let hits = 0;
  let count = 0;
  let brier = 0;
  const byDecile = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, observed: 0 }));
  const monthHits = Array.from({ length: 11 }, () => ({ n: 0, hits: 0 }));
  data.units.forEach((history, unitIndex) => {
    const parent = data.parents?.[unitIndex] ?? data.parent;
    for (let y = minHistory; y < history.length; y++) {
      const year = history[y] ?? [];
      const total = sum(year);
      const lastTotal = sum(history[y - 1]);
      const first = Math.max(0, y - maxHistory);
      for (let k = 1; k <= 11; k++) {
        const forecast = forecastYearEnd(
          {
            history: complete(history.slice(first, y)),
            current: year.slice(0, k).map((value) => value ?? 0),
            parentHistory: complete(parent.slice(first, y)),
          },
          { draws },
        );
        const inside = total >= forecast.ci80[0] && total <= forecast.ci80[1];
        hits += inside ? 1 : 0;
        count += 1;
        const month = monthHits[k - 1];
        if (month) {
          month.n += 1;
          month.hits += inside ? 1 : 0;
        }
        const p = probabilityOf(forecast, (value) => value < lastTotal);
        const outcome = total < lastTotal ? 1 : 0;
        brier += (p - outcome) ** 2;
        const bucket = byDecile[Math.min(9, Math.floor(p * 10))];
        if (bucket) {
          bucket.n += 1;
          bucket.predicted += p;
          bucket.observed += outcome;
        }
      }
    }
  });
  return {
    forecasts: count,
    coverage80: hits / count,
    calibration: byDecile.map((bucket, decile) => ({
      decile,
      forecasts: bucket.n,
      predicted: bucket.n > 0 ? bucket.predicted / bucket.n : Number.NaN,
      observed: bucket.n > 0 ? bucket.observed / bucket.n : Number.NaN,
    })),
    brier: brier / count,
    coverageByMonth: monthHits.map((month) => (month.n > 0 ? month.hits / month.n : Number.NaN)),
  };
}
