/**
 * Fictional boundaries of the demo city for the choropleth map: the city is a rectangle, its
 * counties the Voronoi cells of a jittered 5 × 2 grid of seeds, and each county's townships the
 * Voronoi cells of random seeds inside the county (smoothed by a few Lloyd steps). Every cell is
 * convex, so a cell is the parent polygon clipped by one half-plane per other seed.
 */
import type { TFeatureCollectionInput } from '../src/modules/geo/geo.schema.js';
import { buildTownships, CITY, DEMO_COUNTIES } from './demo-city.js';
import { DEMO_SEED } from './demo-metadata.js';
import { createRandom, type DemoRandom } from './demo-random.js';

type Point = readonly [number, number];

/** The city's extent: [west, south, east, north] in degrees (a made-up place). */
export const DEMO_BOUNDS = [113.2, 29.6, 114.7, 30.4] as const;

/** GeoJSON features for the city, its counties and its townships, keyed by `properties.code`. */
export function buildDemoGeoJson(seed = DEMO_SEED): TFeatureCollectionInput {
  const random = createRandom(seed, 'geo');
  const [west, south, east, north] = DEMO_BOUNDS;
  const city: Point[] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
  const countySeeds = DEMO_COUNTIES.map((_, index) => {
    const column = index % 5;
    const row = Math.floor(index / 5);
    const x = west + ((column + 0.5 + random.uniform(-0.3, 0.3)) * (east - west)) / 5;
    const y = north - ((row + 0.5 + random.uniform(-0.3, 0.3)) * (north - south)) / 2;
    return [x, y] as Point;
  });
  const countyCells = voronoiCells(countySeeds, city);
  const features: TFeatureCollectionInput['features'] = [feature(CITY.code, city)];
  const townships = buildTownships(seed);
  DEMO_COUNTIES.forEach((county, index) => {
    const cell = countyCells[index] ?? [];
    features.push(feature(county.code, cell));
    const codes = townships.filter((t) => t.county.code === county.code).map((t) => t.code);
    const cells = relaxedCells(randomPointsIn(cell, codes.length, random), cell, 3);
    codes.forEach((code, at) => {
      features.push(feature(code, cells[at] ?? []));
    });
  });
  return { type: 'FeatureCollection', features };
}

function feature(code: string, polygon: readonly Point[]): TFeatureCollectionInput['features'][number] {
  const ring = polygon.map(([x, y]) => [round(x), round(y)]);
  const first = ring[0];
  if (first) ring.push([...first]);
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/** The Voronoi cell of each seed within the convex polygon `bounds`. */
export function voronoiCells(seeds: readonly Point[], bounds: readonly Point[]): Point[][] {
  return seeds.map((seed, index) => {
    let cell: Point[] = [...bounds];
    seeds.forEach((other, otherIndex) => {
      if (otherIndex !== index) cell = clipCloserTo(cell, seed, other);
    });
    return cell;
  });
}

/** The part of a convex polygon closer to `seed` than to `other` (Sutherland–Hodgman, one edge). */
function clipCloserTo(polygon: readonly Point[], seed: Point, other: Point): Point[] {
  const normal: Point = [other[0] - seed[0], other[1] - seed[1]];
  const offset = (normal[0] * (seed[0] + other[0])) / 2 + (normal[1] * (seed[1] + other[1])) / 2;
  const side = (p: Point) => offset - (normal[0] * p[0] + normal[1] * p[1]); // ≥ 0: seed's side
  const result: Point[] = [];
  polygon.forEach((current, index) => {
    const next = polygon[(index + 1) % polygon.length] ?? current;
    const a = side(current);
    const b = side(next);
    if (a >= 0) result.push(current);
    if (a >= 0 !== b >= 0) {
      const t = a / (a - b);
      result.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  });
  return result;
}

/** Voronoi cells after `steps` Lloyd steps (each seed moved to its cell's centroid). */
function relaxedCells(seeds: Point[], bounds: readonly Point[], steps: number): Point[][] {
  let cells = voronoiCells(seeds, bounds);
  for (let step = 0; step < steps; step++) cells = voronoiCells(cells.map(centroid), bounds);
  return cells;
}

/** The area centroid of a simple polygon. */
export function centroid(polygon: readonly Point[]): Point {
  let area = 0;
  let x = 0;
  let y = 0;
  polygon.forEach((p, index) => {
    const q = polygon[(index + 1) % polygon.length] ?? p;
    const cross = p[0] * q[1] - q[0] * p[1];
    area += cross;
    x += (p[0] + q[0]) * cross;
    y += (p[1] + q[1]) * cross;
  });
  return [x / (3 * area), y / (3 * area)];
}

/** `count` uniform random points inside the convex polygon (rejection from its bounding box). */
function randomPointsIn(polygon: readonly Point[], count: number, random: DemoRandom): Point[] {
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const points: Point[] = [];
  while (points.length < count) {
    const point: Point = [
      random.uniform(Math.min(...xs), Math.max(...xs)),
      random.uniform(Math.min(...ys), Math.max(...ys)),
    ];
    if (isInsideConvex(polygon, point)) points.push(point);
  }
  return points;
}

function isInsideConvex(polygon: readonly Point[], point: Point): boolean {
  return polygon.every((p, index) => {
    const q = polygon[(index + 1) % polygon.length] ?? p;
    return (q[0] - p[0]) * (point[1] - p[1]) - (q[1] - p[1]) * (point[0] - p[0]) >= 0;
  });
}
