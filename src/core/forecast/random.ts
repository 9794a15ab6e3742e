/**
 * A small seeded PRNG and the samplers the forecast needs, so that a forecast is reproducible:
 * the same inputs and seed give the same probability, on every machine.
 */

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Samplers over one uniform source. */
export interface TSampler {
  uniform(): number;
  normal(): number;
  /** Gamma(shape, scale 1): Marsaglia–Tsang, Wilson–Hilferty above shape 50. */
  gamma(shape: number): number;
  /** Poisson(mean): exact by inversion for small means, normal with continuity above 50. */
  poisson(mean: number): number;
}

/** A sampler seeded with `seed`. */
export function createSampler(seed: number): TSampler {
  const uniform = seededUniform(seed);
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - uniform();
    const angle = 2 * Math.PI * uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const gamma = (shape: number): number => {
    // Wilson–Hilferty: accurate to well below the Poisson noise for large shapes, and 5× faster.
    if (shape > 50) return shape * (1 - 1 / (9 * shape) + normal() / (3 * Math.sqrt(shape))) ** 3;
    if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    let k = 0;
    let term = Math.exp(-mean);
    let cumulative = term;
    const u = uniform();
    while (u > cumulative && k < 1000) {
      k += 1;
      term *= mean / k;
      cumulative += term;
    }
    return k;
  };
  return { uniform, normal, gamma, poisson };
}
