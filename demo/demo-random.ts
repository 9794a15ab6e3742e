/**
 * A small seeded pseudo-random generator for the demo city (mulberry32) and the few
 * distributions the generator needs. Deterministic across platforms: only 32-bit integer
 * arithmetic and IEEE doubles, never Math.random.
 */

/** A stream of uniform numbers in [0, 1) with helpers for the distributions the demo draws. */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** An integer in [min, max] inclusive. */
  integer(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson count with mean `mean`. */
  poisson(mean: number): number;
  /** Binomial count of `trials` with success probability `probability`. */
  binomial(trials: number, probability: number): number;
}

/** FNV-1a hash of a string: the seed offset of a named sub-stream. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A deterministic random stream for `seed` and an optional `stream` name: the same pair always
 * gives the same numbers, and differently named streams are independent of each other (so a
 * township's values do not depend on which other townships were generated before it).
 */
export function createRandom(seed: number, stream = ''): DemoRandom {
  let state = (seed ^ hashString(stream)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    normal,
    uniform: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    poisson: (mean) => poisson(mean, next, normal),
    binomial: (trials, probability) => binomial(trials, probability, next, normal),
  };
}

/** Knuth's product method for small means, a rounded normal approximation above 30. */
function poisson(mean: number, next: () => number, normal: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = next();
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}

/** Bernoulli trials up to 500, a rounded, clamped normal approximation beyond. */
function binomial(trials: number, probability: number, next: () => number, normal: () => number): number {
  if (trials <= 0 || probability <= 0) return 0;
  if (probability >= 1) return trials;
  if (trials > 500) {
    const mean = trials * probability;
    const spread = Math.sqrt(mean * (1 - probability));
    return Math.min(trials, Math.max(0, Math.round(mean + spread * normal())));
  }
  let count = 0;
  for (let trial = 0; trial < trials; trial++) if (next() < probability) count++;
  return count;
}
