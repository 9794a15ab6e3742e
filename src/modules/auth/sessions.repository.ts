import type { Queryable } from '../../store/db.js';

/** SQL of auth_session. Session ids arrive here only as SHA-256 hashes. */

export interface SessionRow {
  idHash: string;
  userId: number;
  csrfToken: string;
  created: Date;
  lastSeen: Date;
}

export async function insertSession(db: Queryable, session: SessionRow): Promise<void> {
  await db.query(
    `INSERT INTO auth_session (id_hash, user_id, csrf_token, created, last_seen) VALUES ($1, $2, $3, $4, $5)`,
    [session.idHash, session.userId, session.csrfToken, session.created, session.lastSeen],
  );
}

/** The session with this id hash, or undefined. */
export async function findSession(db: Queryable, idHash: string): Promise<SessionRow | undefined> {
  const rows = await db.query<SessionRow>(
    `SELECT id_hash AS "idHash", user_id AS "userId", csrf_token AS "csrfToken", created,
            last_seen AS "lastSeen"
     FROM auth_session WHERE id_hash = $1`,
    [idHash],
  );
  return rows[0];
}

export async function updateSessionLastSeen(db: Queryable, idHash: string, lastSeen: Date): Promise<void> {
  await db.query('UPDATE auth_session SET last_seen = $2 WHERE id_hash = $1', [idHash, lastSeen]);
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM auth_session WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (disabled, password reset). */
export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM auth_session WHERE user_id = $1', [userId]);
}

/** Removes sessions idle since before `idleBefore` or created before `createdBefore`; returns how many. */
export async function deleteExpiredSessions(
  db: Queryable,
  limits: { idleBefore: Date; createdBefore: Date },
): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `WITH gone AS (DELETE FROM auth_session WHERE last_seen < $1 OR created < $2 RETURNING 1)
     SELECT count(*)::int AS count FROM gone`,
    [limits.idleBefore, limits.createdBefore],
  );
  return rows[0]?.count ?? 0;
}
