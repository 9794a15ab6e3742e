import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRawDataValueRow } from '../src/modules/data-values/data-values.schema.js';
import { DEMO_COUNTIES } from './demo-city.js';
import { generateDemoRows, planDemo } from './generate-demo-data.js';

const TODAY = '2026-05-15';

function checksum(rows: Iterable<TRawDataValueRow>): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    hash.update(`${row.dataElement},${row.period},${row.orgUnit},${row.categoryOptionCombo},`);
    hash.update(`${row.attributeOptionCombo},${row.value}\n`);
  }
  return hash.digest('hex');
}

/** Totals per county and year, straight from the rows. */
interface CountyYear {
  stat: number;
  hosp: number;
  matched: number;
  males: number;
  females: number;
  /** Σ monthly POP and months reported, per township. */
  population: Map<string, { sum: number; months: number }>;
}

function totalsOf(rows: readonly TRawDataValueRow[]): Map<string, CountyYear> {
  const totals = new Map<string, CountyYear>();
  for (const row of rows) {
    const key = `${row.orgUnit.slice(0, 4)}:${row.period.slice(0, 4)}`;
    let entry = totals.get(key);
    if (!entry) {
      entry = { stat: 0, hosp: 0, matched: 0, males: 0, females: 0, population: new Map() };
      totals.set(key, entry);
    }
    const value = Number(row.value);
    if (row.dataElement === 'BIRTHS' && row.attributeOptionCombo === 'HOSP') entry.hosp += value;
    if (row.dataElement === 'BIRTHS' && row.attributeOptionCombo === 'STAT') {
      entry.stat += value;
      if (row.categoryOptionCombo.startsWith('M.')) entry.males += value;
      else entry.females += value;
    }
    if (row.dataElement === 'BIRTHS_MATCHED') entry.matched += value;
    if (row.dataElement === 'POP') {
      const seen = entry.population.get(row.orgUnit) ?? { sum: 0, months: 0 };
      entry.population.set(row.orgUnit, { sum: seen.sum + value, months: seen.months + 1 });
    }
  }
  return totals;
}

/** Births per 1,000 of the average population, townships' missing months scaled up (as a full year). */
function birthRate(entry: CountyYear): number {
  const population = [...entry.population.values()].reduce((sum, t) => sum + t.sum / t.months, 0);
  const monthsReported = [...entry.population.values()].reduce((sum, t) => sum + t.months, 0);
  return ((entry.stat * (12 * entry.population.size)) / monthsReported / population) * 1000;
}

const yearsOf = (code: string, totals: Map<string, CountyYear>, years: number[]) =>
  years.map((year) => totals.get(`${code}:${year}`)).filter((entry) => entry !== undefined);

const sum = (entries: CountyYear[], pick: (entry: CountyYear) => number) =>
  entries.reduce((total, entry) => total + pick(entry), 0);

describe('generateDemoRows', () => {
  let rows: TRawDataValueRow[];
  let totals: Map<string, CountyYear>;
  beforeAll(() => {
    rows = [...generateDemoRows({ today: TODAY })];
    totals = totalsOf(rows);
  });

  it('gives the same values for the same seed and other values for another seed', () => {
    const again = checksum(generateDemoRows({ today: TODAY }));
    expect(again).toBe(checksum(rows));
    expect(checksum(generateDemoRows({ today: TODAY, seed: 7 }))).not.toBe(again);
  });

  it('covers 10 counties, about 150 townships and 52 months through the month before today', () => {
    const { townships, plan } = planDemo({ today: TODAY });
    expect(new Set(townships.map((t) => t.county.code)).size).toBe(10);
    expect(townships.length).toBeGreaterThanOrEqual(140);
    expect(townships.length).toBeLessThanOrEqual(160);
    expect(plan.periods).toHaveLength(52);
    expect([plan.periods[0], plan.periods.at(-1)]).toEqual(['202201', '202604']);
    expect(rows.length).toBeGreaterThan(130_000);
    expect(rows.length).toBeLessThan(200_000);
    expect(rows.map((row) => row.line)).toEqual(rows.map((_, index) => index + 1));
  });

  it('sizes townships between 10,000 and 80,000 residents', () => {
    const populations = rows.filter((row) => row.dataElement === 'POP' && row.period === '202201');
    const values = populations.map((row) => Number(row.value));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...values)).toBeLessThanOrEqual(80_000);
  });

  it('gives every county a crude birth rate of 8–14‰ in each full year', () => {
    for (const county of DEMO_COUNTIES) {
      for (const entry of yearsOf(county.code, totals, [2022, 2023, 2024, 2025])) {
        expect(birthRate(entry), county.code).toBeGreaterThanOrEqual(8);
        expect(birthRate(entry), county.code).toBeLessThanOrEqual(14);
      }
    }
  });

  it('gives every county a sex ratio at birth of 104–118 over the whole period', () => {
    for (const county of DEMO_COUNTIES) {
      const entries = yearsOf(county.code, totals, [2022, 2023, 2024, 2025, 2026]);
      const ratio = (sum(entries, (e) => e.males) / sum(entries, (e) => e.females)) * 100;
      expect(ratio, county.code).toBeGreaterThanOrEqual(104);
      expect(ratio, county.code).toBeLessThanOrEqual(118);
    }
  });

  it('lets Liuxi County (QS06) report about 90 % of the births hospitals record, the others about 100 %', () => {
    for (const county of DEMO_COUNTIES) {
      const entries = yearsOf(county.code, totals, [2022, 2023, 2024, 2025]);
      const ratio = sum(entries, (e) => e.stat) / sum(entries, (e) => e.hosp);
      if (county.code === 'QS06') expect(ratio).toBeCloseTo(0.9, 1);
      else expect(ratio, county.code).toBeGreaterThan(0.99);
    }
  });

  it('keeps the matched count consistent with independent capture (matched / HOSP ≈ STAT capture)', () => {
    const liuxi = yearsOf('QS06', totals, [2022, 2023, 2024, 2025]);
    expect(sum(liuxi, (e) => e.matched) / sum(liuxi, (e) => e.hosp)).toBeCloseTo(0.875, 1);
    const songlin = yearsOf('QS09', totals, [2022, 2023, 2024, 2025]);
    expect(sum(songlin, (e) => e.matched) / sum(songlin, (e) => e.hosp)).toBeCloseTo(0.985, 1);
  });

  it('makes the birth rate fall from 2022 to 2025 except in the two counties trending up', () => {
    for (const county of DEMO_COUNTIES) {
      const [first, last] = yearsOf(county.code, totals, [2022, 2025]);
      if (!first || !last) throw new Error(`no data for ${county.code}`);
      const isRising = birthRate(last) > birthRate(first);
      expect(isRising, county.code).toBe(county.code === 'QS03' || county.code === 'QS07');
    }
  });

  it('has more births in the last quarter than in the first', () => {
    const quarterBirths = (months: string[]) =>
      rows
        .filter((row) => row.dataElement === 'BIRTHS' && row.attributeOptionCombo === 'HOSP')
        .filter((row) => months.includes(row.period.slice(4)) && row.period < '2026')
        .reduce((total, row) => total + Number(row.value), 0);
    expect(quarterBirths(['10', '11', '12'])).toBeGreaterThan(1.1 * quarterBirths(['01', '02', '03']));
  });

  it('leaves the planned reports missing, including a quarter of silence in QS0815', () => {
    const { plan } = planDemo({ today: TODAY });
    const reported = new Set(rows.map((row) => `${row.orgUnit}:${row.period}`));
    for (const report of plan.missingReports)
      expect(reported.has(`${report.orgUnit}:${report.period}`)).toBe(false);
    expect(plan.missingReports.length).toBeGreaterThan(50);
    for (const period of ['202507', '202508', '202509']) expect(reported.has(`QS0815:${period}`)).toBe(false);
    expect(
      plan.missingReports.filter((report) => report.reason === 'late').every((r) => r.period === '202604'),
    ).toBe(true);
  });

  it('injects an outlier five times the usual births in QS0507 in March 2024', () => {
    const births = (period: string) =>
      rows
        .filter((row) => row.orgUnit === 'QS0507' && row.period === period && row.dataElement === 'BIRTHS')
        .filter((row) => row.attributeOptionCombo === 'STAT')
        .reduce((total, row) => total + Number(row.value), 0);
    expect(births('202403')).toBeGreaterThan(3 * Math.max(births('202402'), births('202404')));
  });

  it('gives the rows of a subset of counties exactly as in the whole city', () => {
    const subset = [...generateDemoRows({ today: TODAY, counties: ['QS02'] })];
    const fromWhole = rows.filter((row) => row.orgUnit.startsWith('QS02'));
    expect(checksum(subset)).toBe(checksum(fromWhole));
  });
});
