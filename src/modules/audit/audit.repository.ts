import type { Queryable } from '../../store/db.js';

/** SQL of the audit trail: the actor settings the triggers read. */

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
