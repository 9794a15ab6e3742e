import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import type { Principal } from './principal.js';
import { findActiveSession, type SessionSettings } from './sessions.service.js';
import { findTokenPrincipal } from './tokens.service.js';

/** How a request proves who sent it: a session cookie (with CSRF token) or a bearer token. */

/** HttpOnly cookie holding the random session id. */
export const SESSION_COOKIE = 'tiaodu_session';
/** Script-readable cookie holding the session's CSRF token (double submit). */
export const CSRF_COOKIE = 'tiaodu_csrf';
/** Header in which the client echoes the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** A request's verified credentials. */
export interface Authentication {
  principal: Principal;
  /** The session's CSRF token; null for bearer tokens (not sent by browsers on their own). */
  csrfToken: string | null;
  /** Hash of the session id (cookie sessions), to end it at logout. */
  sessionIdHash: string | null;
}

/** Resolves a request's credentials; undefined when it carries none or only invalid ones. */
export type Authenticate = (request: FastifyRequest) => Promise<Authentication | undefined>;

/** The bearer token of an `Authorization` header; '' for any other scheme or a malformed header. */
function bearerToken(header: string): string {
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? '';
}

/**
 * Authentication against the store: `Authorization: Bearer <token>` when the header is present
 * (an invalid one is refused even if a cookie is valid), else the session cookie.
 */
export function createStoreAuthenticator(db: Db, settings: SessionSettings): Authenticate {
  return async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const principal = token ? await findTokenPrincipal(db, token, settings.now?.()) : undefined;
      return principal ? { principal, csrfToken: null, sessionIdHash: null } : undefined;
    }
    const sessionId = request.cookies?.[SESSION_COOKIE];
    if (!sessionId || sessionId.length > 200) return undefined;
    const session = await findActiveSession(db, sessionId, settings);
    return session
      ? { principal: session.principal, csrfToken: session.csrfToken, sessionIdHash: session.idHash }
      : undefined;
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** FORBIDDEN (CSRF_REJECTED) when a state-changing cookie-session request lacks the session's CSRF token. */
export function assertCsrf(request: FastifyRequest, authentication: Authentication): void {
  if (authentication.csrfToken === null || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(authentication.csrfToken);
  const actual = Buffer.from(typeof sent === 'string' ? sent : '');
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) return;
  throw new AppError(
    'CSRF_REJECTED',
    `missing or wrong ${CSRF_HEADER} header: send the token from ${CSRF_COOKIE} or /api/auth/me`,
  );
}

/** Sets the session and CSRF cookies after a sign-in (Secure when the request came over https). */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { sessionId: string; csrfToken: string },
): void {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

/** Expires both cookies (logout). */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https';
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  reply.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'strict', secure });
}
