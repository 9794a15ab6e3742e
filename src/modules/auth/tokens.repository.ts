import type { Queryable } from '../../store/db.js';

/** SQL of access_token. Tokens arrive here only as SHA-256 hashes. */

export interface TokenRow {
  id: number;
  userId: number;
  username: string;
  name: string;
  created: Date;
  expires: Date | null;
  revoked: Date | null;
  lastUsed: Date | null;
}

const TOKEN_COLUMNS = `t.id, t.user_id AS "userId", u.username, t.name, t.created, t.expires, t.revoked,
  t.last_used AS "lastUsed"`;

/** Stores a new token's hash; returns its id. */
export async function insertToken(
  db: Queryable,
  token: { tokenHash: string; userId: number; name: string; created: Date; expires: Date | null },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO access_token (token_hash, user_id, name, created, expires) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [token.tokenHash, token.userId, token.name, token.created, token.expires],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('access_token insert returned no id');
  return id;
}

/** The token with this hash, or undefined. */
export async function findTokenByHash(db: Queryable, tokenHash: string): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export async function findTokenById(db: Queryable, id: number): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE t.id = $1`,
    [id],
  );
  return rows[0];
}

/** Tokens of one user (or all), newest first. */
export async function listTokenRows(db: Queryable, userId?: number): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM access_token t JOIN app_user u ON u.id = t.user_id
     WHERE $1::int IS NULL OR t.user_id = $1 ORDER BY t.created DESC, t.id DESC`,
    [userId ?? null],
  );
}

export async function updateTokenLastUsed(db: Queryable, id: number, lastUsed: Date): Promise<void> {
  await db.query('UPDATE access_token SET last_used = $2 WHERE id = $1', [id, lastUsed]);
}

export async function updateTokenRevoked(db: Queryable, id: number, revoked: Date): Promise<void> {
  await db.query('UPDATE access_token SET revoked = $2 WHERE id = $1 AND revoked IS NULL', [id, revoked]);
}
