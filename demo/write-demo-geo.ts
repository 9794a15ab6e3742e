/**
 * Writes demo/geo/qingshan.geojson from the boundary builder (run after changing it):
 * `npx tsx demo/write-demo-geo.ts`. A test checks the shipped file matches the builder.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDemoGeoJson } from './demo-geo.js';

/** The shipped GeoJSON's path. */
export const DEMO_GEOJSON_PATH = fileURLToPath(new URL('./geo/qingshan.geojson', import.meta.url));

/** The shipped file's text: one feature per line, so diffs stay readable. */
export function formatDemoGeoJson(): string {
  const { features } = buildDemoGeoJson();
  const lines = features.map((feature) => JSON.stringify(feature));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_GEOJSON_PATH, formatDemoGeoJson());
  console.log(`wrote ${DEMO_GEOJSON_PATH}`);
}
