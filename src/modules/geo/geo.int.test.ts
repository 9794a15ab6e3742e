import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { startTestApp, type TestApp } from '../../server/testing/test-app.js';
import type { TestStore } from '../../store/testing/test-store.js';
import { createTestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { CLI_PRINCIPAL } from '../auth/principal.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { buildMetadataFixture } from '../metadata/testing/metadata-fixture.js';
import { getChildGeometries, importGeoJson } from './geo.service.js';
import { buildGridFeatures, buildGridTree } from './geo-grid.js';

const TREE: Record<string, string[]> = {
  QS: ['QS01', 'QS02'],
  QS01: ['QS0101', 'QS0102'],
  QS02: ['QS0201', 'QS0202'],
};
const CITY_MAP = buildGridTree('QS', (code) => TREE[code] ?? [], [112, 28, 114, 30]);

async function importError(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each(testStoreKinds())('org-unit boundaries (%s)', (kind) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(kind);
    await importMetadata(store.db, buildMetadataFixture());
  });
  afterAll(() => store?.dispose());

  it('imports every feature whose code is an org unit and reports the unknown codes', async () => {
    const extra = buildGridFeatures(['NOPE'], [0, 0, 1, 1]).features;
    const result = await importGeoJson(store.db, { ...CITY_MAP, features: [...CITY_MAP.features, ...extra] });
    expect(result).toEqual({ imported: 7, unknownCodes: ['NOPE'] });
  });

  it("serves a parent's children with their codes and names, in code order", async () => {
    const answer = await getChildGeometries(store.db, CLI_PRINCIPAL, 'QS01');
    expect(answer.features.map((feature) => feature.properties)).toEqual([
      { code: 'QS0101', name: '东街街道', nameEn: null },
      { code: 'QS0102', name: '南湖镇', nameEn: null },
    ]);
    expect(answer.features[0]?.geometry.type).toBe('Polygon');
    const roots = await getChildGeometries(store.db, CLI_PRINCIPAL);
    expect(roots.features.map((feature) => feature.id)).toEqual(['QS']);
  });

  it('replaces a boundary when the same code is imported again', async () => {
    const moved = buildGridFeatures(['QS0101'], [0, 0, 1, 1]);
    await expect(importGeoJson(store.db, moved)).resolves.toEqual({ imported: 1, unknownCodes: [] });
    const answer = await getChildGeometries(store.db, CLI_PRINCIPAL, 'QS01');
    expect(answer.features[0]?.geometry.coordinates[0]?.[0]).toEqual([0, 0]);
  });

  it('refuses a malformed collection, naming the feature and field, and writes nothing', async () => {
    const bad = structuredClone(buildGridFeatures(['QS0201', 'QS0202'], [5, 5, 6, 6]));
    const ring = bad.features[1]?.geometry.coordinates[0] as number[][];
    ring.pop();
    const error = await importError(importGeoJson(store.db, bad));
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.message).toContain('features.1.geometry.coordinates.0');
    const answer = await getChildGeometries(store.db, CLI_PRINCIPAL, 'QS02');
    expect(answer.features[0]?.geometry.coordinates[0]?.[0]).not.toEqual([5, 5]);
  });

  it('refuses a code given twice and a feature without a code', async () => {
    const twice = buildGridFeatures(['QS01', 'QS01'], [0, 0, 1, 1]);
    expect((await importError(importGeoJson(store.db, twice))).message).toContain(
      'features.1.properties.code: "QS01" repeats features.0',
    );
    const noCode = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: null }],
    };
    const error = await importError(importGeoJson(store.db, noCode));
    expect(error.message).toContain('features.0.properties.code');
    expect(error.message).toContain('features.0.geometry');
  });

  it('answers NOT_FOUND for an unknown parent', async () => {
    expect((await importError(getChildGeometries(store.db, CLI_PRINCIPAL, 'XX'))).code).toBe('NOT_FOUND');
  });
});

describe('the geo API', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp('pglite');
    await importMetadata(server.store.db, buildMetadataFixture());
  });
  afterAll(() => server?.close());

  it('takes an upload with POST /api/geo and serves it with GET /api/geo?parent=', async () => {
    const upload = await server.fetch(`${server.baseUrl}/api/geo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CITY_MAP),
    });
    expect(upload.status).toBe(200);
    await expect(upload.json()).resolves.toEqual({ imported: 7, unknownCodes: [] });
    const answer = await server.fetch(`${server.baseUrl}/api/geo?parent=QS`);
    const body = (await answer.json()) as { type: string; features: Array<{ properties: { code: string } }> };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((feature) => feature.properties.code)).toEqual(['QS01', 'QS02']);
  });

  it('answers 400 INVALID_IMPORT for a body that is not a FeatureCollection', async () => {
    const upload = await server.fetch(`${server.baseUrl}/api/geo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'Feature' }),
    });
    expect(upload.status).toBe(400);
    const body = (await upload.json()) as { error: { code: string } };
    expect(body.error.code).toBe('INVALID_IMPORT');
  });
});
