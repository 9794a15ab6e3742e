import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  nextPeriod,
  parsePeriod,
  periodEndPlusDays,
  periodIndexInYear,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
  yearlyPeriodCount,
  yearToDate,
} from './index.js';

const id = (text: string) => parsePeriod(text);

describe('shiftPeriod', () => {
  it('crosses year boundaries for every type', () => {
    expect(nextPeriod(id('202612')).id).toBe('202701');
    expect(previousPeriod(id('2026Q1')).id).toBe('2025Q4');
    expect(shiftPeriod(id('2026'), -3).id).toBe('2023');
    expect(shiftPeriod(id('202611'), 14).id).toBe('202801');
    expect(shiftPeriod(id('2026Q3'), -11).id).toBe('2023Q4');
  });

  it('walks weeks through 53-week and 52-week years', () => {
    expect(nextPeriod(id('2020W52')).id).toBe('2020W53');
    expect(nextPeriod(id('2020W53')).id).toBe('2021W1');
    expect(nextPeriod(id('2021W52')).id).toBe('2022W1');
    expect(previousPeriod(id('2021W1')).id).toBe('2020W53');
    expect(shiftPeriod(id('2026W1'), 53).id).toBe('2027W1');
    expect(shiftPeriod(id('2025W1'), 52).id).toBe('2026W1');
  });

  it('returns the same period for an offset of 0 and refuses a fractional offset', () => {
    expect(shiftPeriod(id('2026W39'), 0)).toEqual(id('2026W39'));
    expect(() => shiftPeriod(id('2026'), 0.5)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('samePeriodLastYear', () => {
  it('moves each type back one year', () => {
    expect(samePeriodLastYear(id('2026')).id).toBe('2025');
    expect(samePeriodLastYear(id('202609')).id).toBe('202509');
    expect(samePeriodLastYear(id('2026Q3')).id).toBe('2025Q3');
    expect(samePeriodLastYear(id('2026W39')).id).toBe('2025W39');
  });

  it('uses the last week of a 52-week year for week 53', () => {
    expect(samePeriodLastYear(id('2026W53')).id).toBe('2025W52');
    expect(samePeriodLastYear(id('2021W52')).id).toBe('2020W52');
  });
});

describe('yearToDate', () => {
  it('runs from 1 January through the end of the period', () => {
    expect(yearToDate(id('202609'))).toEqual({ start: '2026-01-01', end: '2026-09-30' });
    expect(yearToDate(id('2026Q3'))).toEqual({ start: '2026-01-01', end: '2026-09-30' });
    expect(yearToDate(id('2026'))).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('uses the calendar year in which a week ends', () => {
    expect(yearToDate(id('2026W1'))).toEqual({ start: '2026-01-01', end: '2026-01-04' });
    expect(yearToDate(id('2020W53'))).toEqual({ start: '2021-01-01', end: '2021-01-03' });
    expect(yearToDate(id('2024W52'))).toEqual({ start: '2024-01-01', end: '2024-12-29' });
  });
});

describe('comparePeriods', () => {
  it('orders by start, then the shorter period first', () => {
    const sorted = ['2026Q3', '2026', '202601', '2025W52', '202607'].map(id).sort(comparePeriods);
    expect(sorted.map((period) => period.id)).toEqual(['2025W52', '202601', '2026', '202607', '2026Q3']);
  });
});

describe('periodIndexInYear and yearlyPeriodCount', () => {
  it('give DHIS2 [periodInYear] and [yearlyPeriodCount]', () => {
    expect([periodIndexInYear(id('202609')), yearlyPeriodCount(id('202609'))]).toEqual([9, 12]);
    expect([periodIndexInYear(id('2026W39')), yearlyPeriodCount(id('2026W39'))]).toEqual([39, 53]);
    expect([periodIndexInYear(id('2025Q2')), yearlyPeriodCount(id('2025Q2'))]).toEqual([2, 4]);
    expect(yearlyPeriodCount(id('2025W1'))).toBe(52);
  });
});

describe('periodEndPlusDays', () => {
  it('counts days after the last day of the period', () => {
    expect(periodEndPlusDays(id('202602'), 10)).toBe('2026-03-10');
    expect(periodEndPlusDays(id('2026'), 0)).toBe('2026-12-31');
    expect(periodEndPlusDays(id('2026W53'), 1)).toBe('2027-01-04');
  });
});
