import { describe, expect, it } from 'vitest';
import { pnorm } from './distributions.js';
import { poissonCountTest, poissonRatePValue, poissonRateTest, twoProportionTest } from './rate-tests.js';

describe('poissonCountTest', () => {
  it('matches R poisson.test(137, 24.19893)', () => {
    const test = poissonCountTest(137, 24.19893);
    expect(test.rate).toBeCloseTo(5.661407, 6);
    expect(test.ci.low).toBeCloseTo(4.753125, 6);
    expect(test.ci.high).toBeCloseTo(6.692709, 6);
    expect(test.pValue / 2.845227e-56).toBeCloseTo(1, 6);
  });
});

describe('poissonRateTest', () => {
  it('matches R poisson.test(c(11, 21), c(800, 3011))', () => {
    const test = poissonRateTest(11, 800, 21, 3011);
    expect(test.rateRatio).toBeCloseTo(1.971488, 6);
    expect(test.ci.low).toBeCloseTo(0.858426, 6);
    expect(test.ci.high).toBeCloseTo(4.277266, 6);
    expect(test.expectedCount1).toBeCloseTo(6.717397, 6);
    expect(test.pValue).toBeCloseTo(0.07966863, 8);
  });

  it('gives p = 1 when the rates are equal and there are no events', () => {
    expect(poissonRateTest(0, 100, 0, 100).pValue).toBe(1);
    expect(poissonRateTest(10, 100, 10, 100).pValue).toBeCloseTo(1, 10);
  });

  it('finds a fall from 1,100 to 1,000 births in 100,000 residents not quite significant', () => {
    const test = poissonRateTest(1000, 100_000, 1100, 100_000);
    expect(test.pValue).toBeGreaterThan(0.02);
    expect(test.pValue).toBeLessThan(0.04);
    expect(poissonRateTest(1000, 100_000, 1100, 100_000, { alternative: 'less' }).pValue).toBeLessThan(
      test.pValue,
    );
  });

  it('agrees with scipy binomtest for large counts', () => {
    // scipy.stats.binomtest(1000, 2100, 0.5).pvalue = 0.03072070786424249 (equal exposures).
    expect(poissonRateTest(1000, 100_000, 1100, 100_000).pValue).toBeCloseTo(0.03072070786424249, 10);
    expect(poissonRatePValue(1000, 100_000, 1100, 100_000)).toBeCloseTo(0.03072070786424249, 10);
    // binomtest(50123, 102000, 0.49).pvalue = 0.37042610867492165 (t1/(t1+t2) = 0.49).
    expect(poissonRatePValue(50_123, 49, 51_877, 51)).toBeCloseTo(0.37042610867492165, 9);
  });

  it('answers quickly for city-sized counts', () => {
    const started = performance.now();
    for (let i = 0; i < 200; i++) poissonRateTest(50_000 + i, 5e6, 52_000, 5e6);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('twoProportionTest', () => {
  it('is the pooled z-test of prop.test without continuity correction', () => {
    // prop.test(c(30, 45), c(100, 100), correct = FALSE): X-squared = 4.8, p = 0.02845974.
    const test = twoProportionTest(30, 100, 45, 100);
    expect(test.z ** 2).toBeCloseTo(4.8, 10);
    expect(test.pValue).toBeCloseTo(0.02845974, 8);
    expect(test.difference).toBeCloseTo(-0.15, 12);
  });

  it('reproduces the normal test on counts: 1500 vs 1600 gives p = 0.07248609', () => {
    const z = (1500 - 1600) / Math.sqrt(3100);
    expect(2 * pnorm(-Math.abs(z))).toBeCloseTo(0.07248609, 8);
  });

  it('gives p = 1 for an empty group', () => {
    expect(twoProportionTest(0, 0, 5, 10).pValue).toBe(1);
  });
});
