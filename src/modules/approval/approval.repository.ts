import type { Queryable } from '../../store/db.js';
import { isoTimestampSql } from '../data-values/entry/entry.repository.js';
import type { TOrgUnitRef } from './approval.schema.js';

/** SQL of data approval: which unit approves, the approval row, its log, and readiness. */

/** A data set as approval and locking read it. */
export interface ApprovalDataSet {
  id: number;
  code: string;
  periodType: string;
  expiryDays: number;
}

/** An org unit with its id and its parent's id. */
export interface ApprovalOrgUnit extends TOrgUnitRef {
  id: number;
  parentId: number | null;
}

/** The stored approval of one (data set, period, org unit). */
export interface ApprovalRow {
  accepted: boolean;
  approvedBy: string;
  approvedAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

/** Ids of one unit of approval. */
export interface ApprovalIds {
  dataSetId: number;
  periodId: number;
  orgUnitId: number;
}

/** Who acts: the name shown and the app_user id (null for the CLI operator). */
export interface ApprovalActor {
  username: string;
  userId: number | null;
}

const UNIT_FIELDS = `o.id, o.code, o.name, o.name_en AS "nameEn", o.parent_id AS "parentId"`;

/** The data set with this code, or undefined. */
export async function findDataSet(db: Queryable, code: string): Promise<ApprovalDataSet | undefined> {
  const [row] = await db.query<ApprovalDataSet>(
    `SELECT id, code, period_type AS "periodType", expiry_days AS "expiryDays" FROM data_set WHERE code = $1`,
    [code],
  );
  return row;
}

/** The org unit with this code, or undefined. */
export async function findOrgUnit(db: Queryable, code: string): Promise<ApprovalOrgUnit | undefined> {
  const [row] = await db.query<ApprovalOrgUnit>(`SELECT ${UNIT_FIELDS} FROM org_unit o WHERE o.code = $1`, [
    code,
  ]);
  return row;
}

/** The org unit with this id, or undefined. */
export async function findOrgUnitById(db: Queryable, id: number): Promise<ApprovalOrgUnit | undefined> {
  const [row] = await db.query<ApprovalOrgUnit>(`SELECT ${UNIT_FIELDS} FROM org_unit o WHERE o.id = $1`, [
    id,
  ]);
  return row;
}

/**
 * The unit that approves a data set for `orgUnitId`: the nearest unit at or above it with a child
 * that reports the data set (a township's county; a county itself). Undefined when there is none.
 */
export async function findApprovingUnit(
  db: Queryable,
  dataSetId: number,
  orgUnitId: number,
): Promise<ApprovalOrgUnit | undefined> {
  const [row] = await db.query<ApprovalOrgUnit>(
    `SELECT ${UNIT_FIELDS}
     FROM org_unit_closure c JOIN org_unit o ON o.id = c.ancestor_id
     WHERE c.descendant_id = $2
       AND EXISTS (SELECT 1 FROM org_unit k JOIN data_set_org_unit a ON a.org_unit_id = k.id
                   WHERE k.parent_id = o.id AND a.data_set_id = $1)
     ORDER BY c.depth LIMIT 1`,
    [dataSetId, orgUnitId],
  );
  return row;
}

/** The approval stored for exactly this data set, period (ISO id) and org unit, or undefined. */
export async function findApproval(
  db: Queryable,
  key: { dataSetId: number; period: string; orgUnitId: number },
): Promise<ApprovalRow | undefined> {
  const [row] = await db.query<ApprovalRow>(
    `SELECT a.accepted, a.approved_by AS "approvedBy", ${isoTimestampSql('a.approved_at')} AS "approvedAt",
            a.accepted_by AS "acceptedBy",
            CASE WHEN a.accepted_at IS NULL THEN NULL ELSE ${isoTimestampSql('a.accepted_at')} END AS "acceptedAt"
     FROM data_approval a JOIN period p ON p.id = a.period_id
     WHERE a.data_set_id = $1 AND p.iso = $2 AND a.org_unit_id = $3`,
    [key.dataSetId, key.period, key.orgUnitId],
  );
  return row;
}

/**
 * Reporting children of `orgUnitId` (units assigned to the data set) holding no value of the data
 * set's elements for the period, in code order: whom an approval still waits for.
 */
export async function listUnitsWithoutData(
  db: Queryable,
  key: { dataSetId: number; period: string; orgUnitId: number },
): Promise<TOrgUnitRef[]> {
  return db.query<TOrgUnitRef>(
    `SELECT o.code, o.name, o.name_en AS "nameEn"
     FROM org_unit o JOIN data_set_org_unit a ON a.org_unit_id = o.id AND a.data_set_id = $1
     WHERE o.parent_id = $3
       AND NOT EXISTS (
         SELECT 1 FROM data_value dv
         JOIN data_set_element x ON x.data_element_id = dv.data_element_id AND x.data_set_id = $1
         JOIN period p ON p.id = dv.period_id
         WHERE dv.org_unit_id = o.id AND p.iso = $2)
     ORDER BY o.code COLLATE "C"`,
    [key.dataSetId, key.period, key.orgUnitId],
  );
}

/** Stores an approval; false when one was already stored (a concurrent approve). */
export async function insertApproval(
  tx: Queryable,
  ids: ApprovalIds,
  actor: ApprovalActor,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO data_approval (data_set_id, period_id, org_unit_id, approved_by, approved_by_user_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [ids.dataSetId, ids.periodId, ids.orgUnitId, actor.username, actor.userId],
  );
  return rows.length === 1;
}

/** Removes an approval that is not accepted; false when there was none to remove. */
export async function deleteUnacceptedApproval(tx: Queryable, ids: ApprovalIds): Promise<boolean> {
  const rows = await tx.query(
    `DELETE FROM data_approval WHERE data_set_id = $1 AND period_id = $2 AND org_unit_id = $3 AND NOT accepted
     RETURNING 1`,
    [ids.dataSetId, ids.periodId, ids.orgUnitId],
  );
  return rows.length === 1;
}

/** Marks an approval accepted (or not); false when it was not in the opposite state. */
export async function updateAccepted(
  tx: Queryable,
  ids: ApprovalIds,
  accepted: boolean,
  actor: ApprovalActor,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE data_approval SET accepted = $4::boolean,
       accepted_by = CASE WHEN $4 THEN $5::text END, accepted_by_user_id = CASE WHEN $4 THEN $6::integer END,
       accepted_at = CASE WHEN $4 THEN now() END
     WHERE data_set_id = $1 AND period_id = $2 AND org_unit_id = $3 AND accepted = NOT $4
     RETURNING 1`,
    [ids.dataSetId, ids.periodId, ids.orgUnitId, accepted, actor.username, actor.userId],
  );
  return rows.length === 1;
}

/** Appends one action to the approval log. */
export async function insertApprovalLog(
  tx: Queryable,
  ids: ApprovalIds,
  action: 'APPROVE' | 'UNAPPROVE' | 'ACCEPT' | 'UNACCEPT',
  actor: ApprovalActor,
): Promise<void> {
  await tx.query(
    `INSERT INTO data_approval_log (data_set_id, period_id, org_unit_id, action, username, user_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [ids.dataSetId, ids.periodId, ids.orgUnitId, action, actor.username, actor.userId],
  );
}
