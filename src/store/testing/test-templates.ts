import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../migrate.js';
import { openPgliteDb } from '../pglite-driver.js';
import { openPostgresDb } from '../postgres-driver.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Dumped data directory of a migrated, empty PGlite store, built once per test run. */
export const PGLITE_TEMPLATE_FILE = resolve(ROOT, '.tmp/pglite-template.tar');
/** A migrated, empty database on the test server that each test database is cloned from. */
export const POSTGRES_TEMPLATE_DB = 'tiaodu_test_template';

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
  await withDatabase(serverUrl, async (client) => {
    // Leftovers of an interrupted run would block the template's re-creation.
    const stale = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'tiaodu_test_%'",
    );
    for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${POSTGRES_TEMPLATE_DB}`;
  const template = openPostgresDb(url.toString(), 2);
  await migrate(template);
  await template.close();
}
