import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../core/errors.js';
import type { TConfig } from '../../server/config.js';
import { defineRoute, parseInput, type RouteContext } from '../../server/http.js';
import { ZLoginInput, ZMe } from './auth.schema.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from './authenticate.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { presentMe } from './me.js';
import { endSession, login, type SessionSettings } from './sessions.service.js';

/** Sign-in settings of a configuration. */
export function sessionSettings(config: TConfig): SessionSettings {
  return { idleMinutes: config.TIAODU_SESSION_IDLE_MINUTES, maxHours: config.TIAODU_SESSION_MAX_HOURS };
}

/** Login bodies are small; anything larger is refused (413) before the password is hashed. */
const LOGIN_BODY_LIMIT = 16 * 1024;

/** Sign-in API: login (public, rate limited), logout, and who am I. */
export async function registerAuthRoutes(
  context: RouteContext,
  options: { limiter?: LoginRateLimiter; settings?: SessionSettings } = {},
): Promise<void> {
  const { app, db, openapi, config } = context;
  const limiter = options.limiter ?? new LoginRateLimiter();
  const settings = options.settings ?? sessionSettings(config);
  const tag = 'auth';

  openapi.add({
    method: 'POST',
    url: '/api/auth/login',
    tag,
    access: 'public',
    summary:
      'Sign in: sets the HttpOnly session cookie and the CSRF cookie (10 failures/min per user and per address, then 429)',
    body: ZLoginInput,
    response: ZMe,
  });
  app.post(
    '/api/auth/login',
    { bodyLimit: LOGIN_BODY_LIMIT },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const input = parseInput(ZLoginInput, request.body, 'body');
      try {
        const { sessionId, session } = await login(
          db,
          { ...input, clientAddress: request.ip, previousSessionId: request.cookies[SESSION_COOKIE] },
          limiter,
          settings,
        );
        setSessionCookies(request, reply, { sessionId, csrfToken: session.csrfToken });
        return await presentMe(db, session.principal, session.csrfToken);
      } catch (error) {
        if (isAppError(error) && error.code === 'RATE_LIMITED')
          reply.header(
            'retry-after',
            String((error.details as { retryAfterSeconds: number }).retryAfterSeconds),
          );
        throw error;
      }
    },
  );

  defineRoute(
    context,
    {
      method: 'POST',
      url: '/api/auth/logout',
      tag,
      access: 'authenticated',
      summary: 'Sign out: ends the session',
    },
    async ({ request, reply }) => {
      const sessionIdHash = request.authentication?.sessionIdHash;
      if (sessionIdHash) await endSession(db, sessionIdHash);
      clearSessionCookies(request, reply);
      return reply.status(204).send();
    },
  );

  defineRoute(
    context,
    {
      method: 'GET',
      url: '/api/auth/me',
      tag,
      access: 'authenticated',
      summary: 'Who is signed in: user, roles, org units, scope and the CSRF token',
      response: ZMe,
    },
    async ({ principal, request }) => presentMe(db, principal, request.authentication?.csrfToken ?? null),
  );
}
