import { createSampler } from './random.js';
import { DEFAULT_DRAWS, DEFAULT_SEED } from './year-end-forecast.js';

export interface TLevelForecastInput {
  /** The indicator's monthly values (a level, e.g. a coverage in %) of past years, oldest first; null = missing. */
  history: readonly (number | null)[];
  /** Its monthly values this year so far (0–12 months); null = missing. */
  current: readonly (number | null)[];
  draws?: number;
  seed?: number;
}

/**
 * Year-end forecast of an indicator that is a level, not a count (numerator and denominator
 * aggregated as AVERAGE, like contraceptive coverage): the year's value is the mean of its
 * monthly levels. The months still to come are drawn as a random walk from the last observed
 * level, with the month-to-month change's spread seen in the history and this year; so the
 * year-end value is the observed months' mean moved by that drift. Returns the sorted draws, or
 * null without any observed month.
 */
export function forecastLevelYearEnd(input: TLevelForecastInput): Float64Array | null {
  const observed = input.current.filter((value): value is number => value !== null && Number.isFinite(value));
  if (observed.length === 0) return null;
  const remaining = 12 - input.current.length;
  const draws = new Float64Array(input.draws ?? DEFAULT_DRAWS);
  const observedSum = observed.reduce((sum, value) => sum + value, 0);
  const last = observed[observed.length - 1] ?? 0;
  if (remaining <= 0) return draws.fill(observedSum / observed.length);
  const step = monthlyChangeSpread([...input.history, ...input.current]);
  const sampler = createSampler(input.seed ?? DEFAULT_SEED);
  for (let i = 0; i < draws.length; i++) {
    let level = last;
    let total = observedSum;
    for (let month = 0; month < remaining; month++) {
      level += step * sampler.normal();
      total += level;
    }
    draws[i] = total / (observed.length + remaining);
  }
  return draws.sort();
}

/** Standard deviation of the changes between consecutive observed months (0 with fewer than 3). */
export function monthlyChangeSpread(values: readonly (number | null)[]): number {
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const before = values[i - 1];
    const after = values[i];
    if (before !== null && before !== undefined && after !== null && after !== undefined)
      changes.push(after - before);
  }
  if (changes.length < 2) return 0;
  const mean = changes.reduce((sum, change) => sum + change, 0) / changes.length;
  const variance = changes.reduce((sum, change) => sum + (change - mean) ** 2, 0) / (changes.length - 1);
  return Math.sqrt(variance);
}
