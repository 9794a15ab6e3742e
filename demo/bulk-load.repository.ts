/**
 * A faster bulk load for the embedded store. On PGlite each row's five foreign-key checks and the
 * statement-level aggregate trigger cost most of a 160k-value load (≈ 45 of 50 CPU seconds), and
 * the import pipeline has already checked every code against the metadata. So for PGlite — one
 * connection, nothing else running during `init --demo` — triggers are skipped while `work` runs
 * (`session_replication_role = replica`) and the monthly aggregates are rebuilt once afterwards.
 * A PostgreSQL server keeps its normal checks (a pooled SET would not reach the import's connection).
 */
import type { Db } from '../src/store/db.js';

/** Runs `work` with per-row triggers deferred to one aggregate rebuild on PGlite; returns its result. */
export async function withBulkLoad<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.kind !== 'pglite') return work();
  await db.query('SET session_replication_role = replica');
  try {
    return await work();
  } finally {
    await db.query('SET session_replication_role = origin');
    await db.query('SELECT data_value_monthly_rebuild()');
  }
}
