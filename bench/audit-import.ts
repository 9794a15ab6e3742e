/**
 * What the audit triggers cost an import: a 100,000-row CSV imported into a fresh store (creates)
 * and imported again with every value changed (updates), with the data_value audit triggers
 * enabled and disabled, on PGlite and (with DATABASE_URL) on the PostgreSQL server.
 *
 *   node --import tsx bench/audit-import.ts [--rows 100000] [--stores postgres,pglite]
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { importDataValueFile } from '../src/modules/data-values/import/index.js';
import {
  buildScaleMetadata,
  writeScaleCsv,
} from '../src/modules/data-values/import/testing/scale-fixture.js';
import { importMetadata } from '../src/modules/metadata/metadata.service.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPgliteDb } from '../src/store/pglite-driver.js';
import { openPostgresDb } from '../src/store/postgres-driver.js';
import { databaseUrlFor } from '../src/store/testing/test-store.js';
import { withDatabase } from '../src/store/testing/test-templates.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    stores: { type: 'string', default: 'postgres,pglite' },
  },
});
const rows = Number(values.rows);
const townships = Math.ceil(rows / 14 / 12) + 10;
const AUDIT_TRIGGERS = ['data_value_audit_insert', 'data_value_audit_update', 'data_value_audit_delete'];

async function openStore(kind: 'pglite' | 'postgres'): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPgliteDb({});
    return { db, close: () => db.close() };
  }
  const serverUrl = process.env.DATABASE_URL ?? '';
  const name = 'tiaodu_bench_audit';
  await withDatabase(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const db = openPostgresDb(databaseUrlFor(serverUrl, name));
  return {
    db,
    close: async () => {
      await db.close();
      await withDatabase(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function timeImport(db: Db, path: string): Promise<{ seconds: number; changed: number }> {
  const started = performance.now();
  const summary = await importDataValueFile(db, { stream: createReadStream(path), format: 'csv' });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, changed: summary.importCount.imported + summary.importCount.updated };
}

async function run(kind: 'pglite' | 'postgres', audited: boolean): Promise<void> {
  const { db, close } = await openStore(kind);
  try {
    await migrate(db);
    await importMetadata(db, buildScaleMetadata(townships));
    if (!audited)
      for (const trigger of AUDIT_TRIGGERS)
        await db.exec(`ALTER TABLE data_value DISABLE TRIGGER ${trigger}`);
    const create = await timeImport(db, '/tmp/audit-bench-a.csv');
    const update = await timeImport(db, '/tmp/audit-bench-b.csv');
    const [audit] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'data_value'`,
    );
    console.log(
      `${kind} audit ${audited ? 'on ' : 'off'}: create ${create.changed} rows ${create.seconds.toFixed(2)} s, ` +
        `update ${update.changed} rows ${update.seconds.toFixed(2)} s, audit rows ${audit?.count}`,
    );
  } finally {
    await close();
  }
}

await writeScaleCsv('/tmp/audit-bench-a.csv', { townships, rows });
await writeScaleCsv('/tmp/audit-bench-b.csv', { townships, rows, valueOffset: 1 });
const kinds = (values.stores.split(',') as Array<'pglite' | 'postgres'>).filter(
  (kind) => kind === 'pglite' || process.env.DATABASE_URL,
);
for (const kind of kinds) {
  await run(kind, false);
  await run(kind, true);
}
