import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataValueFile } from '../modules/data-values/import/index.js';
import { buildScaleMetadata, writeScaleCsv } from '../modules/data-values/import/testing/scale-fixture.js';
import { importMetadata } from '../modules/metadata/metadata.service.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import { openPgliteDb } from '../store/pglite-driver.js';
import { createTestStore, type TestStore, testStoreKinds } from '../store/testing/test-store.js';
import { PGLITE_TEMPLATE_FILE } from '../store/testing/test-templates.js';

const TOWNSHIPS = 150;
const BIG_ROWS = 80_000;

/** Count and checksum of every stored value and of the monthly aggregates; audit rows counted. */
async function fingerprint(db: Db): Promise<{ values: string; aggregates: string; auditRows: number }> {
  const [values] = await db.query<{ fingerprint: string }>(
    `SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws('|', data_element_id, period_id, org_unit_id,
              option_combo_id, source_id, value, comment, followup, version))::bigint), 0) AS fingerprint
     FROM data_value`,
  );
  const [aggregates] = await db.query<{ fingerprint: string }>(
    `SELECT count(*) || ':' || coalesce(sum(value_count), 0) || ':' || coalesce(round(sum(sum_num)::numeric, 3), 0)
       AS fingerprint FROM data_value_monthly`,
  );
  const [audit] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM audit_log');
  return {
    values: values?.fingerprint ?? '',
    aggregates: aggregates?.fingerprint ?? '',
    auditRows: audit?.rows ?? -1,
  };
}

/** Spawns `tiaodu ARGS` on the store; resolves with its exit code and output. */
function tiaodu(env: NodeJS.ProcessEnv, args: string[]): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
  });
  const run: CliRun = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  const done = new Promise<CliRun>((resolve) =>
    child.on('exit', (code, signal) => resolve(Object.assign(run, { code, signal }))),
  );
  return { child, done };
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the import CLI on `file` and SIGKILLs it once its progress output matches `when` and
 * `ready` (polled every 50 ms; say when the kill lands where it should) has resolved true.
 */
async function importAndKill(
  env: NodeJS.ProcessEnv,
  file: string,
  when: RegExp,
  ready: () => Promise<boolean>,
): Promise<CliRun> {
  const { child, done } = tiaodu(env, ['import', file]);
  let output = '';
  let armed = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (armed || !when.test(output)) return;
    armed = true;
    void (async () => {
      while (child.exitCode === null && !(await ready())) await sleep(50);
      child.kill('SIGKILL');
    })();
  });
  return done;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Server backends of the current database running the merge's upsert (the import's transaction). */
async function runningMerges(db: Db): Promise<number> {
  const [row] = await db.query<{ merges: number }>(
    `SELECT count(*)::int AS merges FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
       AND query LIKE '%INSERT INTO data_value AS dv%'`,
  );
  return row?.merges ?? 0;
}

describe.each(testStoreKinds())('tiaodu import on %s', (kind) => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-import-cli-'));
  const dataDir = join(folder, 'data');
  const big = join(folder, 'big.csv');
  let server: TestStore | undefined;
  let env: NodeJS.ProcessEnv;
  /** Opens the store the CLI uses (PGlite: the data dir, after the CLI has let go of it). */
  const open = async (): Promise<Db> => (server ? server.db : openStore({ dataDir }));
  const release = async (db: Db): Promise<void> => {
    if (!server) await db.close();
  };

  beforeAll(async () => {
    let db: Db;
    if (kind === 'postgres') {
      server = await createTestStore('postgres');
      env = { DATABASE_URL: server.databaseUrl };
      db = server.db;
    } else {
      env = { TIAODU_DATA_DIR: dataDir, DATABASE_URL: '' };
      // The data dir from the migrated template: seconds faster than a new initdb.
      db = await openPgliteDb({ dataDir, loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
    }
    await importMetadata(db, buildScaleMetadata(TOWNSHIPS));
    const base = join(folder, 'base.csv');
    await writeScaleCsv(base, { townships: TOWNSHIPS, rows: 5_000 });
    await importDataValueFile(db, { stream: createReadStream(base), format: 'csv' });
    await release(db);
    await writeScaleCsv(big, { townships: TOWNSHIPS, rows: BIG_ROWS, valueOffset: 1 });
  }, 120_000);
  afterAll(async () => {
    await server?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('leaves the store exactly as before when killed (SIGKILL) while copying', async () => {
    let db = await open();
    const before = await fingerprint(db);
    expect(before.values.startsWith('5000:')).toBe(true);
    await release(db);
    const run = await importAndKill(env, big, /import: \d+ rows read \(/, async () => true);
    expect(run.signal).toBe('SIGKILL');
    expect(run.stderr).not.toMatch(/import: merging/);
    // PGlite: the data dir reopens after the crash (recovery), with the same values.
    db = await open();
    expect(await fingerprint(db)).toEqual(before);
    await release(db);
  }, 60_000);

  it('leaves the store exactly as before when killed (SIGKILL) inside the merge transaction', async () => {
    let db = await open();
    const before = await fingerprint(db);
    await release(db);
    // Server: kill while the merge's upsert runs; PGlite (no view into the child): 1 s into the merge.
    const started = { at: 0 };
    const inMerge = server
      ? async () => (await runningMerges(db)) > 0
      : async () => {
          started.at ||= Date.now();
          return Date.now() - started.at >= 1_000;
        };
    const run = await importAndKill(env, big, /import: merging/, inMerge);
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).not.toMatch(/imported/);
    if (server) {
      // The orphaned backend notices its client is gone (client_connection_check_interval) and rolls back.
      for (let waited = 0; (await runningMerges(db)) > 0 && waited < 30_000; waited += 100) await sleep(100);
      expect(await runningMerges(db)).toBe(0);
    }
    db = await open();
    expect(await fingerprint(db)).toEqual(before);
    await release(db);
  }, 60_000);

  it('exits 1 with the first conflict on one line and every conflict listed, 0 with --json on success', async () => {
    const bad = join(folder, 'bad.csv');
    writeFileSync(
      bad,
      'dataElement,period,orgUnit,value\nPOP,202501,T0001,12\nPOP,202501,T0002,"1,234"\nPOP,209901,T0003,1\n',
    );
    const refused = await tiaodu(env, ['import', bad]).done;
    expect(refused.code).toBe(1);
    const lines = refused.stderr.split('\n').filter((line) => !line.startsWith('import:'));
    expect(lines[0]).toBe(
      'tiaodu: import failed: 2 conflicts; first: row 3 value: "1,234" has thousands separators: remove thousands separators',
    );
    expect(lines[1]).toBe('  row 3 value: "1,234" has thousands separators: remove thousands separators');
    expect(lines[2]).toMatch(/^ {2}row 4 period: period 209901 starts after today/);

    const good = join(folder, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        period: '202501',
        dataValues: [{ dataElement: 'POP', orgUnit: 'T0001', value: '123456' }],
      }),
    );
    const imported = await tiaodu(env, ['import', good, '--json', '--skip-invalid']).done;
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 1, updated: 0, ignored: 0, deleted: 0 },
    });
    expect(imported.stderr).toContain('import: done (1 rows read)');
  }, 60_000);
});
