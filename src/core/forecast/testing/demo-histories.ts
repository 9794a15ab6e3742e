/**
 * The demo city's births (STAT, all sexes and orders) as backtest histories, straight from the
 * demo generator (no store): every township with its county as parent, and every county with the
 * city as parent, for each complete year of demo data. A township-month whose report the demo
 * leaves missing is null; the demo's injected outliers stay in, as they would in the store.
 */
import { generateDemoRows, planDemo } from '../../../../demo/generate-demo-data.js';
import type { TBacktestData, TUnitHistory } from '../backtest.js';

/** Backtest data of the demo city as generated for `today` (complete years 2022 … today's year − 1). */
export function demoBacktestData(today: string): TBacktestData & { years: number[]; unitCodes: string[] } {
  const lastYear = Number(today.slice(0, 4)) - 1;
  const { townships } = planDemo({ today });
  const firstYear = 2022;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const empty = (): TUnitHistory => years.map(() => Array<number | null>(12).fill(null));
  const byTownship = new Map(townships.map((township) => [township.code, empty()]));
  for (const row of generateDemoRows({ today })) {
    if (row.dataElement !== 'BIRTHS' || row.attributeOptionCombo !== 'STAT') continue;
    const months = byTownship.get(row.orgUnit)?.[Number(row.period.slice(0, 4)) - firstYear];
    const month = Number(row.period.slice(4, 6)) - 1;
    if (months) months[month] = (months[month] ?? 0) + Number(row.value);
  }
  const add = (target: TUnitHistory, source: TUnitHistory) =>
    source.forEach((months, y) => {
      months.forEach((value, m) => {
        const row = target[y];
        if (row && value !== null) row[m] = (row[m] ?? 0) + value;
      });
    });
  const counties = new Map<string, TUnitHistory>();
  const city = empty();
  for (const township of townships) {
    const county = counties.get(township.county.code) ?? empty();
    counties.set(township.county.code, county);
    const history = byTownship.get(township.code) ?? empty();
    add(county, history);
    add(city, history);
  }
  const units: TUnitHistory[] = [];
  const parents: TUnitHistory[] = [];
  const unitCodes: string[] = [];
  for (const township of townships) {
    units.push(byTownship.get(township.code) ?? empty());
    parents.push(counties.get(township.county.code) ?? empty());
    unitCodes.push(township.code);
  }
  for (const [code, history] of counties) {
    units.push(history);
    parents.push(city);
    unitCodes.push(code);
  }
  return { units, parent: city, parents, years, unitCodes };
}
