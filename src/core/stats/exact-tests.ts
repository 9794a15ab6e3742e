/**
 * R's exact tests, translated from `binom.test` and `poisson.test` (R src/library/stats/R),
 * including the 1e-7 relative tolerance R uses to decide which outcomes are "as extreme".
 */
import { dbinom, dpois, pbinom, pbinomUpper, ppois, ppoisUpper } from './distributions.js';

export type TAlternative = 'two.sided' | 'less' | 'greater';

// R: relErr <- 1 + 1e-07
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * First k from `start` towards `bound` (by `step`) whose pmf is ≤ `limit`, or bound + step when
 * none is. The pmf is monotone on that side of the mode, so a binary search finds it.
 */
function firstAtMost(
  start: number,
  step: 1 | -1,
  bound: number,
  pmf: (k: number) => number,
  limit: number,
): number {
  if (pmf(start) <= limit) return start;
  let inside = start; // pmf > limit
  let outside = bound + step; // treated as pmf ≤ limit
  if (!Number.isFinite(bound)) {
    let distance = 1;
    while (pmf(start + step * distance) > limit) distance *= 2;
    outside = start + step * distance;
  }
  while (Math.abs(outside - inside) > 1) {
    const middle = Math.trunc((inside + outside) / 2);
    if (pmf(middle) > limit) inside = middle;
    else outside = middle;
  }
  return outside;
}

/** Two-sided exact binomial p-value of `x` successes in `n` trials under probability `p`, as R `binom.test`. */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const limit = dbinom(x, n, p) * RELATIVE_TOLERANCE;
  const mean = n * p;
  if (x === mean) return 1;
  const pmf = (k: number): number => dbinom(k, n, p);
  if (x < mean) {
    const start = firstAtMost(Math.ceil(mean), 1, n, pmf, limit);
    return Math.min(1, pbinom(x, n, p) + pbinomUpper(start - 1, n, p));
  }
  const start = firstAtMost(Math.floor(mean), -1, 0, pmf, limit);
  return Math.min(1, pbinom(start, n, p) + pbinomUpper(x - 1, n, p));
}

/** Exact binomial p-value for the given alternative (R `binom.test(x, n, p)$p.value`). */
export function binomialP(x: number, n: number, p: number, alternative: TAlternative): number {
  switch (alternative) {
    case 'less':
      return pbinom(x, n, p);
    case 'greater':
      return pbinomUpper(x - 1, n, p);
    case 'two.sided':
      return binomialTwoSidedP(x, n, p);
  }
}

/** Two-sided exact Poisson p-value of count `x` against mean `mu`, as R `poisson.test(x, T, r)`. */
export function poissonTwoSidedP(x: number, mu: number): number {
  if (mu === 0) return x === 0 ? 1 : 0;
  if (x === mu) return 1;
  const limit = dpois(x, mu) * RELATIVE_TOLERANCE;
  const pmf = (k: number): number => dpois(k, mu);
  if (x < mu) {
    // Above the mean the pmf decreases without bound on k, so the walk always ends.
    const start = firstAtMost(Math.ceil(mu), 1, Number.POSITIVE_INFINITY, pmf, limit);
    return Math.min(1, ppois(x, mu) + ppoisUpper(start - 1, mu));
  }
  const start = firstAtMost(Math.floor(mu), -1, 0, pmf, limit);
  return Math.min(1, ppois(start, mu) + ppoisUpper(x - 1, mu));
}
