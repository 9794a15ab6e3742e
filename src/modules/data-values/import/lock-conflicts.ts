import type { Period } from '../../../core/periods/period-types.js';
import type { Queryable } from '../../../store/db.js';
import { removeLockedStagedRows } from '../../approval/lock.service.js';
import type { ConflictList } from './conflict-list.js';

/**
 * Adds a conflict for each staged row whose period is approved or expired (see
 * `removeLockedStagedRows`, set-based in SQL) and removes those rows from the staging table, so
 * that skipping invalid rows never writes them. Returns how many rows were locked.
 */
export async function addLockConflicts(
  db: Queryable,
  table: string,
  conflicts: ConflictList,
  options: {
    periods: readonly Period[];
    today: string;
    dataSetId: number | undefined;
    mayEditExpired: boolean;
  },
): Promise<number> {
  const locked = await removeLockedStagedRows(db, table, { ...options, limit: conflicts.room });
  const listed = locked.listed.slice(0, conflicts.room);
  for (const row of listed)
    conflicts.add({ object: row.key, property: row.property, value: row.reason, row: row.line });
  conflicts.addTruncated(locked.total - listed.length);
  conflicts.markInvalid(locked.total);
  return locked.total;
}
