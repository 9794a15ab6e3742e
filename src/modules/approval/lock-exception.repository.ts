import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { scopeCondition } from '../auth/scope.js';
import { isoTimestampSql } from '../data-values/entry/entry.repository.js';
import type { ApprovalActor, ApprovalIds } from './approval.repository.js';
import type { TLockException, TLockExceptionQuery } from './approval.schema.js';

/** SQL of lock exceptions: grant, revoke, list. */

/** Stores a lock exception; false when it already existed. */
export async function insertLockException(
  tx: Queryable,
  ids: ApprovalIds,
  actor: ApprovalActor,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO lock_exception (data_set_id, period_id, org_unit_id, created_by, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [ids.dataSetId, ids.periodId, ids.orgUnitId, actor.username, actor.userId],
  );
  return rows.length === 1;
}

/** Removes a lock exception by data set id, period id (ISO) and org unit id; false when none was. */
export async function deleteLockException(
  tx: Queryable,
  key: { dataSetId: number; period: string; orgUnitId: number },
): Promise<boolean> {
  const rows = await tx.query(
    `DELETE FROM lock_exception le USING period p
     WHERE p.id = le.period_id AND le.data_set_id = $1 AND p.iso = $2 AND le.org_unit_id = $3
     RETURNING 1`,
    [key.dataSetId, key.period, key.orgUnitId],
  );
  return rows.length === 1;
}

/**
 * Lock exceptions matching the filters (codes) whose org unit is inside the principal's scope,
 * newest first.
 */
export async function listLockExceptions(
  db: Queryable,
  filter: TLockExceptionQuery,
  principal: Principal,
): Promise<TLockException[]> {
  const params: unknown[] = [filter.dataSet ?? null, filter.period ?? null, filter.orgUnit ?? null];
  const inScope = scopeCondition(principal, 'le.org_unit_id', params);
  return db.query<TLockException>(
    `SELECT ds.code AS "dataSet", p.iso AS period, o.code AS "orgUnit", o.name AS "orgUnitName",
            le.created_by AS "createdBy", ${isoTimestampSql('le.created')} AS created
     FROM lock_exception le
     JOIN data_set ds ON ds.id = le.data_set_id
     JOIN period p ON p.id = le.period_id
     JOIN org_unit o ON o.id = le.org_unit_id
     WHERE ($1::text IS NULL OR ds.code = $1) AND ($2::text IS NULL OR p.iso = $2)
       AND ($3::text IS NULL OR o.code = $3) AND ${inScope}
     ORDER BY le.created DESC, ds.code COLLATE "C", p.iso, o.code COLLATE "C"`,
    params,
  );
}
