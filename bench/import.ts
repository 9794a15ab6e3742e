/**
 * `npm run bench:import -- [--rows 1000000] [--store both|postgres|pglite] [--keep DIR]`
 *
 * Writes a DHIS2 CSV of `--rows` values of the demo's shape (BIRTHS by sex × order and POP, from
 * the STAT and HOSP sources, monthly, for enough townships under ten counties to fill five years),
 * then, on the PostgreSQL server of DATABASE_URL (a fresh database) and on embedded PGlite (a fresh
 * data directory), measures:
 *   (a) the baseline: a plain COPY of the same rows into a bare six-column text table;
 *   (b) `tiaodu import FILE` run as a child process (the built CLI, `bin/tiaodu.js`, as a user runs
 *       it after `npm start`; `npm run bench:import` builds it first), with its peak
 *       RSS (the child reports `process.resourceUsage().maxRSS` as it exits) and its phases.
 * Prints values/s of both, the ratio b/a (rates; higher is better) and the peak RSS.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildScaleMetadata,
  writeScaleCsv,
} from '../src/modules/data-values/import/testing/scale-fixture.js';
import { importMetadata } from '../src/modules/metadata/metadata.service.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { databaseUrlFor } from '../src/store/testing/test-store.js';
import { withDatabase } from '../src/store/testing/test-templates.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    store: { type: 'string', default: 'both' },
    keep: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
/** Values per township-month in the scale CSV (6 BIRTHS cells + POP, from two sources). */
const VALUES_PER_TOWNSHIP_MONTH = 14;
const MONTHS = 60;
const TOWNSHIPS = Math.ceil(ROWS / VALUES_PER_TOWNSHIP_MONTH / MONTHS);
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATABASE = 'tiaodu_bench_import';
/** Preloaded into the CLI child: writes its peak RSS (kB) to $BENCH_RSS_FILE as it exits. */
const RSS_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));",
)}`;

interface StoreUnderTest {
  name: 'postgres' | 'pglite';
  /** Environment for the CLI child. */
  env: NodeJS.ProcessEnv;
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

interface ImportRun {
  seconds: number;
  peakRssMb: number;
  /** Seconds from the child's start to each phase line (copying, checking, merging, done). */
  phases: Record<string, number>;
  summary: { status: string; importCount: Record<string, number> };
}

async function main(): Promise<void> {
  const folder = args.keep ?? mkdtempSync(join(tmpdir(), 'tiaodu-bench-import-'));
  const csv = join(folder, `values-${ROWS}.csv`);
  try {
    let started = performance.now();
    await writeScaleCsv(csv, { townships: TOWNSHIPS, rows: ROWS });
    const megabytes = statSync(csv).size / 1024 / 1024;
    log(
      `wrote ${csv}: ${ROWS.toLocaleString('en')} values, ${TOWNSHIPS} townships × ${MONTHS} months, ` +
        `${megabytes.toFixed(0)} MB in ${seconds(started)} s`,
    );
    const results: string[] = [];
    for (const store of await storesToRun(folder)) {
      try {
        started = performance.now();
        const db = await store.open();
        await importMetadata(db, buildScaleMetadata(TOWNSHIPS));
        const baseline = await timeBaselineCopy(db, csv);
        await db.close();
        log(`${store.name}: store and metadata ready; baseline COPY ${baseline.toFixed(1)} s`);
        const run = await timeCliImport(store, csv, folder);
        const check = await store.open();
        const [stored] = await check.query<{ values: number }>(
          'SELECT count(*)::int AS values FROM data_value',
        );
        await check.close();
        if (run.summary.status !== 'SUCCESS' || stored?.values !== ROWS)
          throw new Error(
            `import did not store every value: ${JSON.stringify(run.summary)}, ${stored?.values}`,
          );
        results.push(describe(store.name, baseline, run));
        log(results.at(-1) ?? '');
      } finally {
        await store.dispose();
      }
    }
    log('');
    log(`rows: ${ROWS.toLocaleString('en')}; node ${process.version}; ${loadNote()}`);
    for (const line of results) log(line);
  } finally {
    if (!args.keep) rmSync(folder, { recursive: true, force: true });
  }
}

async function storesToRun(folder: string): Promise<StoreUnderTest[]> {
  const wanted = args.store === 'both' ? ['postgres', 'pglite'] : [args.store];
  const stores: StoreUnderTest[] = [];
  if (wanted.includes('postgres')) {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error('DATABASE_URL is not set (use --store pglite to skip the server)');
    await withDatabase(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${DATABASE}`);
    });
    const databaseUrl = databaseUrlFor(serverUrl, DATABASE);
    stores.push({
      name: 'postgres',
      env: { DATABASE_URL: databaseUrl },
      open: () => openStore({ databaseUrl, dataDir: folder }),
      dispose: async () => {
        await withDatabase(serverUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`),
        );
      },
    });
  }
  if (wanted.includes('pglite')) {
    const dataDir = join(folder, 'pglite');
    stores.push({
      name: 'pglite',
      env: { DATABASE_URL: '', TIAODU_DATA_DIR: dataDir },
      open: () => openStore({ dataDir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    });
  }
  return stores;
}

/** (a) Seconds for a plain COPY of the CSV's rows into a bare text table (dropped afterwards). */
async function timeBaselineCopy(db: Db, csv: string): Promise<number> {
  await db.exec(`DROP TABLE IF EXISTS bench_copy_baseline;
    CREATE TABLE bench_copy_baseline (data_element text, period text, org_unit text,
      category_option_combo text, attribute_option_combo text, value text)`);
  const started = performance.now();
  const copied = await db.copyFromCsv(
    'bench_copy_baseline',
    ['data_element', 'period', 'org_unit', 'category_option_combo', 'attribute_option_combo', 'value'],
    withoutHeader(createReadStream(csv, { encoding: 'utf8', highWaterMark: 1024 * 1024 })),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (copied !== ROWS) throw new Error(`baseline COPY copied ${copied} rows, not ${ROWS}`);
  await db.exec('DROP TABLE bench_copy_baseline');
  return elapsed;
}

/** The text without its header line, in chunks of whole lines (PGlite COPYs each blob on its own). */
async function* withoutHeader(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  let headerDone = false;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const start = headerDone ? 0 : text.indexOf('\n') + 1;
    if (start === 0 && !headerDone) {
      rest = text;
      continue;
    }
    headerDone = true;
    const end = text.lastIndexOf('\n') + 1;
    if (end > start) yield text.slice(start, end);
    rest = text.slice(Math.max(end, start));
  }
  if (rest) yield rest.endsWith('\n') ? rest : `${rest}\n`;
}

/** (b) `tiaodu import CSV --json` in a child process: wall time, peak RSS, phases, summary. */
async function timeCliImport(store: StoreUnderTest, csv: string, folder: string): Promise<ImportRun> {
  const rssFile = join(folder, `rss-${store.name}.txt`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', RSS_REPORTER, 'bin/tiaodu.js', 'import', csv, '--json'],
    { cwd: ROOT, env: { ...process.env, ...store.env, BENCH_RSS_FILE: rssFile } },
  );
  const phases: Record<string, number> = {};
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const match of chunk.toString().matchAll(/^import: (copying|checking|merging|done) /gm))
      if (match[1]) phases[match[1]] ??= Number(seconds(started));
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const elapsed = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`tiaodu import exited ${code}: ${stderr.slice(-2000)}`);
  return {
    seconds: elapsed,
    peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
    phases,
    summary: JSON.parse(stdout) as ImportRun['summary'],
  };
}

function describe(store: string, baseline: number, run: ImportRun): string {
  const rate = (secondsTaken: number) => Math.round(ROWS / secondsTaken).toLocaleString('en');
  const { copying = 0, checking = 0, merging = 0, done = 0 } = run.phases;
  return [
    `${store}:`,
    `  (a) plain COPY into a bare table: ${baseline.toFixed(1)} s, ${rate(baseline)} values/s`,
    `  (b) tiaodu import (child process): ${run.seconds.toFixed(1)} s, ${rate(run.seconds)} values/s; ` +
      `imported ${run.summary.importCount.imported}`,
    `      start ${copying.toFixed(1)} s, read+check+stage ${(checking - copying).toFixed(1)} s, ` +
      `file checks ${(merging - checking).toFixed(1)} s, merge ${(done - merging).toFixed(1)} s, ` +
      `exit ${(run.seconds - done).toFixed(1)} s`,
    `  ratio b/a: ${(baseline / run.seconds).toFixed(3)}; peak RSS of the import: ${run.peakRssMb.toFixed(0)} MB`,
  ].join('\n');
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function loadNote(): string {
  try {
    const [one, five] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    return `load average ${one} (1 min), ${five} (5 min) at the end`;
  } catch {
    return 'load average unknown';
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

await main();
