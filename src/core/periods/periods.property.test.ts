import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInPeriod,
  formatPeriod,
  isoWeeksInYear,
  nextPeriod,
  PERIOD_TYPES,
  type Period,
  type PeriodType,
  parsePeriod,
  periodContaining,
  periodCountInYear,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
  weightsIntoPeriods,
} from './index.js';

const arbitraryType = fc.constantFrom(...PERIOD_TYPES);

/** A period id in one of its accepted spellings (padded weeks, dashed months). */
function spellId(type: PeriodType, year: number, index: number, alternate: boolean): string {
  const two = String(index).padStart(2, '0');
  switch (type) {
    case 'Yearly':
      return String(year);
    case 'Quarterly':
      return `${year}Q${index}`;
    case 'Monthly':
      return alternate ? `${year}-${two}` : `${year}${two}`;
    case 'Weekly':
      return alternate ? `${year}W${two}` : `${year}W${index}`;
  }
}

/** A valid period id in any accepted spelling, years 1900–2200. */
const arbitraryId = fc
  .tuple(arbitraryType, fc.integer({ min: 1900, max: 2200 }), fc.nat(), fc.boolean())
  .map(([type, year, seed, alternate]) =>
    spellId(type, year, (seed % periodCountInYear(type, year)) + 1, alternate),
  );

const arbitraryPeriod = arbitraryId.map(parsePeriod);
const arbitraryDate = fc
  .date({ min: new Date('1900-01-10T00:00:00Z'), max: new Date('2200-12-20T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** ISO week by the ordinal-date formula, an independent check of the Thursday rule. */
function referenceIsoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const year = day.getUTCFullYear();
  const ordinal = (day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const isoDay = day.getUTCDay() || 7;
  const week = Math.floor((ordinal - isoDay + 10) / 7);
  if (week < 1) return `${year - 1}W${isoWeeksInYear(year - 1)}`;
  if (week > isoWeeksInYear(year)) return `${year + 1}W1`;
  return `${year}W${week}`;
}

describe('period properties', () => {
  it('parse and format round-trip for every type and spelling', () => {
    fc.assert(
      fc.property(arbitraryId, (id) => {
        const period = parsePeriod(id);
        expect(formatPeriod(period)).toBe(period.id);
        expect(parsePeriod(period.id)).toEqual(period);
      }),
    );
  });

  it('next undoes previous and previous undoes next', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        expect(nextPeriod(previousPeriod(period))).toEqual(period);
        expect(previousPeriod(nextPeriod(period))).toEqual(period);
      }),
    );
  });

  it('consecutive periods tile time with no gap or overlap', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        expect(nextPeriod(period).start).toBe(addDays(period.end, 1));
        expect(period.start <= period.end).toBe(true);
      }),
    );
  });

  it('shifting by a and then b equals shifting by a + b', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: -400, max: 400 }),
        (p, a, b) => {
          expect(shiftPeriod(shiftPeriod(p, a), b)).toEqual(shiftPeriod(p, a + b));
        },
      ),
    );
  });

  it('an ISO week runs Monday to Sunday and contains its Thursday in the week-year', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod.filter((p: Period) => p.type === 'Weekly'),
        (week) => {
          expect(weekday(week.start)).toBe(1);
          expect(weekday(week.end)).toBe(0);
          expect(addDays(week.start, 3).slice(0, 4)).toBe(String(week.year));
        },
      ),
    );
  });

  it('a year has 53 ISO weeks exactly when it starts on a Thursday, or a Wednesday in a leap year', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const firstDay = weekday(`${year}-01-01`);
      const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const expected = firstDay === 4 || (isLeap && firstDay === 3) ? 53 : 52;
      expect(isoWeeksInYear(year), String(year)).toBe(expected);
    }
  });

  it('the week containing a date agrees with the ordinal-date formula', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        expect(periodContaining('Weekly', date).id).toBe(referenceIsoWeek(date));
      }),
    );
  });

  it('the period containing a date starts on or before it and ends on or after it', () => {
    fc.assert(
      fc.property(arbitraryType, arbitraryDate, (type, date) => {
        const period = periodContaining(type, date);
        expect(period.start <= date && date <= period.end).toBe(true);
      }),
    );
  });

  it('the same period last year has the same type, one year earlier', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        const lastYear = samePeriodLastYear(period);
        expect(lastYear.type).toBe(period.type);
        expect(lastYear.year).toBe(period.year - 1);
      }),
    );
  });

  it('weights into another period type cover every day once and their fractions sum to 1', () => {
    fc.assert(
      fc.property(arbitraryPeriod, arbitraryType, (period, target) => {
        const weights = weightsIntoPeriods(period, target);
        const days = weights.reduce((sum, weight) => sum + weight.days, 0);
        const fraction = weights.reduce((sum, weight) => sum + weight.fraction, 0);
        expect(days).toBe(daysInPeriod(period));
        expect(fraction).toBeCloseTo(1, 12);
        expect(weights.every((weight) => weight.days > 0)).toBe(true);
      }),
    );
  });
});
