import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { Principal } from '../modules/auth/principal.js';
import type { Db } from '../store/db.js';
import { principalOf } from './auth-hook.js';
import type { TConfig } from './config.js';
import type { OpenApiRegistry, RouteDoc } from './openapi.js';

/** What every route module receives. */
export interface RouteContext {
  app: FastifyInstance;
  db: Db;
  config: TConfig;
  openapi: OpenApiRegistry;
}

/** Parses `input` with `schema`, or throws VALIDATION_FAILED naming each bad field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'body' | 'params',
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );
}

type Handler<Q, B> = (input: {
  query: Q;
  body: B;
  params: Record<string, string>;
  /** Who is calling (the access hook has already checked the route's rule). */
  principal: Principal;
  request: FastifyRequest;
  reply: FastifyReply;
}) => Promise<unknown>;

/**
 * Registers a JSON route and documents it in OpenAPI from the same zod schemas.
 * The handler gets the parsed query and body; what it returns is sent as JSON.
 */
export function defineRoute<
  Q extends z.ZodType = z.ZodType<unknown>,
  B extends z.ZodType = z.ZodType<unknown>,
>(
  context: Pick<RouteContext, 'app' | 'openapi'>,
  doc: RouteDoc & { query?: Q; body?: B },
  handler: Handler<z.infer<Q>, z.infer<B>>,
): void {
  context.openapi.add(doc);
  context.app.route({
    method: doc.method,
    url: doc.url,
    handler: async (request, reply) => {
      const query = doc.query ? parseInput(doc.query, request.query, 'query') : (request.query as z.infer<Q>);
      const body = doc.body ? parseInput(doc.body, request.body, 'body') : (request.body as z.infer<B>);
      const params = (request.params ?? {}) as Record<string, string>;
      return handler({ query, body, params, principal: principalOf(request), request, reply });
    },
  });
}
