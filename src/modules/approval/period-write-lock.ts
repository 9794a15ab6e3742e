/**
 * Serialises approval against writes of data values, per period. A writer (form save or delete,
 * an import's merge) checks inside its transaction that the period is neither approved nor expired
 * and then writes; without a lock an approval committing between that check and the writer's
 * commit would leave a value written into approved data. Writers take a SHARED transaction lock
 * on each period they write, approval changes an EXCLUSIVE one on their period, both before
 * their checks: writers of one period never wait for one another, an approval waits for the
 * writers in flight, and a writer arriving after an approval sees it. The locks are PostgreSQL
 * advisory transaction locks, released at commit or rollback (PGlite has them too).
 */
import type { Queryable } from '../../store/db.js';

/** The advisory-lock namespace of these locks (first key of the two-key form): "td" + 1. */
const PERIOD_WRITE_LOCK = 0x7464_0001;

/** Takes the shared lock of every period in `periodIds` (ISO ids), in one sorted order. */
export async function lockPeriodsForWriting(tx: Queryable, periodIds: readonly string[]): Promise<void> {
  if (periodIds.length === 0) return;
  const sorted = [...new Set(periodIds)].sort();
  // Sorted so that two writers of the same periods queue behind an approval in the same order.
  await tx.query(
    `SELECT count(pg_advisory_xact_lock_shared($1, hashtext(p))) FROM unnest($2::text[]) AS u(p)`,
    [PERIOD_WRITE_LOCK, sorted],
  );
}

/** Takes the exclusive lock of `periodId` (ISO id): waits until its writers in flight commit. */
export async function lockPeriodForApproval(tx: Queryable, periodId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PERIOD_WRITE_LOCK, periodId]);
}
