/**
 * The demo city's monthly township data: births by sex and birth order from the statistics report
 * (STAT) and hospital deliveries (HOSP) with the matched count, resident population, LARC users
 * and women covered, policy-conforming births and verification samples. Deterministic for a seed.
 */
import type { TRawDataValueRow } from '../src/modules/data-values/data-values.schema.js';
import { type BirthCells, splitBirths, splitBySource } from './demo-births.js';
import { buildTownships, HOSP_CAPTURE, type TDemoTownship } from './demo-city.js';
import { DEMO_SEED } from './demo-metadata.js';
import { planDemoData, type TDemoPlan } from './demo-plan.js';
import { createRandom, type DemoRandom } from './demo-random.js';

/** What to generate. */
export interface TDemoOptions {
  /** Seed of every random draw; the published demo uses DEMO_SEED. */
  seed?: number;
  /** Data runs through the last complete month before this day (default: now). */
  today?: Date | string;
  /** Only these counties' townships (codes like `QS01`); default all ten. */
  counties?: readonly string[];
}

/** Relative births per calendar month (more in the last quarter), mean 1. */
const SEASONALITY = normalise([0.96, 0.86, 0.95, 0.92, 0.95, 0.95, 1.0, 1.02, 1.04, 1.1, 1.12, 1.13]);

function normalise(weights: number[]): number[] {
  const mean = weights.reduce((sum, weight) => sum + weight, 0) / weights.length;
  return weights.map((weight) => weight / mean);
}

/** The day `today` names, as a Date (UTC). */
export function resolveToday(today: Date | string | undefined): Date {
  if (today === undefined) return new Date();
  return typeof today === 'string' ? new Date(`${today.slice(0, 10)}T00:00:00Z`) : today;
}

/** The townships, months, gaps and outliers the options select. */
export function planDemo(options: TDemoOptions = {}): { townships: TDemoTownship[]; plan: TDemoPlan } {
  const seed = options.seed ?? DEMO_SEED;
  const counties = options.counties ? new Set(options.counties) : undefined;
  const townships = buildTownships(seed).filter(
    (township) => !counties || counties.has(township.county.code),
  );
  const plan = planDemoData(
    seed,
    townships.map((township) => township.code),
    resolveToday(options.today),
  );
  return { townships, plan };
}

/** The demo data values as import rows (`line` counts from 1), township by township, month by month. */
export function* generateDemoRows(options: TDemoOptions = {}): Generator<TRawDataValueRow> {
  const seed = options.seed ?? DEMO_SEED;
  const { townships, plan } = planDemo(options);
  const missing = new Set(plan.missingReports.map((report) => `${report.orgUnit}:${report.period}`));
  let line = 0;
  for (const township of townships) {
    const random = createRandom(seed, township.code);
    const traits = drawTownshipTraits(township, random);
    for (const period of plan.periods) {
      // Values are drawn even for a missing report, so the others do not shift with the gaps.
      const values = drawMonth(township, traits, period, random);
      applyOutliers(values, plan, township.code, period);
      if (missing.has(`${township.code}:${period}`)) continue;
      for (const value of values) {
        line++;
        yield { line, orgUnit: township.code, period, ...value };
      }
    }
  }
}

/** The same rows as an async iterable (what the import pipeline reads). */
export async function* generateDemoData(options: TDemoOptions = {}): AsyncGenerator<TRawDataValueRow> {
  yield* generateDemoRows(options);
}

interface TownshipTraits {
  larcWomenShare: number;
  larcCoverage: number;
}

function drawTownshipTraits(township: TDemoTownship, random: DemoRandom): TownshipTraits {
  const coverage = township.county.larcCoverage + 0.012 * random.normal();
  return { larcWomenShare: random.uniform(0.1, 0.13), larcCoverage: Math.min(0.99, coverage) };
}

type ValueCell = Pick<
  TRawDataValueRow,
  'dataElement' | 'categoryOptionCombo' | 'attributeOptionCombo' | 'value'
>;

const cell = (dataElement: string, value: number, combo = 'default', source = 'STAT'): ValueCell => ({
  dataElement,
  categoryOptionCombo: combo,
  attributeOptionCombo: source,
  value: String(value),
});

/** One township-month's values, true to the township's traits (before outliers). */
function drawMonth(
  township: TDemoTownship,
  traits: TownshipTraits,
  period: string,
  random: DemoRandom,
): ValueCell[] {
  const county = township.county;
  const month = Number(period.slice(4));
  // Years since 1 January 2022 at mid-month: population and rates change smoothly.
  const time = Number(period.slice(0, 4)) - 2022 + (month - 0.5) / 12;
  const population = township.population2021 * (1 + county.populationGrowth) ** time;
  const birthRate =
    county.birthRate2022 * (1 + county.birthRateTrend) ** (time - 0.5) * township.birthRateFactor;
  const thirdPlusShare = county.thirdPlusShare2022 * (1 + county.thirdPlusTrend) ** (time - 0.5);
  const births = random.poisson(((population * birthRate) / 1000 / 12) * (SEASONALITY[month - 1] ?? 1));
  const trueCells = splitBirths(births, county.sexRatio, thirdPlusShare, random);
  const { stat, hosp, matched } = splitBySource(trueCells, county.statCapture, HOSP_CAPTURE, random);
  const statTotal = sumCells(stat);
  const women = Math.round(population * traits.larcWomenShare);
  const coverage = traits.larcCoverage;
  const users = Math.round(women * coverage + Math.sqrt(women * coverage * (1 - coverage)) * random.normal());
  const items = random.integer(15, 40);
  return [
    ...Object.entries(stat).map(([combo, count]) => cell('BIRTHS', count, combo)),
    ...Object.entries(hosp).map(([combo, count]) => cell('BIRTHS', count, combo, 'HOSP')),
    cell('BIRTHS_MATCHED', matched),
    cell('BIRTHS_POLICY', random.binomial(statTotal, 0.99 - 0.25 * thirdPlusShare)),
    cell('POP', Math.round(population)),
    cell('LARC_USERS', Math.min(women, users)),
    cell('LARC_WOMEN', women),
    cell('VERIF_ITEMS', items),
    cell('VERIF_DISCREPANCIES', random.binomial(items, county.discrepancyRate)),
  ];
}

function sumCells(cells: BirthCells): number {
  return Object.values(cells).reduce((sum, count) => sum + count, 0);
}

/** Multiplies the planned outliers' values in place. */
function applyOutliers(values: ValueCell[], plan: TDemoPlan, orgUnit: string, period: string): void {
  for (const outlier of plan.outliers) {
    if (outlier.orgUnit !== orgUnit || outlier.period !== period) continue;
    for (const value of values) {
      if (value.dataElement === outlier.dataElement && value.attributeOptionCombo === outlier.source)
        value.value = String(Number(value.value) * outlier.factor);
    }
  }
}
