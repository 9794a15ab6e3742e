import { describe, expect, it } from 'vitest';
import { daysBetween, monthEnd, splitRange } from './month-split.js';

describe('splitRange', () => {
  it('answers a quarter from three whole months', () => {
    expect(splitRange('2026-07-01', '2026-09-30')).toEqual({
      months: { first: '2026-07-01', last: '2026-09-01' },
      edges: [],
    });
  });

  it('reads the partial month of a weekly year-to-date from raw values', () => {
    expect(splitRange('2026-01-01', '2026-03-15')).toEqual({
      months: { first: '2026-01-01', last: '2026-02-01' },
      edges: [{ start: '2026-03-01', end: '2026-03-15' }],
    });
  });

  it('splits a week across a month boundary into two edges', () => {
    expect(splitRange('2026-01-26', '2026-02-01')).toEqual({
      months: null,
      edges: [
        { start: '2026-01-26', end: '2026-01-31' },
        { start: '2026-02-01', end: '2026-02-01' },
      ],
    });
  });

  it('keeps a week inside one month as one edge', () => {
    expect(splitRange('2026-02-02', '2026-02-08')).toEqual({
      months: null,
      edges: [{ start: '2026-02-02', end: '2026-02-08' }],
    });
  });

  it('handles both edges around whole months', () => {
    expect(splitRange('2025-12-29', '2026-02-03').edges).toHaveLength(2);
    expect(splitRange('2025-12-29', '2026-02-03').months).toEqual({
      first: '2026-01-01',
      last: '2026-01-01',
    });
  });
});

describe('monthEnd and daysBetween', () => {
  it('knows leap Februaries and counts both ends', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
  });
});
