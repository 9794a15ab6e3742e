import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import type { Db } from '../db.js';
import { openPgliteDb } from '../pglite-driver.js';
import { openPostgresDb } from '../postgres-driver.js';
import {
  PGLITE_TEMPLATE_FILE,
  POSTGRES_TEMPLATE_DB,
  TEST_DB_PREFIX,
  withDatabase,
} from './test-templates.js';

export type TestStoreKind = 'pglite' | 'postgres';

/**
 * The stores integration tests run against: PGlite always, and the PostgreSQL server of
 * DATABASE_URL. In CI the server is required; locally it is skipped when DATABASE_URL is unset.
 */
export function testStoreKinds(): TestStoreKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI)
    throw new Error('CI is set but DATABASE_URL is not: the PostgreSQL tests must run in CI');
  return ['pglite'];
}

export interface TestStore {
  db: Db;
  /** Connection string of a server store (for tests that spawn processes). */
  databaseUrl?: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, empty store. PGlite: restored in memory from a dumped template (~1 s instead
 * of ~5 s for initdb). Server: a new database cloned from a migrated template database.
 */
export async function createTestStore(kind: TestStoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    if (!existsSync(PGLITE_TEMPLATE_FILE))
      throw new Error('PGlite template missing: run tests through vitest (global setup)');
    const db = await openPgliteDb({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) });
    return { db, dispose: () => db.close() };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `${TEST_DB_PREFIX}${randomBytes(6).toString('hex')}`;
  await withDatabase(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE_DB}`),
  );
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const db = openPostgresDb(databaseUrl);
  return {
    db,
    databaseUrl,
    dispose: async () => {
      await db.close();
      await withDatabase(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The same server URL pointing at another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
