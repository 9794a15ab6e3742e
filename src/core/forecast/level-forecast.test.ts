import { describe, expect, it } from 'vitest';
import { forecastLevelYearEnd, monthlyChangeSpread } from './level-forecast.js';
import { quantile } from './year-end-forecast.js';

describe('monthlyChangeSpread', () => {
  it('is the sample standard deviation of consecutive changes, skipping gaps', () => {
    // changes 1, -1, 2 (the gap breaks 4→null→6): mean 2/3, variance ((1/3)² + (5/3)² + (4/3)²)/2 = 7/3
    expect(monthlyChangeSpread([1, 2, 1, 3, null, 6])).toBeCloseTo(Math.sqrt(7 / 3), 12);
    expect(monthlyChangeSpread([5, 5])).toBe(0);
  });
});

describe('forecastLevelYearEnd', () => {
  it('gives the mean of the twelve months when the year is complete', () => {
    const current = [90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101];
    const draws = forecastLevelYearEnd({ history: [], current, draws: 10 });
    expect(draws?.every((value) => value === 95.5)).toBe(true);
  });

  it('centres a level forecast on the observed level, not on a sum of months', () => {
    const history = Array.from({ length: 24 }, (_, i) => 91 + (i % 2 === 0 ? 0.2 : -0.2));
    const current = [91, 91.2, 90.8, 91, 91.1, 90.9, 91, 91.2, 90.8, 91];
    const draws = forecastLevelYearEnd({ history, current });
    if (!draws) throw new Error('no forecast');
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(90.8);
    expect(mean).toBeLessThan(91.2);
    // Two months to come with a monthly change spread of about 0.3: the 80% interval stays narrow.
    expect(quantile(draws, 0.9) - quantile(draws, 0.1)).toBeLessThan(0.6);
    expect(quantile(draws, 0.9) - quantile(draws, 0.1)).toBeGreaterThan(0.05);
  });

  it('has no forecast without an observed month', () => {
    expect(forecastLevelYearEnd({ history: [90, 91], current: [] })).toBeNull();
    expect(forecastLevelYearEnd({ history: [90, 91], current: [null, null] })).toBeNull();
  });
});
