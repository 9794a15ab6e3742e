import type { Queryable } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import { scopeCondition } from '../../auth/scope.js';
import { firstLinePerKey, stagedKeyCodes, stagedKeyJoins } from './staged-key.sql.js';

/** A staged row whose org unit lies outside the importer's scope. */
export interface OutOfScopeStagedRow {
  line: number;
  /** `BIRTHS 202601 QS0201 M.1 STAT`. */
  key: string;
  orgUnit: string;
}

/**
 * In one statement: DELETES from the staging table every row whose org unit is outside
 * `importer`'s scope and returns the first `limit` of them in line order (a key repeated in the
 * file listed once: duplicates are reported apart) with their total.
 */
export async function deleteOutOfScopeStagedRows(
  db: Queryable,
  table: string,
  importer: Principal,
  limit: number,
): Promise<{ total: number; listed: OutOfScopeStagedRow[] }> {
  const params: unknown[] = [limit];
  const inScope = scopeCondition(importer, 'st.org_unit_id', params);
  const rows = await db.query<OutOfScopeStagedRow & { total: number }>(
    `WITH removed AS (
       DELETE FROM ${table} st WHERE NOT ${inScope}
       RETURNING st.line, st.data_element_id, st.period, st.org_unit_id, st.option_combo_id, st.source_id
     ),
     firsts AS (${firstLinePerKey('removed', '$1')})
     SELECT f.line, f.total::int AS total, ${stagedKeyCodes('f')} AS key, ou.code AS "orgUnit"
     FROM firsts f
     ${stagedKeyJoins('f')}
     ORDER BY f.line`,
    params,
  );
  return { total: rows[0]?.total ?? 0, listed: rows.map(({ total: _total, ...row }) => row) };
}
