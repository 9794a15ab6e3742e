import { describe, expect, it } from 'vitest';
import { pbinom, pbinomUpper, pnbinom, ppois, ppoisUpper } from './distributions.js';

describe('year-end probability building blocks (statistics.md §5)', () => {
  // P̄ = 100,000, last rate 10‰, YTD 740, μ_R = 250 → c = 260, P(R ≤ 259).
  it('gives 0.728262 under Poisson for the worked example', () => {
    expect(ppois(259, 250)).toBeCloseTo(0.728262, 6);
  });

  it('gives 0.613985 under a negative binomial with θ = 50', () => {
    expect(pnbinom(259, 250, 50)).toBeCloseTo(0.613985, 6);
  });
});

describe('distribution functions', () => {
  it('splits probability between lower and upper tails', () => {
    expect(ppois(7, 9.5) + ppoisUpper(7, 9.5)).toBeCloseTo(1, 14);
    expect(pbinom(40, 100, 0.45) + pbinomUpper(40, 100, 0.45)).toBeCloseTo(1, 14);
  });

  it('handles the edges of the support', () => {
    expect(pbinom(-1, 10, 0.3)).toBe(0);
    expect(pbinom(10, 10, 0.3)).toBe(1);
    expect(ppois(-1, 3)).toBe(0);
  });
});
