import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../src/server/testing/test-app.js';
import { type AppSession, openAppSession } from './support/app-session.js';
import { saveScreenshot } from './support/browser.js';
import { loadFixture } from './support/fixture.js';

/** A square boundary for `code` at `x`. */
function square(code: string, x: number) {
  return {
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    },
  };
}

describe('uploading boundaries on the administration page', () => {
  let session: AppSession;
  let server: TestApp;
  let page: Page;

  beforeAll(async () => {
    session = await openAppSession({ prepare: (app) => loadFixture(app.baseUrl, app.headers) });
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('stores the boundaries of known units, names the unknown codes, and the API serves them', async () => {
    await page.goto('/admin');
    const collection = {
      type: 'FeatureCollection',
      features: [square('QS01', 0), square('QS02', 1), square('NOPE', 2)],
    };
    await page
      .getByTestId('geojson-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'counties.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(collection)),
      });
    const result = page.getByTestId('geojson-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已保存 2 个边界');
    expect(await result.textContent()).toContain('NOPE');
    await saveScreenshot(page, 'admin-geojson');

    const response = await server.fetch('/api/geo?parent=QS');
    const stored = (await response.json()) as { features: Array<{ properties: { code: string } }> };
    expect(stored.features.map((feature) => feature.properties.code).sort()).toEqual(['QS01', 'QS02']);
  });
});
