import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuthRoutes, sessionSettings } from '../modules/auth/auth.routes.js';
import { type Authenticate, createStoreAuthenticator } from '../modules/auth/authenticate.js';
import type { LoginRateLimiter } from '../modules/auth/login-rate-limiter.js';
import type { SessionSettings } from '../modules/auth/sessions.service.js';
import { registerUserRoutes } from '../modules/auth/users.routes.js';
import type { Db } from '../store/db.js';
import { installAccessHook } from './auth-hook.js';
import type { TConfig } from './config.js';
import { installErrorHandler } from './error-handler.js';
import { OpenApiRegistry } from './openapi.js';
import { registerAllRoutes } from './routes.js';
import { installSecurityHeaders } from './security.js';
import { VERSION } from './version.js';

export interface BuildAppOptions {
  db: Db;
  config: TConfig;
  /** pino logging; off in tests unless asked for. */
  logger?: boolean;
  /** Folder of the built web app; default web/dist beside the package. */
  webRoot?: string;
  /** How requests are authenticated; default: session cookie or bearer token against the store. */
  authenticate?: Authenticate;
  /** Session expiry and clock; default from config (tests pass a fixed clock). */
  sessionSettings?: SessionSettings;
  /** Login rate limiter; default 10 failures per minute per user name and per address. */
  loginLimiter?: LoginRateLimiter;
}

/** web/dist of the package: found by walking up, since this file runs from src/ (tsx) or dist/src/ (built). */
function defaultWebRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, 'web', 'dist');
}

/** Assembles the HTTP server: API routes under /api, OpenAPI document, and the web app at /. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    logger: options.logger ? { level: config.LOG_LEVEL } : false,
    bodyLimit: config.TIAODU_BODY_LIMIT_MB * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.TIAODU_TRUST_PROXY === 'true',
  });
  installErrorHandler(app);
  await installSecurityHeaders(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Uploads (CSV, XLSX) arrive as raw bodies; import routes parse them as streams.
  for (const type of [
    'text/csv',
    'application/octet-stream',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]) {
    app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }

  const openapi = new OpenApiRegistry();
  const settings = options.sessionSettings ?? sessionSettings(config);
  installAccessHook(app, openapi, options.authenticate ?? createStoreAuthenticator(db, settings));
  app.get('/api/health', async () => {
    await db.query('SELECT 1');
    return { status: 'ok', version: VERSION, store: db.kind };
  });
  openapi.add({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and store check',
    tag: 'system',
    access: 'public',
  });
  await registerAuthRoutes(
    { app, db, config, openapi },
    { settings, ...(options.loginLimiter ? { limiter: options.loginLimiter } : {}) },
  );
  await registerUserRoutes({ app, db, config, openapi });
  await registerAllRoutes({ app, db, config, openapi });
  app.get('/api/openapi.json', async () => openapi.document(VERSION));
  openapi.add({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    tag: 'system',
    access: 'authenticated',
  });

  const webRoot = options.webRoot ?? defaultWebRoot();
  const hasWebApp = existsSync(webRoot);
  if (hasWebApp) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any non-API GET falls back to the web app's index.html.
    if (hasWebApp && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}`, details: null },
    });
  });
  return app;
}
