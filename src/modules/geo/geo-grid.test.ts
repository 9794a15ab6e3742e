import { describe, expect, it } from 'vitest';
import { ZFeatureCollectionInput } from './geo.schema.js';
import { buildGridFeatures, buildGridTree, gridCell } from './geo-grid.js';

describe('gridCell', () => {
  it('cuts a box into a near-square grid, north-west cell first', () => {
    expect(gridCell([0, 0, 4, 4], 4, 0)).toEqual([0, 2, 2, 4]);
    expect(gridCell([0, 0, 4, 4], 4, 3)).toEqual([2, 0, 4, 2]);
    expect(gridCell([0, 0, 3, 1], 3, 2)).toEqual([0, 0, 1.5, 0.5]);
  });
});

describe('buildGridFeatures', () => {
  it('makes one valid closed rectangle per code', () => {
    const collection = buildGridFeatures(['A', 'B', 'C'], [110, 30, 111, 31]);
    expect(ZFeatureCollectionInput.parse(collection).features.map((f) => f.properties.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
  });
});

describe('buildGridTree', () => {
  it('nests every child inside its parent’s cell', () => {
    const tree: Record<string, string[]> = { R: ['A', 'B'], A: ['A1', 'A2'], B: [] };
    const collection = buildGridTree('R', (code) => tree[code] ?? [], [0, 0, 2, 2]);
    expect(collection.features.map((f) => f.properties.code)).toEqual(['R', 'A', 'A1', 'A2', 'B']);
    const a1 = collection.features[2]?.geometry.coordinates[0] as number[][];
    for (const [lon = NaN, lat = NaN] of a1) {
      expect(lon).toBeGreaterThanOrEqual(0);
      expect(lon).toBeLessThanOrEqual(1);
      expect(lat).toBeGreaterThanOrEqual(0);
      expect(lat).toBeLessThanOrEqual(2);
    }
  });
});
