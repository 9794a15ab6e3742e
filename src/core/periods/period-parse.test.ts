import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { formatPeriod, isPeriodId, parsePeriod, periodTypeOf, tryParsePeriod } from './index.js';

function refusal(id: string): AppError {
  try {
    parsePeriod(id);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${id} was accepted`);
}

describe('parsePeriod', () => {
  it('reads a year as 1 January through 31 December', () => {
    expect(parsePeriod('2026')).toEqual({
      id: '2026',
      type: 'Yearly',
      year: 2026,
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('reads quarters with their calendar boundaries', () => {
    expect(parsePeriod('2026Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026Q2')).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(parsePeriod('2026Q3')).toMatchObject({
      type: 'Quarterly',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(parsePeriod('2026Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('reads both month forms and normalises the id to yyyyMM', () => {
    expect(parsePeriod('202609')).toEqual(parsePeriod('2026-09'));
    expect(parsePeriod('2026-09')).toMatchObject({ id: '202609', type: 'Monthly', end: '2026-09-30' });
  });

  it('knows February has 28 days in 2026 and 29 in 2024', () => {
    expect(parsePeriod('202602').end).toBe('2026-02-28');
    expect(parsePeriod('202402').end).toBe('2024-02-29');
    expect(parsePeriod('190002').end).toBe('1900-02-28');
    expect(parsePeriod('200002').end).toBe('2000-02-29');
  });

  it('starts 2026W1 on Monday 2025-12-29 and ends it on Sunday 2026-01-04', () => {
    expect(parsePeriod('2026W1')).toEqual({
      id: '2026W1',
      type: 'Weekly',
      year: 2026,
      start: '2025-12-29',
      end: '2026-01-04',
    });
  });

  it('accepts zero-padded weeks and gives the DHIS2 canonical id without padding', () => {
    expect(parsePeriod('2026W01').id).toBe('2026W1');
    expect(parsePeriod('2026W39')).toMatchObject({ id: '2026W39', start: '2026-09-21', end: '2026-09-27' });
  });

  it('knows which years have a week 53', () => {
    expect(parsePeriod('2020W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(parsePeriod('2015W53')).toMatchObject({ start: '2015-12-28', end: '2016-01-03' });
    expect(parsePeriod('2026W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(isPeriodId('2021W53')).toBe(false);
  });

  it('puts week 1 in the previous calendar year when 4 January is late in the week', () => {
    // 2021-01-04 is a Monday, so 1–3 January 2021 belong to 2020W53.
    expect(parsePeriod('2021W1')).toMatchObject({ start: '2021-01-04', end: '2021-01-10' });
  });

  it.each([
    ['2026-13', '"2026-13": month must be 01–12'],
    ['202600', '"202600": month must be 01–12'],
    ['2026W54', '"2026W54": week must be 1–53: 2026 has 53 ISO weeks'],
    ['2025W53', '"2025W53": week must be 1–52: 2025 has 52 ISO weeks'],
    ['2021W53', '"2021W53": week must be 1–52: 2021 has 52 ISO weeks'],
    ['2026W0', '"2026W0": week must be 1–53: 2026 has 53 ISO weeks'],
    ['2026Q5', '"2026Q5": quarter must be 1–4'],
    ['2026Q0', '"2026Q0": quarter must be 1–4'],
    ['0999', '"0999": year must be 1000–9999'],
  ])('refuses %s saying what is wrong', (id, message) => {
    const error = refusal(id);
    expect(error.code).toBe('INVALID_PERIOD');
    expect(error.message).toBe(message);
    expect(error.details).toEqual({ period: id });
  });

  it.each(['abc', '', '26', '2026W', '2026W123', '2026-9', '2026q3', ' 2026', '2026S1', '20260901'])(
    'refuses %j as not a period id',
    (id) => {
      const error = refusal(id);
      expect(error.code).toBe('INVALID_PERIOD');
      expect(error.message).toContain('not a DHIS2 period id');
    },
  );

  it('refuses a week whose days would leave the supported years', () => {
    expect(refusal('9999W52').message).toContain('outside the supported years');
  });
});

describe('tryParsePeriod', () => {
  it('returns undefined instead of throwing', () => {
    expect(tryParsePeriod('2026Q5')).toBeUndefined();
    expect(tryParsePeriod('2026Q3')?.id).toBe('2026Q3');
  });
});

describe('periodTypeOf', () => {
  it('names the type of each id form', () => {
    expect(['2026', '2026Q3', '202609', '2026-09', '2026W39'].map(periodTypeOf)).toEqual([
      'Yearly',
      'Quarterly',
      'Monthly',
      'Monthly',
      'Weekly',
    ]);
  });
});

describe('formatPeriod', () => {
  it('derives the canonical id from type and start date', () => {
    expect(formatPeriod({ type: 'Weekly', start: '2025-12-29' })).toBe('2026W1');
    expect(formatPeriod({ type: 'Monthly', start: '2026-09-01' })).toBe('202609');
    expect(formatPeriod({ type: 'Quarterly', start: '2026-07-01' })).toBe('2026Q3');
    expect(formatPeriod({ type: 'Yearly', start: '2026-01-01' })).toBe('2026');
  });
});
