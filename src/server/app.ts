import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../store/db.js';
import { type Authenticate, authenticateAsOperator, installAccessHook } from './auth-hook.js';
import type { TConfig } from './config.js';
import { installErrorHandler } from './error-handler.js';
import { OpenApiRegistry } from './openapi.js';
import { registerAllRoutes } from './routes.js';
import { VERSION } from './version.js';

export interface BuildAppOptions {
  db: Db;
  config: TConfig;
  /** pino logging; off in tests unless asked for. */
  logger?: boolean;
  /** Folder of the built web app; default web/dist beside the package. */
  webRoot?: string;
  /** How requests are authenticated. */
  authenticate?: Authenticate;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Assembles the HTTP server: API routes under /api, OpenAPI document, and the web app at /. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    logger: options.logger ? { level: config.LOG_LEVEL } : false,
    bodyLimit: config.TIAODU_BODY_LIMIT_MB * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  });
  installErrorHandler(app);
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
  installAccessHook(app, openapi, options.authenticate ?? authenticateAsOperator);
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
  await registerAllRoutes({ app, db, config, openapi });
  app.get('/api/openapi.json', async () => openapi.document(VERSION));
  openapi.add({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    tag: 'system',
    access: 'authenticated',
  });

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
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
