import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { CLI_PRINCIPAL, type Principal } from '../modules/auth/principal.js';
import { accessAllows } from './access.js';
import type { OpenApiRegistry } from './openapi.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; undefined when it carried no valid credentials. */
    principal: Principal | undefined;
  }
}

/** Resolves a request's credentials to a principal (undefined: none or invalid). */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | undefined>;

/**
 * Placeholder until sign-in lands: every request acts as the operator.
 * TODO(issue 3): replaced by session-cookie and bearer-token authentication.
 */
export const authenticateAsOperator: Authenticate = async () => CLI_PRINCIPAL;

/**
 * Authenticates every request, then enforces the route's declared access rule: 401 without
 * credentials, 403 without the role. An API route registered without a rule is refused (500) so
 * that a new route cannot be reachable by accident.
 */
export function installAccessHook(
  app: FastifyInstance,
  openapi: OpenApiRegistry,
  authenticate: Authenticate,
): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return;
    const access = openapi.accessOf(request.method, url);
    if (!access) throw new AppError('INTERNAL', `route ${request.method} ${url} declares no access rule`);
    request.principal = await authenticate(request);
    if (accessAllows(access, request.principal)) return;
    if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first (session or access token)');
    throw new AppError('FORBIDDEN', `your roles do not allow ${request.method} ${url}`, {
      roles: request.principal.roles,
      required: access,
    });
  });
}

/** The acting principal of a request that passed the access hook. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first (session or access token)');
  return request.principal;
}
