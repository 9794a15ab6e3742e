import type { Period } from '../../core/periods/period-types.js';
import type { Queryable } from '../../store/db.js';
import { isoTimestampSql } from '../data-values/entry/entry.repository.js';
import { firstLinePerKey, stagedKeyCodes, stagedKeyJoins } from '../data-values/import/staged-key.sql.js';

/** SQL of locking: what closes one value (entry) or a staging table's rows (import) to writes. */

/** The approval covering an org unit (at it or above it) for one data set and period. */
export interface CoveringApproval {
  orgUnit: string;
  orgUnitName: string;
  accepted: boolean;
  approvedBy: string;
  approvedAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

/** One data set's locks for one org unit and period. */
export interface DataSetLock {
  dataSet: string;
  expiryDays: number;
  /** A lock exception at the org unit or above it keeps the period open. */
  hasException: boolean;
  approval: CoveringApproval | null;
}

/**
 * For each data set code: its expiry days, whether a lock exception covers the org unit (at it or
 * an ancestor) for the period, and the nearest approval at or above the org unit. In code order.
 */
export async function listDataSetLocks(
  db: Queryable,
  key: { dataSets: readonly string[]; orgUnitId: number; period: string },
): Promise<DataSetLock[]> {
  const rows = await db.query<Omit<DataSetLock, 'approval'> & Partial<CoveringApproval>>(
    `SELECT ds.code AS "dataSet", ds.expiry_days AS "expiryDays",
            EXISTS (SELECT 1 FROM lock_exception le JOIN period p ON p.id = le.period_id
                    JOIN org_unit_closure c ON c.ancestor_id = le.org_unit_id
                    WHERE le.data_set_id = ds.id AND p.iso = $3 AND c.descendant_id = $2) AS "hasException",
            ap.code AS "orgUnit", ap.name AS "orgUnitName", ap.accepted, ap.approved_by AS "approvedBy",
            ap.approved_at AS "approvedAt", ap.accepted_by AS "acceptedBy", ap.accepted_at AS "acceptedAt"
     FROM data_set ds
     LEFT JOIN LATERAL (
       SELECT o.code, o.name, a.accepted, a.approved_by, ${isoTimestampSql('a.approved_at')} AS approved_at,
              a.accepted_by,
              CASE WHEN a.accepted_at IS NULL THEN NULL ELSE ${isoTimestampSql('a.accepted_at')} END AS accepted_at
       FROM data_approval a JOIN period p ON p.id = a.period_id
       JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id AND c.descendant_id = $2
       JOIN org_unit o ON o.id = a.org_unit_id
       WHERE a.data_set_id = ds.id AND p.iso = $3
       ORDER BY c.depth LIMIT 1
     ) ap ON true
     WHERE ds.code = ANY($1::text[])
     ORDER BY ds.code COLLATE "C"`,
    [key.dataSets, key.orgUnitId, key.period],
  );
  return rows.map(({ dataSet, expiryDays, hasException, ...approval }) => ({
    dataSet,
    expiryDays,
    hasException,
    approval:
      approval.orgUnit === undefined || approval.orgUnit === null
        ? null
        : {
            orgUnit: approval.orgUnit,
            orgUnitName: approval.orgUnitName ?? approval.orgUnit,
            accepted: approval.accepted ?? false,
            approvedBy: approval.approvedBy ?? '',
            approvedAt: approval.approvedAt ?? '',
            acceptedBy: approval.acceptedBy ?? null,
            acceptedAt: approval.acceptedAt ?? null,
          },
  }));
}

/** Which (data set, period) pairs an import may hit, as SQL over `$1..$6`. */
const CANDIDATE_SETS = `
  periods AS (SELECT * FROM unnest($1::text[], $2::text[], $3::date[]) AS t(iso, type, end_date)),
  sets AS (
    SELECT ds.id AS data_set_id, ds.code, ds.expiry_days, pr.iso, pr.end_date,
           (NOT $6::boolean AND ds.expiry_days > 0 AND pr.end_date + ds.expiry_days < $4::date) AS expired
    FROM data_set ds JOIN periods pr ON pr.type = ds.period_type
    WHERE $5::integer IS NULL OR ds.id = $5::integer
  )`;

function candidateParams(options: StagedLockOptions): unknown[] {
  return [
    options.periods.map((period) => period.id),
    options.periods.map((period) => period.type),
    options.periods.map((period) => period.end),
    options.today,
    options.dataSetId ?? null,
    options.mayEditExpired,
  ];
}

/** What an import's lock check needs: the periods seen, today, and the one data set if named. */
export interface StagedLockOptions {
  periods: readonly Period[];
  today: string;
  dataSetId: number | undefined;
  /** The importer may write into expired periods (see `mayEditExpiredPeriods`). */
  mayEditExpired: boolean;
}

/**
 * Whether any data set and period of the import is expired or approved somewhere: when not, no
 * staged row can be locked and the import skips the row-level check (one small query).
 */
export async function hasAnyLock(db: Queryable, options: StagedLockOptions): Promise<boolean> {
  const [row] = await db.query<{ locked: boolean }>(
    `WITH ${CANDIDATE_SETS}
     SELECT EXISTS (SELECT 1 FROM sets WHERE expired)
         OR EXISTS (SELECT 1 FROM data_approval a JOIN period p ON p.id = a.period_id
                    JOIN sets s ON s.data_set_id = a.data_set_id AND s.iso = p.iso) AS locked`,
    candidateParams(options),
  );
  return row?.locked ?? false;
}

/** A staged row that a lock refused (deleted from the staging table). */
export interface LockedStagedRow {
  line: number;
  /** `BIRTHS 202601 QS0101 M.1 STAT`: the key in codes. */
  key: string;
  dataSet: string;
  period: string;
  orgUnit: string;
  /** Set when an approval covers the row: the approving unit's code. */
  approvalOrgUnit: string | null;
  approvalAccepted: boolean | null;
  approvedBy: string | null;
  expiryDays: number;
  periodEnd: string;
}

/**
 * Finds, in one statement, every staged row that falls in a data set (the named one, or any that
 * holds the element, has the period's type and is reported by the org unit) whose period is
 * approved at or above the org unit, or expired without a lock exception at or above it —
 * DELETES those rows from the staging table, and returns the first `limit` of them in line order
 * (a key repeated in the file is listed once: duplicates are reported apart) with the total.
 */
export async function deleteLockedStagedRows(
  db: Queryable,
  table: string,
  options: StagedLockOptions & { limit: number },
): Promise<{ total: number; listed: LockedStagedRow[] }> {
  const rows = await db.query<LockedStagedRow & { total: number }>(
    `WITH ${CANDIDATE_SETS},
     approved AS (
       SELECT DISTINCT ON (a.data_set_id, s.iso, c.descendant_id)
              a.data_set_id, s.iso, c.descendant_id AS org_unit_id, o.code AS approval_unit, a.accepted,
              a.approved_by
       FROM data_approval a JOIN period p ON p.id = a.period_id
       JOIN sets s ON s.data_set_id = a.data_set_id AND s.iso = p.iso
       JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
       JOIN org_unit o ON o.id = a.org_unit_id
       ORDER BY a.data_set_id, s.iso, c.descendant_id, c.depth
     ),
     excepted AS (
       SELECT DISTINCT le.data_set_id, s.iso, c.descendant_id AS org_unit_id
       FROM lock_exception le JOIN period p ON p.id = le.period_id
       JOIN sets s ON s.data_set_id = le.data_set_id AND s.iso = p.iso AND s.expired
       JOIN org_unit_closure c ON c.ancestor_id = le.org_unit_id
     ),
     -- Rows in an approved (data set, period, org unit), then rows in an expired (data set, period)
     -- without an exception: each a hash join against a small set, so a file without locked cells
     -- costs one pass over the staging table.
     hits AS (
       SELECT st.line, st.data_element_id, st.period, st.org_unit_id, st.option_combo_id, st.source_id,
              ap.data_set_id, ap.approval_unit, ap.accepted, ap.approved_by, 0 AS rank
       FROM ${table} st JOIN approved ap ON ap.iso = st.period AND ap.org_unit_id = st.org_unit_id
       UNION ALL
       SELECT st.line, st.data_element_id, st.period, st.org_unit_id, st.option_combo_id, st.source_id,
              s.data_set_id, NULL, NULL, NULL, 1
       FROM ${table} st JOIN sets s ON s.iso = st.period AND s.expired
       WHERE NOT EXISTS (SELECT 1 FROM excepted e WHERE e.data_set_id = s.data_set_id AND e.iso = s.iso
                           AND e.org_unit_id = st.org_unit_id)
     ),
     -- Only data sets that hold the element and that the org unit reports lock a row; one reason per
     -- row, an approval before an expiry.
     locked AS (
       SELECT DISTINCT ON (h.line) h.line, h.data_element_id, h.period, h.org_unit_id, h.option_combo_id,
              h.source_id, s.code AS data_set, s.expiry_days, s.end_date, h.approval_unit, h.accepted,
              h.approved_by
       FROM hits h
       JOIN sets s ON s.data_set_id = h.data_set_id AND s.iso = h.period
       JOIN data_set_element x ON x.data_set_id = h.data_set_id AND x.data_element_id = h.data_element_id
       JOIN data_set_org_unit r ON r.data_set_id = h.data_set_id AND r.org_unit_id = h.org_unit_id
       ORDER BY h.line, h.rank, s.code COLLATE "C"
     ),
     removed AS (
       DELETE FROM ${table} st USING locked l WHERE st.line = l.line RETURNING l.*
     ),
     firsts AS (${firstLinePerKey('removed', '$7')})
     SELECT f.line, f.total::int AS total, ${stagedKeyCodes('f')} AS key,
            f.data_set AS "dataSet", f.period, ou.code AS "orgUnit", f.approval_unit AS "approvalOrgUnit",
            f.accepted AS "approvalAccepted", f.approved_by AS "approvedBy", f.expiry_days AS "expiryDays",
            to_char(f.end_date, 'YYYY-MM-DD') AS "periodEnd"
     FROM firsts f
     ${stagedKeyJoins('f')}
     ORDER BY f.line`,
    [...candidateParams(options), options.limit],
  );
  return { total: rows[0]?.total ?? 0, listed: rows.map(({ total: _total, ...row }) => row) };
}
