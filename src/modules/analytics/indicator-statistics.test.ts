import { describe, expect, it } from 'vitest';
import { changePValue, indicatorInterval } from './indicator-statistics.js';

describe('indicatorInterval', () => {
  it('gives a crude birth rate the exact Poisson interval per 1,000 person-years', () => {
    const [low, high] =
      indicatorInterval('rate', 1000, { numerator: 5, denominator: 100, yearShare: 1 }) ?? [];
    expect(low).toBeCloseTo(16.2348639011842, 9);
    expect(high).toBeCloseTo(116.6833207932267, 8);
  });

  it('widens a quarter’s rate interval by its shorter person-time', () => {
    const year = indicatorInterval('rate', 1000, { numerator: 100, denominator: 10_000, yearShare: 1 }) ?? [
      0, 0,
    ];
    const quarter = indicatorInterval('rate', 1000, {
      numerator: 25,
      denominator: 10_000,
      yearShare: 0.25,
    }) ?? [0, 0];
    expect(quarter[1] - quarter[0]).toBeGreaterThan(year[1] - year[0]);
  });

  it('gives a proportion the Wilson interval in percent', () => {
    const [low, high] =
      indicatorInterval('proportion', 100, { numerator: 65, denominator: 100, yearShare: 1 }) ?? [];
    expect(low).toBeCloseTo(55.25444329688797, 9);
    expect(high).toBeCloseTo(73.63575175690247, 9);
  });

  it('gives a sex ratio the mapped Wilson interval', () => {
    const [low, high] =
      indicatorInterval('sexRatio', 100, { numerator: 1180, denominator: 1000, yearShare: 1 }) ?? [];
    expect(low).toBeCloseTo(108.4692, 4);
    expect(high).toBeCloseTo(128.3682, 4);
  });

  it('has no interval without a denominator or for plain indicators', () => {
    expect(indicatorInterval('rate', 1000, { numerator: 5, denominator: null, yearShare: 1 })).toBeNull();
    expect(indicatorInterval('plain', 1, { numerator: 5, denominator: 2, yearShare: 1 })).toBeNull();
  });
});

describe('changePValue', () => {
  it('tests rates with the exact conditional Poisson test on person-time', () => {
    const p = changePValue(
      'rate',
      { numerator: 11, denominator: 800, yearShare: 1 },
      { numerator: 21, denominator: 3011, yearShare: 1 },
    );
    expect(p).toBeCloseTo(0.07966863, 8);
  });

  it('tests proportions with the pooled two-proportion test', () => {
    const p = changePValue(
      'proportion',
      { numerator: 30, denominator: 100, yearShare: 1 },
      { numerator: 45, denominator: 100, yearShare: 1 },
    );
    expect(p).toBeCloseTo(0.02845974, 8);
  });

  it('is null when either year lacks a denominator', () => {
    expect(
      changePValue(
        'rate',
        { numerator: 3, denominator: 0, yearShare: 1 },
        { numerator: 3, denominator: 9, yearShare: 1 },
      ),
    ).toBeNull();
  });
});
