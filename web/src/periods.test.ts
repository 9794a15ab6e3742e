import { describe, expect, it } from 'vitest';
import {
  isoWeeksInYear,
  parsePeriodId,
  periodContaining,
  periodsOfYear,
  pickablePeriods,
} from './periods.js';

describe('periodsOfYear', () => {
  it('makes DHIS2 ids for each period type', () => {
    expect(periodsOfYear('Yearly', 2026).map((p) => p.id)).toEqual(['2026']);
    expect(periodsOfYear('Quarterly', 2026).map((p) => p.id)).toEqual([
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(
      periodsOfYear('Monthly', 2026)
        .map((p) => p.id)
        .slice(8, 10),
    ).toEqual(['202609', '202610']);
    expect(periodsOfYear('Weekly', 2026)[0]).toMatchObject({ id: '2026W1', start: '2025-12-29' });
  });

  it('counts 53 ISO weeks in years whose 28 December is in week 53', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(periodsOfYear('Weekly', 2020).at(-1)).toMatchObject({ id: '2020W53', start: '2020-12-28' });
  });
});

describe('pickablePeriods', () => {
  it('lists only periods that have started, latest first', () => {
    expect(pickablePeriods('Monthly', 2026, '2026-03-15').map((p) => p.id)).toEqual([
      '202603',
      '202602',
      '202601',
    ]);
  });
});

describe('periodContaining', () => {
  it('finds the ISO week of a date near the turn of the year', () => {
    expect(periodContaining('Weekly', '2027-01-01').id).toBe('2026W53');
    expect(periodContaining('Weekly', '2025-12-29').id).toBe('2026W1');
    expect(periodContaining('Quarterly', '2026-09-30').id).toBe('2026Q3');
  });
});

describe('parsePeriodId', () => {
  it('reads back the ids it makes and refuses others', () => {
    expect(parsePeriodId('2026W39')).toMatchObject({ type: 'Weekly', index: 39 });
    expect(parsePeriodId('202609')).toMatchObject({ type: 'Monthly', index: 9 });
    expect(parsePeriodId('2026')).toMatchObject({ type: 'Yearly' });
    expect(parsePeriodId('2025W53')).toBeUndefined();
    expect(parsePeriodId('202613')).toBeUndefined();
  });
});
