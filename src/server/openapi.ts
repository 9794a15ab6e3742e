import { z } from 'zod';
import type { RouteAccess } from './access.js';

/** One documented route: what it takes and returns, as zod schemas shared with handlers. */
export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Who may call it; enforced for every request by the access hook (src/server/auth-hook.ts). */
  access: RouteAccess;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Non-JSON responses, e.g. 'text/csv' or an XLSX media type. */
  produces?: string[];
}

/** Collects route docs while routes are registered, then renders OpenAPI 3.1. */
export class OpenApiRegistry {
  private readonly routes: RouteDoc[] = [];

  add(doc: RouteDoc): void {
    this.routes.push(doc);
  }

  list(): readonly RouteDoc[] {
    return this.routes;
  }

  /** The access rule of the route registered as `method url` (fastify's url pattern). */
  accessOf(method: string, url: string): RouteAccess | undefined {
    return this.routes.find((route) => route.method === method && route.url === url)?.access;
  }

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation: Record<string, unknown> = {
        summary: route.summary,
        tags: [route.tag],
        'x-access': route.access,
      };
      const pathParams = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => ({
        name: match[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      const queryParams = route.query ? queryParameters(route.query) : [];
      if (pathParams.length + queryParams.length > 0) operation.parameters = [...pathParams, ...queryParams];
      if (route.body) {
        operation.requestBody = {
          content: { 'application/json': { schema: toSchema(route.body, 'input') } },
        };
      }
      const content: Record<string, unknown> = {};
      if (route.response) content['application/json'] = { schema: toSchema(route.response, 'output') };
      for (const type of route.produces ?? []) content[type] = {};
      operation.responses = {
        '200': { description: 'OK', ...(Object.keys(content).length > 0 ? { content } : {}) },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      };
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
    }
    return { openapi: '3.1.0', info: { title: 'tiaodu API', version }, paths };
  }
}

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<
    string,
    unknown
  >;
}

function queryParameters(schema: z.ZodType): Array<Record<string, unknown>> {
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, unknown>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}
