import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { type Authenticate, type Authentication, assertCsrf } from '../modules/auth/authenticate.js';
import type { Principal } from '../modules/auth/principal.js';
import { accessAllows } from './access.js';
import type { OpenApiRegistry } from './openapi.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; undefined when it carried no valid credentials. */
    principal: Principal | undefined;
    /** The verified credentials behind `principal` (session or token). */
    authentication: Authentication | undefined;
  }
}

/**
 * Authenticates every non-public API request, then enforces the route's declared access rule:
 * 401 without valid credentials, 403 CSRF_REJECTED for a cookie-session request that changes
 * state without the CSRF token, 403 FORBIDDEN without the role. An API route registered without
 * a rule stops the server from starting (and would answer 500), so that a new route cannot be
 * reachable by accident.
 */
export function installAccessHook(
  app: FastifyInstance,
  openapi: OpenApiRegistry,
  authenticate: Authenticate,
): void {
  const apiRoutes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (route.url.startsWith('/api/') && method !== 'HEAD') apiRoutes.push({ method, url: route.url });
  });
  // Refuse to start with an API route that declares no access rule (not only answer it with 500).
  app.addHook('onReady', async () => {
    const missing = apiRoutes.filter((route) => !openapi.accessOf(route.method, route.url));
    if (missing.length > 0)
      throw new Error(
        `API routes without an access rule: ${missing.map((route) => `${route.method} ${route.url}`).join(', ')}`,
      );
  });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authentication', undefined);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return;
    const access = openapi.accessOf(request.method === 'HEAD' ? 'GET' : request.method, url);
    if (!access) throw new AppError('INTERNAL', `route ${request.method} ${url} declares no access rule`);
    if (access === 'public') return;
    const authentication = await authenticate(request);
    request.authentication = authentication;
    request.principal = authentication?.principal;
    if (!authentication) throw new AppError('UNAUTHENTICATED', 'sign in first (session or access token)');
    assertCsrf(request, authentication);
    if (accessAllows(access, authentication.principal)) return;
    throw new AppError('FORBIDDEN', `your roles do not allow ${request.method} ${url}`, {
      roles: authentication.principal.roles,
      required: access,
    });
  });
}

/** The acting principal of a request that passed the access hook. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first (session or access token)');
  return request.principal;
}
