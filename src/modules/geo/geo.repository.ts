/** SQL of the geo module: org-unit boundaries in `org_unit_geometry`. */

import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { visibleOrgUnitCondition } from '../auth/scope.js';
import type { TGeometry } from './geo.schema.js';

/** Ids of the org units with these codes, by code (unknown codes are absent). */
export async function findOrgUnitIds(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ id: number; code: string }>(
    'SELECT id, code FROM org_unit WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Writes (inserts or replaces) the boundaries in one statement; returns how many were written. */
export async function upsertGeometries(
  db: Queryable,
  rows: ReadonlyArray<{ orgUnitId: number; geometry: TGeometry }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  // One jsonb array parameter instead of a statement per unit: the same SQL on both drivers.
  await db.query(
    `INSERT INTO org_unit_geometry (org_unit_id, geometry)
     SELECT (item->>'orgUnitId')::integer, item->'geometry' FROM jsonb_array_elements($1::jsonb) AS item
     ON CONFLICT (org_unit_id) DO UPDATE SET geometry = EXCLUDED.geometry, updated = now()`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}

export interface TGeometryRow {
  code: string;
  name: string;
  nameEn: string | null;
  geometry: TGeometry;
}

/** Boundaries of the children of `parentId` (top-level units when null), in code order. */
export async function listChildGeometries(
  db: Queryable,
  parentId: number | null,
  viewer: Principal,
): Promise<TGeometryRow[]> {
  const params: unknown[] = [parentId];
  const visible = visibleOrgUnitCondition(viewer, 'o.id', params);
  return db.query<TGeometryRow>(
    `SELECT o.code, o.name, o.name_en AS "nameEn", g.geometry
     FROM org_unit o JOIN org_unit_geometry g ON g.org_unit_id = o.id
     WHERE (($1::integer IS NULL AND o.parent_id IS NULL) OR o.parent_id = $1::integer) AND ${visible}
     ORDER BY o.code`,
    params,
  );
}
