/**
 * Backtest of the year-end forecast: on a history (real or generated), forecast every year at
 * every month-end from the five years before it, then check how often the 80% interval held the
 * actual total and how well the probability "total below last year's" was calibrated.
 */
import { createSampler } from './random.js';
import { forecastYearEnd, probabilityOf } from './year-end-forecast.js';

/** Monthly counts of one unit: years × 12. */
export type TUnitHistory = number[][];

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

/** Runs the backtest over every unit, every year with five years before it, and months 1–11. */
export function runBacktest(
  data: { units: TUnitHistory[]; parent: TUnitHistory },
  draws = 2000,
): TBacktestResult {
  let hits = 0;
  let count = 0;
  let brier = 0;
  const byDecile = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, observed: 0 }));
  const monthHits = Array.from({ length: 11 }, () => ({ n: 0, hits: 0 }));
  for (const history of data.units) {
    for (let y = 5; y < history.length; y++) {
      const year = history[y] ?? [];
      const total = year.reduce((a, b) => a + b, 0);
      const lastTotal = (history[y - 1] ?? []).reduce((a, b) => a + b, 0);
      for (let k = 1; k <= 11; k++) {
        const forecast = forecastYearEnd(
          {
            history: history.slice(y - 5, y),
            current: year.slice(0, k),
            parentHistory: data.parent.slice(y - 5, y),
          },
          { draws, seed: y * 100 + k },
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
  }
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
