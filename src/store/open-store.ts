import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPgliteDb } from './pglite-driver.js';
import { openPostgresDb } from './postgres-driver.js';

export interface StoreLocation {
  /** PostgreSQL server connection string; when absent the embedded store in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Db> {
  let db: Db;
  if (location.databaseUrl) {
    db = openPostgresDb(location.databaseUrl);
  } else {
    const dataDir = resolve(location.dataDir);
    mkdirSync(dataDir, { recursive: true });
    db = await openPgliteDb({ dataDir });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
