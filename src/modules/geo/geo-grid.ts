/**
 * Simple made-up boundaries: org units laid out as a grid of rectangles inside a bounding box.
 * For tests and as a stand-in map when a deployment has no real boundaries yet.
 */
import type { TFeatureCollectionInput } from './geo.schema.js';

/** [west, south, east, north] in degrees. */
export type TBoundingBox = readonly [number, number, number, number];

/** The box of cell `index` when `box` is cut into a grid of `count` cells (row-major, north first). */
export function gridCell(box: TBoundingBox, count: number, index: number): TBoundingBox {
  const [west, south, east, north] = box;
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const width = (east - west) / columns;
  const height = (north - south) / rows;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return [
    west + column * width,
    north - (row + 1) * height,
    west + (column + 1) * width,
    north - row * height,
  ];
}

/** The closed outer ring of `box`, counter-clockwise. */
function ringOf([west, south, east, north]: TBoundingBox): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** A FeatureCollection with one rectangle per code, tiling `box` as a grid. */
export function buildGridFeatures(codes: readonly string[], box: TBoundingBox): TFeatureCollectionInput {
  return {
    type: 'FeatureCollection',
    features: codes.map((code, index) => ({
      type: 'Feature',
      properties: { code },
      geometry: { type: 'Polygon', coordinates: [ringOf(gridCell(box, codes.length, index))] },
    })),
  };
}

/**
 * Rectangles for a whole tree: each unit's children tile the unit's own cell, so every level's
 * map fits inside its parent. `childrenOf(code)` lists a unit's children; `root` gets `box`.
 */
export function buildGridTree(
  root: string,
  childrenOf: (code: string) => readonly string[],
  box: TBoundingBox,
): TFeatureCollectionInput {
  const features: TFeatureCollectionInput['features'] = [];
  const visit = (code: string, cell: TBoundingBox) => {
    features.push(...buildGridFeatures([code], cell).features);
    const children = childrenOf(code);
    children.forEach((child, index) => {
      visit(child, gridCell(cell, children.length, index));
    });
  };
  visit(root, box);
  return { type: 'FeatureCollection', features };
}
