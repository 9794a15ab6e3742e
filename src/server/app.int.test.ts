import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.js';

describe('server', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp('pglite');
  });
  afterAll(async () => server.close());

  it('answers /api/health with the store kind', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: 'pglite' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers an unknown API route with the standard error body', async () => {
    const response = await server.fetch(`${server.baseUrl}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no route GET /api/nothing-here', details: null },
    });
  });

  it('serves an OpenAPI 3 document', async () => {
    const document = (await (await server.fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/health']).toBeDefined();
  });
});
