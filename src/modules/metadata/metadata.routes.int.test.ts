import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { buildMetadataFixture } from './testing/metadata-fixture.js';

describe.each(testStoreKinds())('metadata routes on %s', (kind) => {
  let server: TestApp;
  const post = (path: string, body: unknown) =>
    server.fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async (path: string) => {
    const response = await server.fetch(`${server.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  beforeAll(async () => {
    server = await startTestApp(kind);
  });
  afterAll(async () => server.close());

  it('imports a metadata file with POST /api/metadata and counts it', async () => {
    const dry = await post('/api/metadata?dryRun=true', buildMetadataFixture());
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, stats: { orgUnits: { created: 7 } } });
    const response = await post('/api/metadata', buildMetadataFixture());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ dryRun: false, stats: { dataElements: { created: 2 } } });
  });

  it('lists roots and children with GET /api/orgUnits', async () => {
    const roots = await get('/api/orgUnits');
    expect(roots.body.items).toEqual([
      { code: 'QS', name: '青山市', nameEn: 'Qingshan', level: 1, parent: null, path: '/QS', childCount: 2 },
    ]);
    const children = await get('/api/orgUnits?parent=QS02');
    expect((children.body.items as { code: string }[]).map((unit) => unit.code)).toEqual([
      'QS0201',
      'QS0202',
    ]);
  });

  it('answers one org unit with its ancestors', async () => {
    const { status, body } = await get('/api/orgUnits/QS0101');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: 'QS0101', level: 3, parent: 'QS01', childCount: 0 });
    expect((body.ancestors as { code: string }[]).map((unit) => unit.code)).toEqual(['QS', 'QS01']);
  });

  it('answers an unknown code with 404 NOT_FOUND', async () => {
    expect(await get('/api/orgUnits/NOPE')).toEqual({
      status: 404,
      body: {
        error: {
          code: 'NOT_FOUND',
          message: 'org unit "NOPE" not found',
          details: { what: 'org unit', code: 'NOPE' },
        },
      },
    });
    expect((await get('/api/orgUnits?parent=NOPE')).status).toBe(404);
    expect((await get('/api/dataSets/NOPE')).status).toBe(404);
  });

  it('lists data sets, data elements and indicators and details a data set', async () => {
    const sets = await get('/api/dataSets');
    expect(sets.body.items).toEqual([
      expect.objectContaining({ code: 'MONTHLY', dataElements: ['BIRTHS', 'POP'], orgUnitCount: 4 }),
    ]);
    const detail = await get('/api/dataSets/MONTHLY');
    expect(detail.body).toMatchObject({ periodType: 'Monthly', dueDays: 10, expiryDays: 0 });
    expect((await get('/api/dataElements')).body.items).toHaveLength(2);
    expect((await get('/api/indicators')).body.items).toEqual([
      expect.objectContaining({ code: 'CBR', factor: 1000 }),
    ]);
  });

  it('exports with GET /api/metadata what was imported', async () => {
    const { body } = await get('/api/metadata');
    expect((body.orgUnits as unknown[]).length).toBe(7);
    expect(body.indicators).toEqual([expect.objectContaining({ code: 'CBR', decimals: 2 })]);
  });

  it('answers an invalid file with 400 INVALID_METADATA listing every error', async () => {
    const file = buildMetadataFixture();
    file.indicators![0]!.numerator = '#{BIRHTS}';
    file.targets![0]!.rule = 'AT_MOST';
    const response = await post('/api/metadata', file);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { errors: unknown[] } } };
    expect(body.error.code).toBe('INVALID_METADATA');
    expect(body.error.details.errors).toEqual([
      { path: 'targets[0].threshold', message: 'required for rule AT_MOST' },
      { path: 'indicators[0].numerator', message: 'unknown data element "BIRHTS" at 3' },
    ]);
    const typed = await post('/api/metadata', { orgUnits: [{ code: 'X' }] });
    expect(typed.status).toBe(400);
    expect(JSON.stringify(await typed.json())).toContain('orgUnits[0].name');
  });

  it('documents the metadata routes in OpenAPI', async () => {
    const { body } = await get('/api/openapi.json');
    const paths = body.paths as Record<string, unknown>;
    for (const path of [
      '/api/metadata',
      '/api/orgUnits',
      '/api/orgUnits/{code}',
      '/api/dataSets/{code}',
      '/api/indicators',
    ])
      expect(paths[path]).toBeDefined();
  });
});
