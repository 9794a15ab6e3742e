/**
 * Year-end forecast of a monthly count from its year-to-date (statistics.md §5): the total is
 * YTD / s, with s the share of the year the elapsed months held in past years (shrunk toward the
 * parent's pattern for small units). Paths draw s from its year-to-year variability, the rate
 * behind the YTD from Gamma(YTD + ½), and the remaining months' count from Poisson — or negative
 * binomial when past months are over-dispersed. Seeded, so every call gives the same answer; the
 * paths read pre-drawn random streams (`random-streams.ts`), so a forecast is array arithmetic.
 */
import { createSampler, type TSampler } from './random.js';
import { randomStreams } from './random-streams.js';
import { seasonalShare, type TShare } from './seasonal-share.js';

export interface TForecastInput {
  /** Monthly counts of past complete years (12 numbers each), oldest first. */
  history: readonly (readonly number[])[];
  /** Monthly counts of the current year so far (0–12 months). */
  current: readonly number[];
  /** The parent org unit's past years, for shrinking a small unit's seasonal pattern. */
  parentHistory?: readonly (readonly number[])[];
}

export interface TYearEndForecast {
  monthsElapsed: number;
  ytd: number;
  /** Mean of the simulated year-end totals. */
  expected: number;
  /** 10th and 90th percentiles of the simulated totals. */
  ci80: [number, number];
  /** Simulated year-end totals (sorted ascending). */
  draws: Float64Array;
  share: TShare;
  /** Negative binomial size for the remaining months; null = Poisson. */
  theta: number | null;
}

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 20_260_101;

/** The simulated distribution of the year-end total. */
export function forecastYearEnd(
  input: TForecastInput,
  options: { draws?: number; seed?: number } = {},
): TYearEndForecast {
  const drawCount = options.draws ?? DEFAULT_DRAWS;
  const months = input.current.length;
  const ytd = input.current.reduce((sum, value) => sum + value, 0);
  const share = seasonalShare(input.history, months, input.parentHistory);
  const draws = new Float64Array(drawCount);
  if (months >= 12 || share.mean >= 1) {
    draws.fill(ytd);
    return { monthsElapsed: months, ytd, expected: ytd, ci80: [ytd, ytd], draws, share, theta: null };
  }
  const theta = dispersionTheta(input.history, 12 - months);
  const seed = options.seed ?? DEFAULT_SEED;
  const streams = randomStreams(seed, drawCount);
  let sampler: TSampler | null = null;
  const fallback = () => {
    sampler ??= createSampler(seed ^ 0x5bd1e995);
    return sampler;
  };
  const rateGamma = gammaDraws(ytd + 0.5, streams.rate, fallback);
  const mixingGamma = theta === null ? null : gammaDraws(theta, streams.mixing, fallback);
  const low = 0.01;
  const high = 0.999;
  for (let i = 0; i < drawCount; i++) {
    const drawn = share.mean + share.sd * (streams.share[i] ?? 0);
    const s = Math.min(high, Math.max(low, drawn));
    const rate = months === 0 ? share.expectedTotal : rateGamma(i) / s;
    const restMean = months === 0 ? rate : rate * (1 - s);
    const mean = mixingGamma === null || theta === null ? restMean : (mixingGamma(i) * restMean) / theta;
    draws[i] = ytd + poissonDraw(mean, streams.count[i] ?? 0, streams.uniform[i] ?? 0);
  }
  sortCounts(draws);
  const expected = draws.reduce((sum, value) => sum + value, 0) / drawCount;
  return {
    monthsElapsed: months,
    ytd,
    expected,
    ci80: [quantile(draws, 0.1), quantile(draws, 0.9)],
    draws,
    share,
    theta,
  };
}

/** Share of draws for which `condition` holds (the probability a target is met). */
export function probabilityOf(forecast: TYearEndForecast, condition: (total: number) => boolean): number {
  let hits = 0;
  for (const total of forecast.draws) if (condition(total)) hits += 1;
  return hits / forecast.draws.length;
}

/** Quantile `q` of sorted values (type 7, as R's default). */
export function quantile(sorted: Float64Array | readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? 0;
  return a + (b - a) * (position - low);
}

/**
 * Negative binomial size of the remaining months' total when past monthly counts are
 * over-dispersed around their seasonal expectation (Pearson φ > 1.2), else null (Poisson).
 */
export function dispersionTheta(
  history: readonly (readonly number[])[],
  remainingMonths: number,
): number | null {
  const years = history.filter((year) => year.length === 12 && year.reduce((a, b) => a + b, 0) > 0);
  if (years.length < 2) return null;
  const pattern = Array.from({ length: 12 }, (_, m) => {
    return (
      years.reduce((sum, year) => sum + (year[m] ?? 0) / year.reduce((a, b) => a + b, 0), 0) / years.length
    );
  });
  let chi = 0;
  let meanSum = 0;
  for (const year of years) {
    const total = year.reduce((a, b) => a + b, 0);
    for (let m = 0; m < 12; m++) {
      const expected = total * (pattern[m] ?? 0);
      if (expected > 0) chi += ((year[m] ?? 0) - expected) ** 2 / expected;
      meanSum += expected;
    }
  }
  const phi = chi / (years.length * 11 - 11);
  if (!(phi > 1.2)) return null;
  const monthlyMean = meanSum / (years.length * 12);
  return (monthlyMean / (phi - 1)) * remainingMonths;
}

/** Sorts whole-number draws in place by counting (a typed-array sort of 10,000 costs ~1 ms). */
function sortCounts(draws: Float64Array): void {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (const value of draws) {
    if (value < low) low = value;
    if (value > high) high = value;
    if (!Number.isInteger(value)) whole = false;
  }
  if (!whole || !(high - low < 4 * draws.length)) {
    draws.sort();
    return;
  }
  const counts = new Uint32Array(high - low + 1);
  for (const value of draws) counts[value - low] = (counts[value - low] ?? 0) + 1;
  let index = 0;
  counts.forEach((count, offset) => {
    draws.fill(low + offset, index, index + count);
    index += count;
  });
}

/**
 * Gamma(shape, 1) draws by path index: Wilson–Hilferty on the path's pre-drawn normal above shape
 * 50 (as `createSampler`), else Marsaglia–Tsang from a seeded sampler.
 */
function gammaDraws(shape: number, normals: Float64Array, sampler: () => TSampler): (i: number) => number {
  if (shape > 50) {
    const a = 1 - 1 / (9 * shape);
    const b = 1 / (3 * Math.sqrt(shape));
    return (i) => {
      const x = a + b * (normals[i] ?? 0);
      return shape * x * x * x;
    };
  }
  const source = sampler();
  return () => source.gamma(shape);
}

/** Poisson(mean) from the path's normal (normal with continuity above 50) or uniform (inversion). */
function poissonDraw(mean: number, normal: number, uniform: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  let k = 0;
  let term = Math.exp(-mean);
  let cumulative = term;
  while (uniform > cumulative && k < 1000) {
    k += 1;
    term *= mean / k;
    cumulative += term;
  }
  return k;
}
