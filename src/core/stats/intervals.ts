import { qbeta, qchisq, qnorm } from './distributions.js';

/** A two-sided interval [low, high]. */
export interface TInterval {
  low: number;
  high: number;
}

/** z for a two-sided interval at `level` (0.95 → 1.959964…, never the rounded 1.96). */
export function zFor(level: number): number {
  return qnorm(1 - (1 - level) / 2);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/**
 * Exact (Garwood, χ²) limits for a Poisson count: the event counts whose upper/lower tail is
 * α/2. The lower limit is 0 for a count of 0.
 */
export function garwoodInterval(count: number, level = 0.95): TInterval {
  checkLevel(level);
  if (!(count >= 0)) throw new RangeError(`count must be ≥ 0, got ${count}`);
  const alpha = 1 - level;
  const low = count === 0 ? 0 : qchisq(alpha / 2, 2 * count) / 2;
  const high = qchisq(1 - alpha / 2, 2 * count + 2) / 2;
  return { low, high };
}

/** Byar's approximation to the exact Poisson count limits (PHE use it for counts ≥ 10). */
export function byarInterval(count: number, level = 0.95): TInterval {
  checkLevel(level);
  if (!(count >= 0)) throw new RangeError(`count must be ≥ 0, got ${count}`);
  const z = zFor(level);
  const low = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const high = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { low, high };
}

/** Which count limits a rate uses: exact always (DESIGN), or PHE's rule (exact < 10, else Byar). */
export type TRateMethod = 'exact' | 'phe';

/**
 * Limits of `count / denominator × factor` (e.g. births per 1,000 residents): the count's
 * Poisson limits scaled the same way. Null when the denominator is not positive.
 */
export function rateInterval(
  count: number,
  denominator: number,
  factor = 1,
  level = 0.95,
  method: TRateMethod = 'exact',
): TInterval | null {
  if (!(denominator > 0)) return null;
  const limits = method === 'phe' && count >= 10 ? byarInterval(count, level) : garwoodInterval(count, level);
  return { low: (limits.low / denominator) * factor, high: (limits.high / denominator) * factor };
}

/** Wilson score limits of the proportion `successes / n` (no continuity correction); null for n = 0. */
export function wilsonInterval(successes: number, n: number, level = 0.95): TInterval | null {
  checkLevel(level);
  if (!(n > 0)) return null;
  if (successes < 0 || successes > n)
    throw new RangeError(`successes must be in [0, n], got ${successes}/${n}`);
  const z = zFor(level);
  const z2 = z * z;
  const q = 1 - successes / n;
  const spread = z * Math.sqrt(z2 + 4 * successes * q);
  const denominator = 2 * (n + z2);
  return {
    low: Math.max(0, (2 * successes + z2 - spread) / denominator),
    high: Math.min(1, (2 * successes + z2 + spread) / denominator),
  };
}

/** Clopper–Pearson (exact binomial) limits of `successes / n`, as R `binom.test`; null for n = 0. */
export function clopperPearsonInterval(successes: number, n: number, level = 0.95): TInterval | null {
  checkLevel(level);
  if (!(n > 0)) return null;
  const alpha = (1 - level) / 2;
  const low = successes === 0 ? 0 : qbeta(alpha, successes, n - successes + 1);
  const high = successes === n ? 1 : qbeta(1 - alpha, successes + 1, n - successes);
  return { low, high };
}

/**
 * Limits of the sex ratio at birth (males per 100 females): Wilson on p = M/(M+F), mapped by
 * 100·p/(1−p) (California EHIB). Null without births; the high limit is Infinity when F = 0.
 */
export function sexRatioInterval(males: number, females: number, level = 0.95): TInterval | null {
  const limits = wilsonInterval(males, males + females, level);
  if (!limits) return null;
  const toRatio = (p: number): number => (p >= 1 ? Number.POSITIVE_INFINITY : (100 * p) / (1 - p));
  return { low: toRatio(limits.low), high: toRatio(limits.high) };
}
