import type { Queryable } from '../../store/db.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { scopeCondition } from '../auth/scope.js';
import { ACCOUNT_ENTITIES, type TAuditEntry } from './audit.schema.js';

/** SQL of the audit trail: the actor settings the triggers read, and reading the log. */

/** Names of the transaction-local settings the audit triggers read (migration 005-audit). */
export const AUDIT_SETTINGS = {
  userId: 'tiaodu.user_id',
  username: 'tiaodu.username',
  how: 'tiaodu.how',
  jobId: 'tiaodu.job_id',
} as const;

/** Sets the actor settings for the rest of the current transaction (set_config, is_local). */
export async function setAuditSettings(
  tx: Queryable,
  settings: { userId: number | null; username: string; how: string; jobId: string | null },
): Promise<void> {
  await tx.query(
    `SELECT set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true),
            set_config($7, $8, true)`,
    [
      AUDIT_SETTINGS.userId,
      settings.userId === null ? '' : String(settings.userId),
      AUDIT_SETTINGS.username,
      settings.username,
      AUDIT_SETTINGS.how,
      settings.how,
      AUDIT_SETTINGS.jobId,
      settings.jobId ?? '',
    ],
  );
}

/** The actor settings as the current transaction sees them ('' when unset). */
export async function readAuditSettings(
  tx: Queryable,
): Promise<{ userId: string; username: string; how: string; jobId: string }> {
  const rows = await tx.query<{ userId: string; username: string; how: string; jobId: string }>(
    `SELECT coalesce(current_setting($1, true), '') AS "userId",
            coalesce(current_setting($2, true), '') AS username,
            coalesce(current_setting($3, true), '') AS how,
            coalesce(current_setting($4, true), '') AS "jobId"`,
    [AUDIT_SETTINGS.userId, AUDIT_SETTINGS.username, AUDIT_SETTINGS.how, AUDIT_SETTINGS.jobId],
  );
  const row = rows[0];
  if (!row) throw new Error('no row from current_setting');
  return row;
}

/** The filters of an audit listing, resolved by the service. */
export interface AuditFilter {
  orgUnit?: string | undefined;
  dataElement?: string | undefined;
  period?: string | undefined;
  user?: string | undefined;
  job?: string | undefined;
  entity?: string | undefined;
  /** ISO instant: at or after. */
  from?: string | undefined;
  /** ISO instant: strictly before. */
  before?: string | undefined;
}

/**
 * One page of audit rows matching `filter`, newest first, that `viewer` may see: rows of org
 * units in its scope or of no org unit; rows about users and tokens only for admins. Fetches one
 * row more than `limit` so the caller can tell whether another page follows.
 */
export async function selectAuditRows(
  db: Queryable,
  viewer: Principal,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<TAuditEntry[]> {
  const params: unknown[] = [];
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (!hasRole(viewer, 'admin')) conditions.push(`a.entity <> ALL(${add([...ACCOUNT_ENTITIES])}::text[])`);
  if (viewer.scope !== 'ALL')
    conditions.push(`(a.org_unit_id IS NULL OR ${scopeCondition(viewer, 'a.org_unit_id', params)})`);
  if (filter.orgUnit !== undefined)
    conditions.push(`a.org_unit_id IN (SELECT c.descendant_id FROM org_unit_closure c
      JOIN org_unit o ON o.id = c.ancestor_id WHERE o.code = ${add(filter.orgUnit)})`);
  if (filter.dataElement !== undefined) {
    const code = add(filter.dataElement);
    conditions.push(`(a.data_element_id = (SELECT id FROM data_element WHERE code = ${code})
      OR (a.entity = 'data_element' AND a.entity_key->>'code' = ${code}))`);
  }
  if (filter.period !== undefined)
    conditions.push(`a.period_id = (SELECT id FROM period WHERE iso = ${add(filter.period)})`);
  if (filter.user !== undefined) conditions.push(`a.username = ${add(filter.user)}`);
  if (filter.job !== undefined) conditions.push(`a.job_id = ${add(filter.job)}`);
  if (filter.entity !== undefined) conditions.push(`a.entity = ${add(filter.entity)}`);
  if (filter.from !== undefined) conditions.push(`a.at >= ${add(filter.from)}::timestamptz`);
  if (filter.before !== undefined) conditions.push(`a.at < ${add(filter.before)}::timestamptz`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<TAuditEntry & { key: unknown; oldValue: unknown; newValue: unknown }>(
    `SELECT a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            a.user_id AS "userId", a.username, a.how, a.job_id AS "jobId", a.entity, a.entity_key AS key,
            a.action, a.old_value AS "oldValue", a.new_value AS "newValue"
     FROM audit_log a ${where}
     ORDER BY a.id DESC
     LIMIT ${add(page.limit)} OFFSET ${add(page.offset)}`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    key: parseJson(row.key) as TAuditEntry['key'],
    oldValue: parseJson(row.oldValue) as TAuditEntry['oldValue'],
    newValue: parseJson(row.newValue) as TAuditEntry['newValue'],
  }));
}

/** jsonb arrives parsed from both drivers; a string is parsed in case a driver leaves it as text. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The id of the org unit with this code, or undefined. */
export async function findOrgUnitId(db: Queryable, code: string): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM org_unit WHERE code = $1', [code]);
  return row?.id;
}
