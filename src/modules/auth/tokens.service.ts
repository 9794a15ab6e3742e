import { AppError } from '../../core/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { auditHowOf, setAuditActor } from '../audit/audit-actor.js';
import type { TAccessToken } from './auth.schema.js';
import type { Principal } from './principal.js';
import { findActivePrincipal } from './principals.js';
import { randomSecret, sha256Hex } from './secrets.js';
import {
  findTokenByHash,
  findTokenById,
  insertToken,
  listTokenRows,
  type TokenRow,
  updateTokenLastUsed,
  updateTokenRevoked,
} from './tokens.repository.js';
import { findUser } from './users.repository.js';

/** Personal access tokens: `tdu_` + 43 random base64url characters, stored as SHA-256 hashes. */
const TOKEN_PREFIX = 'tdu_';
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** Milliseconds of a duration like `30d`, `12h`, `90m`, `2w`; VALIDATION_FAILED otherwise. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (!match)
    throw new AppError('VALIDATION_FAILED', `expires: "${text}" is not a duration like 30d, 12h, 90m or 2w`);
  const amount = Number(match[1]);
  if (amount <= 0) throw new AppError('VALIDATION_FAILED', 'expires: must be longer than zero');
  return amount * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export function presentToken(row: TokenRow): TAccessToken {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    created: row.created.toISOString(),
    expires: row.expires?.toISOString() ?? null,
    revoked: row.revoked?.toISOString() ?? null,
    lastUsed: row.lastUsed?.toISOString() ?? null,
  };
}

/** Creates a token for `username`; the answer holds the token itself, which is never shown again. */
export async function createAccessToken(
  db: Db,
  input: { username: string; name?: string | undefined; expiresIn?: string | undefined; now?: Date },
  actor: Principal,
): Promise<{ token: string; details: TAccessToken }> {
  const now = input.now ?? new Date();
  const expires = input.expiresIn ? new Date(now.getTime() + parseDuration(input.expiresIn)) : null;
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal: actor, how: auditHowOf(actor) });
    const user = await findUser(tx, { username: input.username });
    if (!user)
      throw new AppError('NOT_FOUND', `user "${input.username}" not found`, { username: input.username });
    return insertToken(tx, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      name: input.name ?? '',
      created: now,
      expires,
    });
  });
  const row = await findTokenById(db, id);
  if (!row) throw new AppError('INTERNAL', `token ${id} vanished after insert`);
  return { token, details: presentToken(row) };
}

/** Tokens of `username` (or of everyone), newest first. */
export async function listAccessTokens(db: Queryable, username?: string): Promise<TAccessToken[]> {
  let userId: number | undefined;
  if (username !== undefined) {
    const user = await findUser(db, { username });
    if (!user) throw new AppError('NOT_FOUND', `user "${username}" not found`, { username });
    userId = user.id;
  }
  return (await listTokenRows(db, userId)).map(presentToken);
}

/** Revokes token `id` (from then on it is refused); NOT_FOUND when there is none. */
export async function revokeAccessToken(
  db: Db,
  id: number,
  actor: Principal,
  now = new Date(),
): Promise<TAccessToken> {
  await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal: actor, how: auditHowOf(actor) });
    if (!(await findTokenById(tx, id)))
      throw new AppError('NOT_FOUND', `access token ${id} not found`, { id });
    await updateTokenRevoked(tx, id, now);
  });
  const row = await findTokenById(db, id);
  if (!row) throw new AppError('NOT_FOUND', `access token ${id} not found`, { id });
  return presentToken(row);
}

/** The principal of a bearer token; undefined when unknown, revoked, expired or its user disabled. */
export async function findTokenPrincipal(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await findTokenByHash(db, sha256Hex(token));
  if (!row || row.revoked || (row.expires && row.expires.getTime() <= now.getTime())) return undefined;
  const active = await findActivePrincipal(db, row.userId, 'token');
  if (!active) return undefined;
  if (!row.lastUsed || now.getTime() - row.lastUsed.getTime() > 60_000)
    await updateTokenLastUsed(db, row.id, now);
  return active.principal;
}
