import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../migrate.js';
import { openPgliteDb } from '../pglite-driver.js';
import { openPostgresDb } from '../postgres-driver.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * One id per test run, set by the global setup and inherited by the test workers, so that runs in
 * parallel (several working copies, one PostgreSQL server) never share or drop each other's templates.
 */
process.env.TIAODU_TEST_RUN_ID ??= randomBytes(4).toString('hex');
const RUN_ID = process.env.TIAODU_TEST_RUN_ID;
/** Prefix of every database this run creates on the test server. */
export const TEST_DB_PREFIX = `tiaodu_test_${RUN_ID}_`;
/** Dumped data directory of a migrated, empty PGlite store, built once per test run. */
export const PGLITE_TEMPLATE_FILE = resolve(ROOT, `.tmp/pglite-template-${RUN_ID}.tar`);
/** A migrated, empty database on the test server that each test database is cloned from. */
export const POSTGRES_TEMPLATE_DB = `${TEST_DB_PREFIX}template`;

/** Runs `work` with a client connected to the server's maintenance database. */
export async function withDatabase<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds both templates (vitest global setup). */
export async function buildTestTemplates(): Promise<void> {
  const pglite = await openPgliteDb({});
  await migrate(pglite);
  const dump = await pglite.dumpDataDir();
  mkdirSync(dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();

  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  await withDatabase(serverUrl, (client) => client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`));
  const url = new URL(serverUrl);
  url.pathname = `/${POSTGRES_TEMPLATE_DB}`;
  const template = openPostgresDb(url.toString(), 2);
  await migrate(template);
  await template.close();
}

/** Removes this run's templates and any database it left on the server (vitest global teardown). */
export async function removeTestTemplates(): Promise<void> {
  rmSync(PGLITE_TEMPLATE_FILE, { force: true });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  await withDatabase(serverUrl, async (client) => {
    const left = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [TEST_DB_PREFIX],
    );
    for (const row of left.rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  });
}
