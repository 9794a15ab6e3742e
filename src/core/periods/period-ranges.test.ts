import { describe, expect, it } from 'vitest';
import {
  daysInPeriod,
  hasPeriodEnded,
  isFuturePeriod,
  overlapDays,
  parsePeriod,
  periodContaining,
  periodsOverlapping,
  weightsIntoPeriods,
} from './index.js';

const id = (text: string) => parsePeriod(text);

describe('periodContaining', () => {
  it('finds the period of each type around a date', () => {
    expect(periodContaining('Yearly', '2026-09-23').id).toBe('2026');
    expect(periodContaining('Quarterly', '2026-09-30').id).toBe('2026Q3');
    expect(periodContaining('Monthly', '2026-10-01').id).toBe('202610');
    expect(periodContaining('Weekly', '2026-09-23').id).toBe('2026W39');
  });

  it('puts early January days into the previous ISO year when their Thursday is there', () => {
    expect(periodContaining('Weekly', '2021-01-03').id).toBe('2020W53');
    expect(periodContaining('Weekly', '2027-01-01').id).toBe('2026W53');
    expect(periodContaining('Weekly', '2025-12-29').id).toBe('2026W1');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => periodContaining('Monthly', '2026-02-30')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: '"2026-02-30": not a calendar date (expected YYYY-MM-DD)',
      }),
    );
  });
});

describe('periodsOverlapping', () => {
  it('lists every period touching an inclusive range, in order', () => {
    expect(periodsOverlapping('Monthly', '2025-11-30', '2026-02-01').map((p) => p.id)).toEqual([
      '202511',
      '202512',
      '202601',
      '202602',
    ]);
    expect(periodsOverlapping('Weekly', '2020-12-31', '2021-01-04').map((p) => p.id)).toEqual([
      '2020W53',
      '2021W1',
    ]);
    expect(periodsOverlapping('Quarterly', '2026-03-31', '2026-03-31').map((p) => p.id)).toEqual(['2026Q1']);
  });

  it('returns nothing for a reversed range', () => {
    expect(periodsOverlapping('Yearly', '2026-02-01', '2026-01-01')).toEqual([]);
  });

  it('refuses a bad date even when the range would be empty', () => {
    expect(() => periodsOverlapping('Yearly', 'soon', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('overlapDays and daysInPeriod', () => {
  it('count shared days, both ends included', () => {
    expect(overlapDays(id('202602'), '2026-02-20', '2026-03-05')).toBe(9);
    expect(overlapDays(id('202602'), '2026-03-01', '2026-03-05')).toBe(0);
    expect(daysInPeriod(id('2024'))).toBe(366);
    expect(daysInPeriod(id('2026Q1'))).toBe(90);
    expect(daysInPeriod(id('2026W10'))).toBe(7);
  });
});

describe('isFuturePeriod and hasPeriodEnded', () => {
  it('call a period future only when it starts after today', () => {
    expect(isFuturePeriod(id('202610'), '2026-09-30')).toBe(true);
    expect(isFuturePeriod(id('202610'), '2026-10-01')).toBe(false);
    expect(isFuturePeriod(id('202609'), '2026-09-15')).toBe(false);
  });

  it('call a period ended once its last day is past', () => {
    expect(hasPeriodEnded(id('202609'), '2026-09-30')).toBe(false);
    expect(hasPeriodEnded(id('202609'), '2026-10-01')).toBe(true);
  });
});

describe('weightsIntoPeriods', () => {
  it('splits a week across two months by days', () => {
    // 2026W5 runs Monday 26 January to Sunday 1 February.
    expect(weightsIntoPeriods(id('2026W5'), 'Monthly')).toEqual([
      { period: id('202601'), days: 6, fraction: 6 / 7 },
      { period: id('202602'), days: 1, fraction: 1 / 7 },
    ]);
  });

  it('splits week 53 across two years and a week inside one month keeps it whole', () => {
    const years = weightsIntoPeriods(id('2020W53'), 'Yearly');
    expect(years.map((w) => [w.period.id, w.days])).toEqual([
      ['2020', 4],
      ['2021', 3],
    ]);
    expect(weightsIntoPeriods(id('2026W39'), 'Quarterly')).toEqual([
      { period: id('2026Q3'), days: 7, fraction: 1 },
    ]);
  });
});
