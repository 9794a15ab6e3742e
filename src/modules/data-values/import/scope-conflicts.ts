import type { Db } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import type { ConflictList } from './conflict-list.js';
import { deleteOutOfScopeStagedRows } from './import-scope.repository.js';

/**
 * Adds a conflict (property orgUnit) for each staged row whose org unit is outside the importer's
 * scope and removes those rows from the staging table (set-based, in SQL), so that skipping
 * invalid rows never writes them. Returns how many rows were outside.
 */
export async function addScopeConflicts(
  db: Db,
  table: string,
  conflicts: ConflictList,
  importer: Principal,
): Promise<number> {
  if (importer.scope === 'ALL') return 0;
  const outside = await deleteOutOfScopeStagedRows(db, table, importer, conflicts.room);
  const listed = outside.listed.slice(0, conflicts.room);
  for (const row of listed)
    conflicts.add({
      object: row.key,
      property: 'orgUnit',
      value: `org unit ${row.orgUnit} is outside your assigned org units`,
      row: row.line,
    });
  conflicts.addTruncated(outside.total - listed.length);
  conflicts.markInvalid(outside.total);
  return outside.total;
}
