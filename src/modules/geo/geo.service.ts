/** Org-unit boundaries: importing a GeoJSON FeatureCollection and serving a parent's children. */
import type { z } from 'zod';
import { AppError, notFound } from '../../core/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { CLI_PRINCIPAL, type Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope, assertOrgUnitsVisible } from '../auth/scope.js';
import { findOrgUnitIds, listChildGeometries, upsertGeometries } from './geo.repository.js';
import {
  type TGeoImportResult,
  type TOrgUnitFeatureCollection,
  ZFeatureCollectionInput,
} from './geo.schema.js';

/** The INVALID_IMPORT error for a FeatureCollection that fails its schema, one line per issue. */
function invalidGeoJson(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const shown = issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  return new AppError('INVALID_IMPORT', `invalid GeoJSON: ${shown.join('; ')}${more}`, { issues });
}

/** The index of each code seen twice in the file (features[i].properties.code). */
function duplicateCodeIssues(codes: readonly string[]): Array<{ path: string; message: string }> {
  const seen = new Map<string, number>();
  const issues: Array<{ path: string; message: string }> = [];
  codes.forEach((code, index) => {
    const first = seen.get(code);
    if (first === undefined) seen.set(code, index);
    else
      issues.push({
        path: `features.${index}.properties.code`,
        message: `"${code}" repeats features.${first}`,
      });
  });
  return issues;
}

/**
 * Imports org-unit boundaries from a GeoJSON FeatureCollection (any JSON value; features keyed by
 * `properties.code`, Polygon or MultiPolygon). Writes, in one transaction, the features whose code
 * is an org unit, replacing earlier boundaries; returns how many were written and the unknown
 * codes. Throws INVALID_IMPORT naming each bad feature and field, and then writes nothing.
 */
export async function importGeoJson(
  db: Db,
  featureCollection: unknown,
  principal: Principal = CLI_PRINCIPAL,
): Promise<TGeoImportResult> {
  const parsed = ZFeatureCollectionInput.safeParse(featureCollection);
  if (!parsed.success) throw invalidGeoJson(parsed.error);
  const features = parsed.data.features;
  const codes = features.map((feature) => feature.properties.code);
  const duplicates = duplicateCodeIssues(codes);
  if (duplicates.length > 0) {
    const text = duplicates.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new AppError('INVALID_IMPORT', `invalid GeoJSON: ${text}`, { issues: duplicates });
  }
  return db.transaction(async (tx) => {
    const ids = await findOrgUnitIds(tx, codes);
    await assertOrgUnitsInScope(tx, principal, [...ids.values()]);
    const rows = features.flatMap((feature) => {
      const orgUnitId = ids.get(feature.properties.code);
      return orgUnitId === undefined ? [] : [{ orgUnitId, geometry: feature.geometry }];
    });
    const imported = await upsertGeometries(tx, rows);
    return { imported, unknownCodes: codes.filter((code) => !ids.has(code)) };
  });
}

/**
 * The boundaries of `parent`'s children as a FeatureCollection (`properties.code`, `name`,
 * `nameEn`; feature id = code); top-level units when no parent is given. Children without a
 * boundary are left out, and so are units the principal may not see (outside its subtrees and
 * their ancestors). NOT_FOUND for an unknown parent, FORBIDDEN for one it may not see.
 */
export async function getChildGeometries(
  db: Queryable,
  principal: Principal,
  parent?: string,
): Promise<TOrgUnitFeatureCollection> {
  let parentId: number | null = null;
  if (parent !== undefined) {
    const id = (await findOrgUnitIds(db, [parent])).get(parent);
    if (id === undefined) throw notFound('org unit', parent);
    await assertOrgUnitsVisible(db, principal, [id]);
    parentId = id;
  }
  const rows = await listChildGeometries(db, parentId, principal);
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.code,
      properties: { code: row.code, name: row.name, nameEn: row.nameEn },
      geometry: row.geometry,
    })),
  };
}
