import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../modules/auth/principal.js';
import { importMetadata } from '../modules/metadata/metadata.service.js';
import { buildMetadataFixture } from '../modules/metadata/testing/metadata-fixture.js';
import { testStoreKinds } from '../store/testing/test-store.js';
import type { RouteAccess } from './access.js';
import { startTestApp, type TestApp, type TestCaller } from './testing/test-app.js';

/** A value for each path parameter: ids and codes that do not exist (the answer may be 404, never 401/403). */
function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => (name === 'id' ? '999999' : 'NO_SUCH_CODE'));
}

interface TDocumentedRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Every route of the server's OpenAPI document with its `x-access` rule, as `METHOD /api/x/:param`. */
async function documentedRoutes(server: TestApp): Promise<TDocumentedRoute[]> {
  const response = await server.fetch('/api/openapi.json');
  const document = (await response.json()) as {
    paths: Record<string, Record<string, { 'x-access': RouteAccess }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
      access: operation['x-access'],
    })),
  );
}

/** What the access rule promises for `role` (undefined: no credentials). */
function expectedOutcome(access: RouteAccess, role: TRole | undefined): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (role === undefined) return 401;
  if (access === 'authenticated' || role === 'admin' || access.includes(role)) return 'allowed';
  return 403;
}

/**
 * Every documented route × every role and no credentials, generated from the route table: a
 * new route is in the matrix as soon as it is registered, and one without a rule stops the
 * server from starting. Callers are assigned the root org unit, so no answer is a scope refusal.
 */
describe.each(testStoreKinds())('the authorization matrix on %s', (kind) => {
  let server: TestApp;
  let routes: TDocumentedRoute[];
  const callers = new Map<TRole, TestCaller>();

  beforeAll(async () => {
    server = await startTestApp(kind);
    await importMetadata(server.store.db, buildMetadataFixture(), { dryRun: false });
    for (const role of ROLES) callers.set(role, await server.createUser({ roles: [role], orgUnits: ['QS'] }));
    routes = await documentedRoutes(server);
  }, 120_000);
  afterAll(async () => server?.close());

  it('covers the sign-in, users and system routes with the rules they declare', () => {
    const rules = Object.fromEntries(routes.map((route) => [`${route.method} ${route.url}`, route.access]));
    expect(rules).toMatchObject({
      'GET /api/health': 'public',
      'POST /api/auth/login': 'public',
      'GET /api/auth/me': 'authenticated',
      'POST /api/auth/logout': 'authenticated',
      'GET /api/users': ['admin'],
      'POST /api/users': ['admin'],
      'PUT /api/users/:id': ['admin'],
      'POST /api/users/:id/password': ['admin'],
      'GET /api/openapi.json': 'authenticated',
    });
    expect(routes.filter((route) => route.access === 'public').map((route) => route.url)).toEqual([
      '/api/health',
      '/api/auth/login',
    ]);
  });

  it('answers every route for every role as its rule says: 401 without credentials, 403 without the role', async () => {
    const mismatches: string[] = [];
    const tally = { allowed: 0, 401: 0, 403: 0 };
    for (const route of routes) {
      if (route.url === '/api/auth/logout') continue; // ends nothing for token callers, checked below
      for (const role of [undefined, ...ROLES]) {
        const caller = role ? callers.get(role) : undefined;
        const url = `${server.baseUrl}${concreteUrl(route.url)}`;
        const hasBody = route.method === 'POST' || route.method === 'PUT';
        const response = await fetch(url, {
          method: route.method,
          headers: { ...caller?.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          ...(hasBody ? { body: '{}' } : {}),
        });
        const body = await response.text();
        const code = response.headers.get('content-type')?.includes('json')
          ? (JSON.parse(body)?.error?.code ?? null)
          : null;
        const expected = expectedOutcome(route.access, role);
        const isAuthRefusal = response.status === 401 || response.status === 403;
        const isRight =
          expected === 'allowed'
            ? !isAuthRefusal && response.status < 500
            : response.status === expected && code === (expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        if (!isRight)
          mismatches.push(
            `${route.method} ${route.url} as ${role ?? 'nobody'}: ${response.status} ${body.slice(0, 160)}`,
          );
        tally[expected] += 1;
      }
    }
    expect(mismatches).toEqual([]);
    // Each kind of answer occurs: the matrix cannot pass by never asking the interesting questions.
    expect(tally.allowed).toBeGreaterThan(50);
    expect(tally[401]).toBeGreaterThan(20);
    expect(tally[403]).toBeGreaterThan(20);
  }, 300_000);

  it('signs a token caller out without harm and refuses one without credentials', async () => {
    const caller = callers.get('analyst') as TestCaller;
    expect((await caller.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${server.baseUrl}/api/auth/logout`, { method: 'POST' })).status).toBe(401);
    expect((await caller.fetch('/api/auth/me')).status).toBe(200);
  });
});
