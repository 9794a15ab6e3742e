/**
 * Thin, typed wrappers over @stdlib's special functions: the distribution functions the
 * interval and test code needs, under R's names so formulas read like the R sources.
 */
import betainc from '@stdlib/math-base-special-betainc';
import erfc from '@stdlib/math-base-special-erfc';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Standard normal quantile, R `qnorm(p)`. */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Standard normal distribution function, R `pnorm(z)` (accurate in both tails). */
export function pnorm(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** χ² quantile with `df` degrees of freedom, R `qchisq(p, df)`. */
export function qchisq(p: number, df: number): number {
  return chisquareQuantile(p, df);
}

/** Beta quantile, R `qbeta(p, a, b)`. */
export function qbeta(p: number, a: number, b: number): number {
  return betaQuantile(p, a, b);
}

/** Binomial probability mass, R `dbinom(k, n, p)`. */
export function dbinom(k: number, n: number, p: number): number {
  return binomialPmf(k, n, p);
}

/** Binomial distribution function P(X ≤ k), R `pbinom(k, n, p)`. */
export function pbinom(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const whole = Math.floor(k);
  return betainc(1 - p, n - whole, whole + 1, true, false);
}

/** Binomial upper tail P(X > k), R `pbinom(k, n, p, lower.tail = FALSE)`. */
export function pbinomUpper(k: number, n: number, p: number): number {
  if (k < 0) return 1;
  if (k >= n) return 0;
  const whole = Math.floor(k);
  return betainc(p, whole + 1, n - whole, true, false);
}

/** Poisson probability mass, R `dpois(k, mu)`. */
export function dpois(k: number, mu: number): number {
  if (k < 0 || !Number.isInteger(k)) return 0;
  if (mu === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mu) - mu - gammaln(k + 1));
}

/** Poisson distribution function P(X ≤ k), R `ppois(k, mu)`. */
export function ppois(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu === 0) return 1;
  return gammainc(mu, Math.floor(k) + 1, true, true);
}

/** Poisson upper tail P(X > k), R `ppois(k, mu, lower.tail = FALSE)`. */
export function ppoisUpper(k: number, mu: number): number {
  if (k < 0) return 1;
  if (mu === 0) return 0;
  return gammainc(mu, Math.floor(k) + 1, true, false);
}

/**
 * Negative binomial distribution function P(X ≤ k) with mean `mu` and size `theta`
 * (variance mu + mu²/theta), R `pnbinom(k, size = theta, mu = mu)`.
 */
export function pnbinom(k: number, mu: number, theta: number): number {
  if (k < 0) return 0;
  if (mu === 0) return 1;
  const prob = theta / (theta + mu);
  return betainc(prob, theta, Math.floor(k) + 1, true, false);
}

/** Natural log of the gamma function. */
export function lgamma(x: number): number {
  return gammaln(x);
}
