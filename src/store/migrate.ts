import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

// Any fixed number: serialises concurrent starts against one PostgreSQL server.
const MIGRATION_LOCK_KEY = 7_216_390;

/** Applies the migrations not yet applied; returns their ids. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migration')).map((row) => row.id),
    );
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.id));
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migration (id) VALUES ($1)', [migration.id]);
    }
    return pending.map((migration) => migration.id);
  });
}
