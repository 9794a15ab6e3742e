import { AppError } from '../../core/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import type { TLoginInput } from './auth.schema.js';
import type { LoginRateLimiter } from './login-rate-limiter.js';
import type { Principal } from './principal.js';
import { findActivePrincipal } from './principals.js';
import { randomSecret, sha256Hex, verifyPassword } from './secrets.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  updateSessionLastSeen,
} from './sessions.repository.js';
import { findUserCredentials } from './users.repository.js';

/** Sign-in sessions: login, lookup with idle and absolute expiry, logout. */

export interface SessionSettings {
  /** A session unused for this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, used or not. */
  maxHours: number;
  /** The clock (tests); default the system clock. */
  now?: () => Date;
}

/** A resolved session: who, and the CSRF token that state-changing requests must echo. */
export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
  idHash: string;
}

/** last_seen is written at most this often per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const clock = (settings: SessionSettings): Date => settings.now?.() ?? new Date();

/**
 * Checks the password and opens a new session (a fresh random id at every sign-in; the session
 * the client presented before, if any, is ended). RATE_LIMITED with `retryAfterSeconds` past
 * the limit; UNAUTHENTICATED for a wrong name or password or a disabled user (one message for all).
 */
export async function login(
  db: Db,
  input: TLoginInput & { clientAddress: string; previousSessionId?: string | undefined },
  limiter: LoginRateLimiter,
  settings: SessionSettings,
): Promise<{ sessionId: string; session: ActiveSession }> {
  const keys = [`user:${input.username.toLowerCase()}`, `ip:${input.clientAddress}`];
  const retryAfterSeconds = limiter.retryAfterSeconds(keys);
  if (retryAfterSeconds > 0)
    throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  const user = await findUserCredentials(db, input.username);
  const isValid = (await verifyPassword(user?.passwordHash, input.password)) && user && !user.disabled;
  if (!user || !isValid) {
    limiter.recordFailure(keys);
    throw new AppError('UNAUTHENTICATED', 'wrong user name or password');
  }
  limiter.clear(keys[0] as string);
  const sessionId = randomSecret();
  const now = clock(settings);
  const session = { idHash: sha256Hex(sessionId), userId: user.id, csrfToken: randomSecret() };
  await db.transaction(async (tx) => {
    if (input.previousSessionId) await deleteSession(tx, sha256Hex(input.previousSessionId));
    await insertSession(tx, { ...session, created: now, lastSeen: now });
  });
  // Sign-ins are rare next to other requests: a good moment to drop sessions that have expired.
  await purgeExpiredSessions(db, settings);
  const active = await findActivePrincipal(db, user.id, 'session');
  if (!active) throw new AppError('UNAUTHENTICATED', 'wrong user name or password');
  return {
    sessionId,
    session: { principal: active.principal, csrfToken: session.csrfToken, idHash: session.idHash },
  };
}

/** The live session for a cookie's session id; undefined when unknown, expired or its user disabled. */
export async function findActiveSession(
  db: Queryable,
  sessionId: string,
  settings: SessionSettings,
): Promise<ActiveSession | undefined> {
  const idHash = sha256Hex(sessionId);
  const session = await findSession(db, idHash);
  if (!session) return undefined;
  const now = clock(settings);
  const isIdle = now.getTime() - session.lastSeen.getTime() > settings.idleMinutes * 60_000;
  const isTooOld = now.getTime() - session.created.getTime() > settings.maxHours * 3_600_000;
  if (isIdle || isTooOld) {
    await deleteSession(db, idHash);
    return undefined;
  }
  const active = await findActivePrincipal(db, session.userId, 'session');
  if (!active) return undefined;
  if (now.getTime() - session.lastSeen.getTime() > TOUCH_INTERVAL_MS)
    await updateSessionLastSeen(db, idHash, now);
  return { principal: active.principal, csrfToken: session.csrfToken, idHash };
}

/** Ends one session (logout). */
export async function endSession(db: Queryable, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}

/** Deletes every expired session; returns how many (run at start and now and then). */
export async function purgeExpiredSessions(db: Queryable, settings: SessionSettings): Promise<number> {
  const now = clock(settings).getTime();
  return deleteExpiredSessions(db, {
    idleBefore: new Date(now - settings.idleMinutes * 60_000),
    createdBefore: new Date(now - settings.maxHours * 3_600_000),
  });
}
