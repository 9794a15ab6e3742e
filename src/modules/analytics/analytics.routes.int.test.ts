import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { getIndicatorAnalytics } from './analytics.service.js';
import { loadAnalyticsFixture } from './testing/analytics-fixture.js';

describe.each(testStoreKinds())('analytics routes on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp(kind);
    await loadAnalyticsFixture(testApp.store.db);
  });
  afterAll(() => testApp.close());

  const get = async (path: string) => {
    const response = await testApp.fetch(`${testApp.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers GET /api/analytics with the service’s answer', async () => {
    const { status, body } = await get('/api/analytics?indicator=CBR&orgUnit=QS&level=children&period=2025');
    expect(status).toBe(200);
    const expected = await getIndicatorAnalytics(testApp.store.db, {
      indicator: 'CBR',
      orgUnit: 'QS',
      level: 'children',
      period: '2025',
      ytd: false,
    });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers the overview with every indicator and the series with twelve months', async () => {
    const overview = await get('/api/analytics/overview?orgUnit=QS&period=202609&ytd=true');
    expect(overview.status).toBe(200);
    expect((overview.body.indicators as unknown[]).length).toBe(4);
    const series = await get('/api/analytics/series?indicator=CBR&orgUnit=QS&from=202601&to=202612');
    expect((series.body.points as unknown[]).length).toBe(12);
  });

  it('refuses an unknown indicator with NOT_FOUND and a bad level with VALIDATION_FAILED', async () => {
    const missing = await get('/api/analytics?indicator=NOPE&orgUnit=QS&period=2025');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await get('/api/analytics?indicator=CBR&orgUnit=QS&period=2025&level=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
