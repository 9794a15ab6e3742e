import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { buildMetadataFixture } from '../metadata/testing/metadata-fixture.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { CLI_PRINCIPAL } from './principal.js';
import { sha256Hex } from './secrets.js';
import { createAccessToken } from './tokens.service.js';

/** A browser-like session: the cookies a login set, sent back by hand. */
interface TSession {
  cookies: Record<string, string>;
  setCookies: string[];
  csrfToken: string;
}

describe.each(testStoreKinds())('sign-in and its defences on %s', (kind) => {
  let server: TestApp;
  let clock = new Date('2026-10-05T08:00:00Z');
  let limiterClock = 0;

  async function login(username: string, password: string, cookie?: string): Promise<Response> {
    return fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ username, password }),
    });
  }

  async function signIn(username: string, password = TEST_PASSWORD): Promise<TSession> {
    const response = await login(username, password);
    expect(response.status).toBe(200);
    const setCookies = response.headers.getSetCookie();
    const cookies = Object.fromEntries(
      setCookies.map((line) => line.split(';')[0]!.split('=') as [string, string]),
    );
    const body = (await response.json()) as { csrfToken: string };
    return { cookies, setCookies, csrfToken: body.csrfToken };
  }

  function cookieHeader(session: TSession): string {
    return Object.entries(session.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  function withSession(session: TSession, path: string, init: RequestInit & { csrf?: string } = {}) {
    const { csrf, ...rest } = init;
    return fetch(`${server.baseUrl}${path}`, {
      ...rest,
      headers: {
        cookie: cookieHeader(session),
        ...(rest.body ? { 'content-type': 'application/json' } : {}),
        ...(csrf !== undefined ? { 'x-csrf-token': csrf } : {}),
      },
    });
  }

  beforeAll(async () => {
    server = await startTestApp(kind, {
      env: { TIAODU_BODY_LIMIT_MB: '1' },
      sessionSettings: { idleMinutes: 30, maxHours: 8, now: () => clock },
      loginLimiter: new LoginRateLimiter({ maxFailures: 10, windowMs: 60_000, now: () => limiterClock }),
    });
    await importMetadata(server.store.db, buildMetadataFixture(), { dryRun: false });
  }, 120_000);
  afterAll(async () => server?.close());

  it('signs in with an HttpOnly SameSite=Strict session cookie and a readable CSRF cookie, not Secure over http', async () => {
    const clerk = await server.createUser({ roles: ['clerk'], orgUnits: ['QS01'] });
    const session = await signIn(clerk.username);
    const [sessionCookie, csrfCookie] = session.setCookies;
    expect(sessionCookie).toMatch(/^tiaodu_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(csrfCookie).toBe(`tiaodu_csrf=${session.csrfToken}; Path=/; SameSite=Strict`);
    const me = await withSession(session, '/api/auth/me');
    expect(await me.json()).toEqual({
      user: { id: expect.any(Number), username: clerk.username },
      roles: ['clerk'],
      orgUnits: [{ code: 'QS01', name: '东城区', nameEn: 'Dongcheng District', level: 2 }],
      scope: ['QS01'],
      via: 'session',
      csrfToken: session.csrfToken,
    });
  });

  it('marks both cookies Secure when the request came over https through a trusted proxy', async () => {
    const proxied = await startTestApp(kind, { env: { TIAODU_TRUST_PROXY: 'true' } });
    try {
      const response = await fetch(`${proxied.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const flags = response.headers
        .getSetCookie()
        .map((line) => line.split('; ').slice(1).sort().join('; '));
      expect(flags).toEqual(['HttpOnly; Path=/; SameSite=Strict; Secure', 'Path=/; SameSite=Strict; Secure']);
    } finally {
      await proxied.close();
    }
  });

  it('stores only the hash of the session id, and gives a new session id at every sign-in (the old one ends)', async () => {
    const user = await server.createUser({ roles: ['analyst'] });
    const first = await signIn(user.username);
    const sessionId = first.cookies.tiaodu_session as string;
    const stored = await server.store.db.query<{ id_hash: string }>('SELECT id_hash FROM auth_session');
    expect(stored.map((row) => row.id_hash)).toContain(sha256Hex(sessionId));
    expect(stored.map((row) => row.id_hash)).not.toContain(sessionId);

    const again = await login(user.username, TEST_PASSWORD, `tiaodu_session=${sessionId}`);
    const secondId = again.headers.getSetCookie()[0]?.split(';')[0]?.split('=')[1];
    expect(secondId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secondId).not.toBe(sessionId);
    expect((await withSession(first, '/api/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request with a session cookie but a missing or wrong CSRF token', async () => {
    const session = await signIn('admin');
    const body = JSON.stringify({ username: 'csrf-victim', password: TEST_PASSWORD, roles: ['analyst'] });
    for (const csrf of [undefined, '', 'x'.repeat(43), session.csrfToken.slice(1)]) {
      const refused = await withSession(session, '/api/users', {
        method: 'POST',
        body,
        ...(csrf === undefined ? {} : { csrf }),
      });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('CSRF_REJECTED');
    }
    expect((await server.fetch('/api/users')).status).toBe(200);
    const names = ((await (await server.fetch('/api/users')).json()) as Array<{ username: string }>).map(
      (u) => u.username,
    );
    expect(names).not.toContain('csrf-victim');
    const accepted = await withSession(session, '/api/users', {
      method: 'POST',
      body,
      csrf: session.csrfToken,
    });
    expect(accepted.status).toBe(201);
    // Reads need no token; bearer-token requests are exempt (no browser sends them on its own).
    expect((await withSession(session, '/api/users')).status).toBe(200);
  });

  it('ends a session at logout, after the idle time and after the absolute lifetime', async () => {
    const user = await server.createUser({ roles: ['analyst'] });
    const loggedOut = await signIn(user.username);
    expect((await withSession(loggedOut, '/api/auth/logout', { method: 'POST' })).status).toBe(403);
    const logout = await withSession(loggedOut, '/api/auth/logout', {
      method: 'POST',
      csrf: loggedOut.csrfToken,
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(
      /^tiaodu_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/,
    );
    expect((await withSession(loggedOut, '/api/auth/me')).status).toBe(401);

    const start = clock;
    const idle = await signIn(user.username);
    clock = new Date(start.getTime() + 29 * 60_000);
    expect((await withSession(idle, '/api/auth/me')).status).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    const expired = await withSession(idle, '/api/auth/me');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'sign in first (session or access token)', details: null },
    });

    const busy = await signIn(user.username);
    // Used every 25 minutes (never idle), it still ends 8 hours after sign-in.
    for (let step = 1; step <= 19; step += 1) {
      clock = new Date(clock.getTime() + 25 * 60_000);
      expect((await withSession(busy, '/api/auth/me')).status).toBe(200);
    }
    clock = new Date(clock.getTime() + 25 * 60_000);
    expect((await withSession(busy, '/api/auth/me')).status).toBe(401);
    clock = start;
  });

  it('answers 429 with Retry-After after 10 failed sign-ins for a user, and lets the user in once the minute has passed', async () => {
    const user = await server.createUser({ roles: ['analyst'] });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      limiterClock += 1000;
      expect((await login(user.username, `wrong password ${attempt}`)).status).toBe(401);
    }
    const limited = await login(user.username, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    // The first failure (1 s) leaves the one-minute window at 61 s; it is now 10 s.
    expect(limited.headers.get('retry-after')).toBe('51');
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    limiterClock += 51_000;
    expect((await login(user.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('limits failed sign-ins per client address across user names', async () => {
    limiterClock += 120_000;
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect((await login(`nobody-${attempt}`, 'wrong password')).status).toBe(401);
    const limited = await login('admin', TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    limiterClock += 60_000;
  });

  it('refuses revoked, expired and disabled users’ tokens with 401', async () => {
    const user = await server.createUser({ roles: ['analyst'] });
    expect((await user.fetch('/api/auth/me')).status).toBe(200);

    const expired = await createAccessToken(
      server.store.db,
      { username: user.username, expiresIn: '30d', now: new Date(clock.getTime() - 31 * 86_400_000) },
      CLI_PRINCIPAL,
    );
    const expiredAnswer = await fetch(`${server.baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${expired.token}` },
    });
    expect(expiredAnswer.status).toBe(401);

    const stored = await server.store.db.query<{ token_hash: string }>('SELECT token_hash FROM access_token');
    expect(stored.map((row) => row.token_hash)).toContain(sha256Hex(expired.token));
    expect(stored.map((row) => row.token_hash)).not.toContain(expired.token);

    await server.store.db.query(
      "UPDATE access_token SET revoked = now() WHERE name = 'test' AND user_id = (SELECT id FROM app_user WHERE username = $1)",
      [user.username],
    );
    expect((await user.fetch('/api/auth/me')).status).toBe(401);

    const other = await server.createUser({ roles: ['analyst'] });
    const list = (await (await server.fetch('/api/users')).json()) as Array<{ id: number; username: string }>;
    const otherId = list.find((entry) => entry.username === other.username)?.id;
    expect(
      (
        await server.fetch(`/api/users/${otherId}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: '{"disabled":true}',
        })
      ).status,
    ).toBe(200);
    expect((await other.fetch('/api/auth/me')).status).toBe(401);
    expect((await login(other.username, TEST_PASSWORD)).status).toBe(401);
  });

  it('answers malformed cookies and tokens with 401, never 500', async () => {
    const headerSets: Array<Record<string, string>> = [
      { cookie: 'tiaodu_session=%E0%A4%A' },
      { cookie: 'tiaodu_session=' },
      { cookie: `tiaodu_session=${'a'.repeat(5000)}` },
      { cookie: 'tiaodu_session="unterminated; tiaodu_csrf==' },
      { cookie: ';;;=;=;tiaodu_session' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer ' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: 'Bearer tdu_' },
      { authorization: `Bearer tdu_${'x'.repeat(10_000)}` },
      { authorization: "Bearer ' OR '1'='1" },
    ];
    for (const headers of headerSets) {
      const response = await fetch(`${server.baseUrl}/api/auth/me`, { headers });
      expect([JSON.stringify(headers).slice(0, 60), response.status]).toEqual([
        JSON.stringify(headers).slice(0, 60),
        401,
      ]);
      expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
    }
    // Bytes no fetch would send: a raw request with non-ASCII and control characters in the cookie.
    const raw = await rawRequest(
      server.baseUrl,
      'GET /api/auth/me HTTP/1.1\r\nHost: x\r\nCookie: tiaodu_session=\xff\xfe\x01\r\nConnection: close\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 (400|401) /);
  });

  it('refuses an oversized login body and an oversized API body with 413', async () => {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x'.repeat(20_000) }),
    });
    expect(login.status).toBe(413);
    expect((await login.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const big = await server.fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'big', password: 'x'.repeat(2 * 1024 * 1024), roles: ['analyst'] }),
    });
    expect(big.status).toBe(413);
  });

  it('stores SQL and script in a user name as text and returns it unchanged', async () => {
    const names = [
      "Robert'); DROP TABLE app_user;--",
      '<script>alert(1)</script>',
      "' OR '1'='1",
      '王小明 "quoted" \\ back',
    ];
    for (const username of names) {
      const created = await server.fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD, roles: ['analyst'], orgUnits: ['QS02'] }),
      });
      expect(created.status).toBe(201);
      expect((await created.json()).username).toBe(username);
    }
    const listed = ((await (await server.fetch('/api/users')).json()) as Array<{ username: string }>).map(
      (u) => u.username,
    );
    expect(listed).toEqual(expect.arrayContaining(names));
    const session = await signIn("' OR '1'='1");
    const me = await (await withSession(session, '/api/auth/me')).json();
    expect(me.user.username).toBe("' OR '1'='1");
    expect((await login("' OR '1'='1' --", TEST_PASSWORD)).status).toBe(401);
  });

  it('sends security headers and a CSP without inline scripts', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

/** Sends `request` as raw bytes and returns the raw answer. */
function rawRequest(baseUrl: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(Buffer.from(request, 'latin1')));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
