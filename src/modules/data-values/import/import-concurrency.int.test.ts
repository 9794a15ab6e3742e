import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../store/db.js';
import { openPostgresDb } from '../../../store/postgres-driver.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../../store/testing/test-store.js';
import { importMetadata } from '../../metadata/metadata.service.js';
import type { TImportSummary } from '../data-values.schema.js';
import { importDataValueFile } from './import-file.js';
import { buildScaleMetadata, writeScaleCsv } from './testing/scale-fixture.js';

const TOWNSHIPS = 50;
const BASE_ROWS = 5_000;
const A_ROWS = 20_000;
const B_ROWS = 30_000;
const KEY = 'data_element_id, period_id, org_unit_id, option_combo_id, source_id';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each stored value keyed by its position in the scale files' order, with its version. */
async function storedValues(db: Db): Promise<Map<string, { value: string; version: number }>> {
  const rows = await db.query<{ key: string; value: string; version: number }>(
    `SELECT concat_ws(' ', de.code, p.iso, ou.code, oc.code, s.code) AS key, dv.value, dv.version
     FROM data_value dv
     JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id
     JOIN org_unit ou ON ou.id = dv.org_unit_id JOIN option_combo oc ON oc.id = dv.option_combo_id
     JOIN source s ON s.id = dv.source_id`,
  );
  return new Map(rows.map((row) => [row.key, { value: row.value, version: row.version }]));
}

/** The values a scale file holds, by key (`BIRTHS 202512 T0000 M.1 STAT`). */
async function fileValues(path: string): Promise<Map<string, string>> {
  const lines = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
  return new Map(
    lines.map((line) => {
      const [element, period, orgUnit, combo, source, value] = line.split(',');
      return [`${element} ${period} ${orgUnit} ${combo} ${source}`, value ?? ''];
    }),
  );
}

/**
 * `rows:values:sum:checksum` of the monthly aggregates, rounded to 6 decimals (adding and taking
 * away shares of a value drifts in the last bits) and without emptied rows (value_count 0).
 */
const AGGREGATES_FINGERPRINT = `
  SELECT count(*) || ':' || sum(value_count) || ':' || round(sum(sum_num)::numeric, 3) || ':'
         || sum(hashtext(concat_ws('|', data_element_id, option_combo_id, source_id, org_unit_id, month,
                                   value_count, round(sum_num::numeric, 6)))::bigint) AS fingerprint
  FROM data_value_monthly WHERE value_count <> 0`;

async function aggregatesFingerprint(db: Db): Promise<string> {
  const [row] = await db.query<{ fingerprint: string }>(AGGREGATES_FINGERPRINT);
  return row?.fingerprint ?? '';
}

/** True when the aggregates equal what a rebuild from data_value gives (the rebuild is rolled back). */
async function aggregatesMatchRebuild(db: Db): Promise<boolean> {
  const kept = await aggregatesFingerprint(db);
  let rebuilt = '';
  await db
    .transaction(async (tx) => {
      await tx.exec('SELECT data_value_monthly_rebuild()');
      const [row] = await tx.query<{ fingerprint: string }>(AGGREGATES_FINGERPRINT);
      rebuilt = row?.fingerprint ?? '';
      throw new Error('roll back the rebuild');
    })
    .catch(() => undefined);
  return rebuilt !== '' && rebuilt === kept;
}

/**
 * Server backends of this database waiting for a lock another transaction holds: all of them, or
 * only merge upserts (a second import can also wait in ensurePeriods for the first's new periods).
 */
async function sessionsWaitingForLocks(db: Db, only: 'any' | 'merge'): Promise<number> {
  const [row] = await db.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'
       AND ($1 = 'any' OR query LIKE '%INSERT INTO data_value AS dv%')`,
    [only],
  );
  return row?.waiting ?? 0;
}

async function waitFor(db: Db, condition: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > 60_000) {
      const sessions = await db.query(
        `SELECT pid, state, wait_event_type, wait_event, left(query, 80) AS query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      throw new Error(`timed out waiting for ${what}; sessions: ${JSON.stringify(sessions)}`);
    }
    await sleep(20);
  }
}

function importCsv(db: Db, path: string): Promise<TImportSummary> {
  return importDataValueFile(db, { stream: createReadStream(path), format: 'csv' });
}

const servers = testStoreKinds().filter((kind) => kind === 'postgres');

describe.each(servers)('concurrent imports on the %s server', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-import-concurrency-'));
  const files = { base: join(folder, 'base.csv'), a: join(folder, 'a.csv'), b: join(folder, 'b.csv') };
  let store: TestStore;
  /** A second pool: the other importing process. */
  let other: Db;
  /** A plain session that holds locks across statements (the "other user"). */
  let blocker: pg.Client;

  beforeAll(async () => {
    store = await createTestStore('postgres');
    await importMetadata(store.db, buildScaleMetadata(TOWNSHIPS));
    // Every file lists the same keys from the start in the same order; only the values differ.
    await writeScaleCsv(files.base, { townships: TOWNSHIPS, rows: BASE_ROWS, valueOffset: 0 });
    await writeScaleCsv(files.a, { townships: TOWNSHIPS, rows: A_ROWS, valueOffset: 1 });
    await writeScaleCsv(files.b, { townships: TOWNSHIPS, rows: B_ROWS, valueOffset: 2 });
    // New sessions (the pool `other`) detect a deadlock after 2 s of waiting, the blocker only after a
    // minute: so in the deadlock test the import is the transaction PostgreSQL cancels.
    const database = new URL(store.databaseUrl ?? '').pathname.slice(1);
    await store.db.exec(`ALTER DATABASE ${database} SET deadlock_timeout = '2s'`);
    other = openPostgresDb(store.databaseUrl ?? '');
    blocker = new pg.Client({ connectionString: store.databaseUrl });
    await blocker.connect();
    await blocker.query(`SET deadlock_timeout = '60s'`);
  }, 120_000);
  afterAll(async () => {
    await blocker?.end();
    await other?.close();
    await store?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.db.exec('DELETE FROM data_value');
    expect((await importCsv(store.db, files.base)).importCount.imported).toBe(BASE_ROWS);
  }, 60_000);

  it('finishes both imports of the same values, every value as the last committed writer wrote it', async () => {
    const [base, a, b] = await Promise.all([
      fileValues(files.base),
      fileValues(files.a),
      fileValues(files.b),
    ]);
    // Hold the first key in merge order so that both imports reach their merge and wait; then let them race.
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM data_value ORDER BY ${KEY} LIMIT 1 FOR UPDATE`);
    const imports = Promise.all([importCsv(store.db, files.a), importCsv(other, files.b)]);
    await waitFor(
      store.db,
      async () => (await sessionsWaitingForLocks(store.db, 'any')) === 2,
      'both imports to wait',
    );
    await blocker.query('COMMIT');
    const [first, second] = await imports;

    expect(first.status).toBe('SUCCESS');
    expect(second.status).toBe('SUCCESS');
    const stored = await storedValues(store.db);
    expect(stored.size).toBe(B_ROWS);
    // The merges lock keys in one order, so one of them waits for the other's commit, then overwrites.
    const overlap = [...a.keys()];
    const aWon = overlap.every((key) => stored.get(key)?.value === a.get(key));
    const bWon = overlap.every((key) => stored.get(key)?.value === b.get(key));
    expect(aWon !== bWon).toBe(true);
    for (const [key, value] of b) if (!a.has(key)) expect(stored.get(key)?.value).toBe(value);
    // Each import changed each of its keys once: base keys twice, A∩B once more, B-only never.
    for (const [key, { version }] of stored)
      expect(version).toBe(1 + (base.has(key) ? 1 : 0) + (a.has(key) ? 1 : 0));
    if (aWon) {
      expect(second.importCount).toEqual({
        imported: B_ROWS - BASE_ROWS,
        updated: BASE_ROWS,
        ignored: 0,
        deleted: 0,
      });
      expect(first.importCount).toEqual({ imported: 0, updated: A_ROWS, ignored: 0, deleted: 0 });
    } else {
      expect(first.importCount).toEqual({
        imported: A_ROWS - BASE_ROWS,
        updated: BASE_ROWS,
        ignored: 0,
        deleted: 0,
      });
      expect(second.importCount).toEqual({
        imported: B_ROWS - A_ROWS,
        updated: A_ROWS,
        ignored: 0,
        deleted: 0,
      });
    }
    expect(await aggregatesMatchRebuild(store.db)).toBe(true);
  }, 180_000);

  it('retries the whole merge after PostgreSQL cancels it for a deadlock, writing every row exactly once', async () => {
    const a = await fileValues(files.a);
    const [firstKey] = await store.db.query<{ ctid: string }>(
      `SELECT ctid::text FROM data_value ORDER BY ${KEY} LIMIT 1`,
    );
    const [lastKey] = await store.db.query<{ ctid: string }>(
      `SELECT ctid::text FROM data_value ORDER BY ${KEY} DESC LIMIT 1`,
    );
    const auditBefore = await store.db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM audit_log');
    // The blocker holds the LAST key the merge will want; the merge locks the first keys, then waits.
    await blocker.query('BEGIN');
    await blocker.query(`UPDATE data_value SET value = 'blocker' WHERE ctid = $1::tid`, [lastKey?.ctid]);
    const importing = importCsv(other, files.a);
    await waitFor(
      store.db,
      async () => (await sessionsWaitingForLocks(store.db, 'merge')) === 1,
      'the merge to wait',
    );
    // Now the blocker wants the FIRST key, which the merge holds: a deadlock. The merge's session
    // detects it first (2 s against 60 s) and is cancelled; the blocker's update then goes through.
    await blocker.query(`UPDATE data_value SET value = 'blocker' WHERE ctid = $1::tid`, [firstKey?.ctid]);
    await blocker.query('COMMIT');
    const summary = await importing;

    // Had the merge not been retried, the import would have thrown 40P01 (deadlock_detected).
    expect(summary.status).toBe('SUCCESS');
    expect(summary.importCount).toEqual({
      imported: A_ROWS - BASE_ROWS,
      updated: BASE_ROWS,
      ignored: 0,
      deleted: 0,
    });
    const stored = await storedValues(store.db);
    expect(stored.size).toBe(A_ROWS);
    for (const [key, value] of a) expect(stored.get(key)?.value).toBe(value);
    // Nothing of the cancelled attempt survives: one version step per import, audit rows once.
    for (const [, { version }] of stored) expect(version).toBeLessThanOrEqual(2);
    expect([...stored.values()].filter(({ version }) => version === 2)).toHaveLength(BASE_ROWS);
    const [auditAfter] = await store.db.query<{ rows: number }>(
      'SELECT count(*)::int AS rows FROM audit_log',
    );
    expect((auditAfter?.rows ?? 0) - (auditBefore[0]?.rows ?? 0)).toBe(2 + A_ROWS);
    expect(await aggregatesMatchRebuild(store.db)).toBe(true);
  }, 180_000);
});
