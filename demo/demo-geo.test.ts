import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZFeatureCollectionInput } from '../src/modules/geo/geo.schema.js';
import { buildDemoGeoJson, centroid } from './demo-geo.js';
import { buildDemoOrgUnits } from './demo-metadata.js';
import { DEMO_GEOJSON_PATH, formatDemoGeoJson } from './write-demo-geo.js';

type Ring = number[][];

function area(ring: Ring): number {
  let twice = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[index + 1] ?? [];
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

describe('buildDemoGeoJson', () => {
  const collection = buildDemoGeoJson();
  const rings = new Map(
    collection.features.map((feature) => [
      feature.properties.code,
      (feature.geometry.coordinates[0] ?? []) as Ring,
    ]),
  );

  it('draws one valid polygon per org unit of the demo city', () => {
    expect(ZFeatureCollectionInput.safeParse(collection).success).toBe(true);
    expect([...rings.keys()].sort()).toEqual(
      buildDemoOrgUnits()
        .map((unit) => unit.code)
        .sort(),
    );
  });

  it('tiles each county with its townships, counter-clockwise, each township inside its county', () => {
    for (const county of buildDemoOrgUnits().filter((unit) => unit.parent === 'QS')) {
      const countyRing = rings.get(county.code) ?? [];
      const townships = [...rings].filter(([code]) => code.length === 6 && code.startsWith(county.code));
      const total = townships.reduce((sum, [, ring]) => sum + area(ring), 0);
      expect(total / area(countyRing), county.code).toBeCloseTo(1, 3);
      for (const [code, ring] of townships) {
        expect(area(ring), code).toBeGreaterThan(0);
        const [x, y] = centroid(ring.slice(0, -1) as [number, number][]);
        const xs = countyRing.map((p) => p[0] ?? 0);
        const ys = countyRing.map((p) => p[1] ?? 0);
        expect(
          x >= Math.min(...xs) && x <= Math.max(...xs) && y >= Math.min(...ys) && y <= Math.max(...ys),
        ).toBe(true);
      }
    }
  });

  it('matches the shipped demo/geo/qingshan.geojson', () => {
    expect(readFileSync(DEMO_GEOJSON_PATH, 'utf8')).toBe(formatDemoGeoJson());
  });
});
