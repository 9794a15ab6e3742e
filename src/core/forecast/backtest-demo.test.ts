import { describe, expect, it } from 'vitest';
import { runBacktest } from './backtest.js';
import { demoBacktestData } from './testing/demo-histories.js';

describe('runBacktest on the demo city', () => {
  const data = demoBacktestData('2026-10-15');

  it('forecasts every township and county at every month-end of 2023–2025', () => {
    expect(data.years).toEqual([2022, 2023, 2024, 2025]);
    expect(data.unitCodes).toContain('QS01');
    const result = runBacktest({ units: data.units.slice(0, 1), parent: data.parent }, { minHistory: 1 });
    expect(result.forecasts).toBe(3 * 11);
  });

  it('keeps the 80% interval covering between 70% and 90% of actual year-end totals', () => {
    const result = runBacktest(data, { draws: 2000, minHistory: 1 });
    expect(result.forecasts).toBe(data.units.length * 3 * 11);
    expect(result.coverage80).toBeGreaterThanOrEqual(0.7);
    expect(result.coverage80).toBeLessThanOrEqual(0.9);
    // Calibrated enough to beat always saying one half (Brier 0.25).
    expect(result.brier).toBeLessThan(0.2);
  });
});
