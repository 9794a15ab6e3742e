/**
 * `npm run bench:analytics -- [--store postgres|pglite] [--counties 100] [--townships 15]
 *  [--years 10] [--values-per-month 30] [--calls 50] [--raw-calls 50] [--no-duckdb]
 *  [--database NAME] [--reuse] [--build-only]`
 *
 * Builds a synthetic province (PostgreSQL server from DATABASE_URL, in a fresh database) or city
 * (embedded PGlite), then times over `--calls` calls: (a) the overview via the service, for the
 * root and one county (served, afresh, and from cold); (b) the same numbers straight from raw values by GROUP BY; (c) DuckDB
 * scanning the raw values exported to Parquet; and the time from saving a value to seeing it.
 */
import { parseArgs } from 'node:util';
import { parsePeriod } from '../src/core/periods/index.js';
import type { TOverviewAnswer } from '../src/modules/analytics/analytics.schema.js';
import { getAnalyticsOverview } from '../src/modules/analytics/analytics.service.js';
import { loadAnalyticsCatalog } from '../src/modules/analytics/analytics-catalog.js';
import { forgetOutcomes } from '../src/modules/analytics/forecast-outcome-memo.js';
import { evaluateIndicator, rangeOf } from '../src/modules/analytics/indicator-values.js';
import type { TValueSource } from '../src/modules/analytics/item-values.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPgliteDb } from '../src/store/pglite-driver.js';
import { openPostgresDb } from '../src/store/postgres-driver.js';
import { databaseUrlFor } from '../src/store/testing/test-store.js';
import { withDatabase } from '../src/store/testing/test-templates.js';
import { openDuckBench } from './analytics-duckdb.js';
import { buildScale, type TScale } from './analytics-scale.js';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    counties: { type: 'string', default: '100' },
    townships: { type: 'string', default: '15' },
    years: { type: 'string', default: '10' },
    'values-per-month': { type: 'string', default: '30' },
    calls: { type: 'string', default: '50' },
    'raw-calls': { type: 'string', default: '50' },
    'no-duckdb': { type: 'boolean', default: false },
    database: { type: 'string', default: 'tiaodu_bench_analytics' },
    reuse: { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stdout.write(`${line}\n`);
const scale: TScale = {
  counties: Number(args.counties),
  townshipsPerCounty: Number(args.townships),
  years: Number(args.years),
  lastYear: 2026,
  valuesPerMonth: Number(args['values-per-month']),
};
const PERIOD = '202609';
const TODAY = '2026-10-15';

async function time(calls: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}
/** Milliseconds with three significant digits (a cache hit takes hundredths of one). */
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));
const show = (label: string, t: { p50: number; p95: number }) =>
  log(`| ${label} | ${ms(t.p50)} | ${ms(t.p95)} |`);

async function openBenchStore(): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (args.store === 'pglite') {
    const db = await openPgliteDb({});
    return { db, dispose: () => db.close() };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set (or use --store pglite)');
  const name = args.database;
  await withDatabase(serverUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (args.reuse && (exists.rowCount ?? 0) > 0) return;
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const db = openPostgresDb(databaseUrlFor(serverUrl, name));
  return { db, dispose: () => db.close() };
}

/** The overview's numbers only (every indicator, this period and last year's) from `from`. */
async function overviewNumbers(db: Db, orgUnitIds: number[], from: TValueSource): Promise<void> {
  const catalog = await loadAnalyticsCatalog(db);
  for (const period of [parsePeriod(PERIOD), parsePeriod('202509')]) {
    const cache = new Map();
    for (const indicator of catalog.indicators)
      await evaluateIndicator(db, catalog, indicator, orgUnitIds, { period, ytd: true, from, cache });
  }
}

async function main(): Promise<void> {
  const { db, dispose } = await openBenchStore();
  try {
    await migrate(db);
    log(
      `store ${args.store}: ${scale.counties} counties × ${scale.townshipsPerCounty} townships, ${scale.years} years, ${scale.valuesPerMonth} values per township-month`,
    );
    const built = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit');
    if (args.reuse && (built[0]?.n ?? 0) > 0) {
      const values = await db.query<{ n: number }>('SELECT count(*)::float8 AS n FROM data_value');
      log(`reusing the database built before: ${values[0]?.n.toLocaleString('en')} values`);
    } else {
      await buildScale(db, scale, log);
      await db.exec('ANALYZE');
    }
    if (args['build-only']) return;
    const aggregateRows = await db.query<{ n: number }>(
      'SELECT count(*)::float8 AS n FROM data_value_monthly',
    );
    log(`data_value_monthly rows: ${aggregateRows[0]?.n.toLocaleString('en')}`);
    const ids = async (sql: string) => (await db.query<{ id: number }>(sql)).map((row) => row.id);
    const province = await ids("SELECT id FROM org_unit WHERE code = 'P'");
    const provinceRows = [...province, ...(await ids('SELECT id FROM org_unit WHERE level = 2'))];
    const countyRows = [
      ...(await ids("SELECT id FROM org_unit WHERE code = 'P001'")),
      ...(await ids(
        "SELECT id FROM org_unit WHERE parent_id = (SELECT id FROM org_unit WHERE code = 'P001')",
      )),
    ];
    const calls = Number(args.calls);
    const rawCalls = Number(args['raw-calls']);
    log('\n| measurement (ms) | p50 | p95 |\n| --- | ---: | ---: |');
    for (const [label, code] of [
      ['root', 'P'],
      ['county', 'P001'],
    ] as const) {
      const query = { orgUnit: code, level: 'children' as const, period: PERIOD, ytd: true };
      show(
        `(a) overview via the service, ${label} + children (4 indicators, targets with forecast)`,
        await time(calls, () => getAnalyticsOverview(db, query, { today: TODAY })),
      );
      show(
        `(a) the same, computed afresh on every call (no cached answer; unchanged forecasts remembered), ${label} + children`,
        await time(calls, () => getAnalyticsOverview(db, query, { today: TODAY, cache: false })),
      );
      show(
        `(a) the same from cold (no cached answer, no forecast remembered), ${label} + children`,
        await time(calls, () => {
          forgetOutcomes();
          return getAnalyticsOverview(db, query, { today: TODAY, cache: false });
        }),
      );
    }
    show(
      '(a′) overview numbers from the aggregates, root + children',
      await time(calls, () => overviewNumbers(db, provinceRows, 'aggregate')),
    );
    show(
      '(a′) overview numbers from the aggregates, county + children',
      await time(calls, () => overviewNumbers(db, countyRows, 'aggregate')),
    );
    show(
      '(b) the same numbers by GROUP BY over raw values, root + children',
      await time(rawCalls, () => overviewNumbers(db, provinceRows, 'raw')),
    );
    show(
      '(b) the same numbers by GROUP BY over raw values, county + children',
      await time(rawCalls, () => overviewNumbers(db, countyRows, 'raw')),
    );
    if (!args['no-duckdb']) {
      const duck = await openDuckBench(db, log);
      const current = rangeOf(parsePeriod(PERIOD), true);
      const previous = rangeOf(parsePeriod('202509'), true);
      const both = async (rows: number[]) => {
        await duck.query(rows, current.start, current.end);
        await duck.query(rows, previous.start, previous.end);
      };
      show('(c) DuckDB over Parquet, root + children', await time(calls, () => both(provinceRows)));
      show('(c) DuckDB over Parquet, county + children', await time(calls, () => both(countyRows)));
      duck.close();
    }
    await measureFreshness(db);
  } finally {
    await dispose();
  }
}

/**
 * Saves one value (UPDATE in its own transaction; triggers update the aggregates and the data
 * version) and reads the overview right after, with the cache warm from the call before: ten
 * times each for the county and the root. Checks the saved births show in the answer.
 */
async function measureFreshness(db: Db): Promise<void> {
  for (const code of ['P001', 'P']) {
    const query = { orgUnit: code, level: 'children' as const, period: PERIOD, ytd: true };
    const births = (answer: TOverviewAnswer) =>
      answer.indicators.find((i) => i.indicator.code === 'CBR')?.parent.numerator ?? 0;
    const saves: number[] = [];
    const visible: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = await getAnalyticsOverview(db, query, { today: TODAY });
      const started = performance.now();
      await db.transaction((tx) =>
        tx.query(`UPDATE data_value SET num = num + 100, value = (num + 100)::text
                  WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = 'P001001')
                    AND period_id = (SELECT id FROM period WHERE iso = '202609')
                    AND option_combo_id = (SELECT oc.id FROM option_combo oc JOIN data_element de ON de.id = oc.data_element_id
                                           WHERE de.code = 'BIRTHS' AND oc.code = 'M.1')`),
      );
      saves.push(performance.now() - started);
      const after = await getAnalyticsOverview(db, query, { today: TODAY });
      visible.push(performance.now() - started);
      if (Math.round(births(after) - births(before)) !== 100)
        throw new Error(`the saved value is not in the next answer (${births(before)} → ${births(after)})`);
    }
    const p = (values: number[], q: number) =>
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
    log(
      `\n${code}: save one value p50 ${p(saves, 0.5).toFixed(1)} ms, p95 ${p(saves, 0.95).toFixed(1)} ms; save → visible in the overview p50 ${p(visible, 0.5).toFixed(1)} ms, p95 ${p(visible, 0.95).toFixed(1)} ms (10 saves, each seen: births +100)`,
    );
  }
}

await main();
