import type { FastifyInstance } from 'fastify';
import type { LoginRateLimiter } from '../../modules/auth/login-rate-limiter.js';
import { CLI_PRINCIPAL, type TRole } from '../../modules/auth/principal.js';
import type { SessionSettings } from '../../modules/auth/sessions.service.js';
import { createAccessToken } from '../../modules/auth/tokens.service.js';
import { createUser } from '../../modules/auth/users.service.js';
import { createTestStore, type TestStore, type TestStoreKind } from '../../store/testing/test-store.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

/** A signed-in caller of a test app: a user with a personal access token. */
export interface TestCaller {
  username: string;
  password: string;
  /** `Authorization: Bearer …` for this user. */
  headers: Record<string, string>;
  /** fetch with this user's token; `input` is a path (`/api/…`) or a full URL. */
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

export interface TestApp extends TestCaller {
  app: FastifyInstance;
  store: TestStore;
  /** Base URL of the server listening on a random port of 127.0.0.1. */
  baseUrl: string;
  /** Creates a user with `roles` and org units (codes) and a token for it. */
  createUser(user: {
    username?: string;
    password?: string;
    roles: TRole[];
    orgUnits?: string[];
  }): Promise<TestCaller>;
  close(): Promise<void>;
}

/** Password of every user a test app creates unless the test names one. */
export const TEST_PASSWORD = 'correct horse battery staple';

let userCounter = 0;

/**
 * A real server on a free loopback port over a fresh test store (real HTTP in tests). The store
 * has a user `admin` (role admin, every org unit); the returned `fetch`/`headers` act as it.
 */
export async function startTestApp(
  kind: TestStoreKind,
  options: {
    webRoot?: string;
    /** Extra environment for the configuration (e.g. TIAODU_BODY_LIMIT_MB). */
    env?: Record<string, string>;
    sessionSettings?: SessionSettings;
    loginLimiter?: LoginRateLimiter;
  } = {},
): Promise<TestApp> {
  const store = await createTestStore(kind);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TIAODU_BODY_LIMIT_MB: '50', ...options.env });
  const app = await buildApp({
    db: store.db,
    config,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.sessionSettings ? { sessionSettings: options.sessionSettings } : {}),
    ...(options.loginLimiter ? { loginLimiter: options.loginLimiter } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  const createCaller: TestApp['createUser'] = async (user) => {
    userCounter += 1;
    const username = user.username ?? `user${userCounter}`;
    const password = user.password ?? TEST_PASSWORD;
    await createUser(
      store.db,
      { username, password, roles: user.roles, orgUnits: user.orgUnits ?? [] },
      CLI_PRINCIPAL,
    );
    const { token } = await createAccessToken(store.db, { username, name: 'test' }, CLI_PRINCIPAL);
    const headers = { authorization: `Bearer ${token}` };
    return {
      username,
      password,
      headers,
      fetch: (input, init = {}) =>
        fetch(input.startsWith('/') ? `${baseUrl}${input}` : input, {
          ...init,
          headers: { ...headers, ...Object.fromEntries(new Headers(init.headers).entries()) },
        }),
    };
  };
  const admin = await createCaller({ username: 'admin', roles: ['admin'] });
  return {
    ...admin,
    app,
    store,
    baseUrl,
    createUser: createCaller,
    close: async () => {
      await app.close();
      await store.dispose();
    },
  };
}

/** Calls the API as `caller` with an optional JSON body; answers the status and the parsed JSON body. */
export async function callJson(
  caller: TestCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await caller.fetch(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
