import { describe, expect, it } from 'vitest';
import { generateHistories, runBacktest } from './backtest.js';
import { createSampler } from './random.js';
import { seasonalShare } from './seasonal-share.js';
import { forecastYearEnd, probabilityOf } from './year-end-forecast.js';

const flatYear = (total: number, shareByMonth: number[]) => shareByMonth.map((share) => total * share);

describe('seasonalShare', () => {
  it('reproduces the share example: shares 0.74, 0.76, 0.75 give T̂ = 740 / 0.75 = 986.67', () => {
    // Three years of 10,000 events whose first nine months held 74%, 76% and 75%.
    const year = (s: number) => [
      ...Array(9).fill((10_000 * s) / 9),
      ...Array(3).fill((10_000 * (1 - s)) / 3),
    ];
    const share = seasonalShare([year(0.74), year(0.76), year(0.75)], 9);
    expect(share.mean).toBeCloseTo(0.75, 12);
    expect(740 / share.mean).toBeCloseTo(986.67, 2);
  });

  it('leans on the parent’s pattern for a unit with few events', () => {
    const parent = [0.3, 0.31, 0.29].map((s) => flatYear(10_000, [s, ...Array(11).fill((1 - s) / 11)]));
    const small = [flatYear(10, [0.6, ...Array(11).fill(0.4 / 11)])];
    expect(seasonalShare(small, 1, parent).mean).toBeLessThan(0.35);
  });
});

describe('forecastYearEnd', () => {
  const history = [2020, 2021, 2022].map(() => Array(12).fill(100));

  it('is reproducible: the same seed gives the same draws', () => {
    const a = forecastYearEnd({ history, current: Array(6).fill(100) }, { seed: 5 });
    const b = forecastYearEnd({ history, current: Array(6).fill(100) }, { seed: 5 });
    expect(Array.from(a.draws)).toEqual(Array.from(b.draws));
  });

  it('centres a steady unit’s year on YTD / share with an interval around it', () => {
    const forecast = forecastYearEnd({ history, current: Array(9).fill(100) });
    expect(forecast.expected).toBeGreaterThan(1170);
    expect(forecast.expected).toBeLessThan(1230);
    expect(forecast.ci80[0]).toBeLessThan(1200);
    expect(forecast.ci80[1]).toBeGreaterThan(1200);
    expect(probabilityOf(forecast, (total) => total < 1200)).toBeGreaterThan(0.3);
  });

  it('returns the actual total once the year is complete', () => {
    const forecast = forecastYearEnd({ history, current: Array(12).fill(90) });
    expect(forecast.ci80).toEqual([1080, 1080]);
  });

  it('draws 10,000 paths for each of a city’s 20 counties well under a second', () => {
    const started = performance.now();
    // As the service does: every unit with the default seed, each with its own counts.
    for (let unit = 0; unit < 20; unit++) forecastYearEnd({ history, current: Array(7).fill(100 + unit) });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('runBacktest', () => {
  it('keeps 80% intervals covering between 70% and 90% of actual totals', () => {
    const result = runBacktest(generateHistories(12, 9, 3), { draws: 1000 });
    expect(result.coverage80).toBeGreaterThan(0.7);
    expect(result.coverage80).toBeLessThan(0.9);
  });
});

describe('createSampler', () => {
  it('draws Poisson counts with the right mean', () => {
    const sampler = createSampler(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += sampler.poisson(3.5);
    expect(sum / 20_000).toBeCloseTo(3.5, 1);
  });
});
