import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { scopeCondition } from '../auth/scope.js';
import type { TDataElement, TDataSetSummary, TIndicator } from './metadata-api.schema.js';

/** Reads for the metadata API and the in-memory catalog. */

type Named = { code: string; name: string; nameEn: string | null };

/** Every data element, by code. */
export async function selectDataElements(db: Queryable): Promise<(TDataElement & { id: number })[]> {
  return db.query(
    `SELECT id, code, name, name_en AS "nameEn", value_type AS "valueType", aggregation, categories
     FROM data_element ORDER BY code COLLATE "C"`,
  );
}

/** Every indicator in display order. */
export async function selectIndicators(db: Queryable): Promise<TIndicator[]> {
  return db.query(
    `SELECT code, name, name_en AS "nameEn", numerator, denominator, factor, kind, unit, decimals
     FROM indicator ORDER BY sort_order, id`,
  );
}

/** Data sets (all, or the one with `code`) with element codes and assigned-unit counts. */
export async function selectDataSets(
  db: Queryable,
  code?: string,
): Promise<(TDataSetSummary & { id: number })[]> {
  return db.query(
    `SELECT s.id, s.code, s.name, s.name_en AS "nameEn", s.period_type AS "periodType", s.due_days AS "dueDays",
            s.expiry_days AS "expiryDays", s.org_unit_level AS "orgUnitLevel",
            coalesce((SELECT json_agg(e.code ORDER BY x.sort_order) FROM data_set_element x
                      JOIN data_element e ON e.id = x.data_element_id WHERE x.data_set_id = s.id), '[]') AS "dataElements",
            (SELECT count(*)::int FROM data_set_org_unit a WHERE a.data_set_id = s.id) AS "orgUnitCount"
     FROM data_set s ${code === undefined ? '' : 'WHERE s.code = $1'} ORDER BY s.code COLLATE "C"`,
    code === undefined ? [] : [code],
  );
}

/** Codes of the org units a data set is assigned to that lie in `reader`'s scope. */
export async function selectDataSetOrgUnits(
  db: Queryable,
  dataSetId: number,
  reader: Principal,
): Promise<string[]> {
  const params: unknown[] = [dataSetId];
  const inScope = scopeCondition(reader, 'o.id', params);
  const rows = await db.query<{ code: string }>(
    `SELECT o.code FROM data_set_org_unit a JOIN org_unit o ON o.id = a.org_unit_id
     WHERE a.data_set_id = $1 AND ${inScope} ORDER BY o.path COLLATE "C"`,
    params,
  );
  return rows.map((row) => row.code);
}

/** Every source, by code. */
export async function selectSources(db: Queryable): Promise<(Named & { id: number })[]> {
  return db.query('SELECT id, code, name, name_en AS "nameEn" FROM source ORDER BY code COLLATE "C"');
}

/** Every category with its options in order. */
export async function selectCategories(db: Queryable): Promise<(Named & { options: Named[] })[]> {
  return db.query(
    `SELECT c.code, c.name, c.name_en AS "nameEn",
            coalesce((SELECT json_agg(json_build_object('code', o.code, 'name', o.name, 'nameEn', o.name_en)
                                      ORDER BY o.sort_order, o.id)
                      FROM category_option o WHERE o.category_id = c.id), '[]') AS options
     FROM category c ORDER BY c.code COLLATE "C"`,
  );
}

/** Every constant's value by code. */
export async function selectConstants(db: Queryable): Promise<{ code: string; value: number }[]> {
  return db.query('SELECT code, value FROM constant ORDER BY code COLLATE "C"');
}

/** Every org unit's id, level, path and parent code (for the in-memory catalog). */
export async function selectOrgUnitIndex(
  db: Queryable,
): Promise<{ id: number; code: string; level: number; path: string; parent: string | null }[]> {
  return db.query(
    `SELECT o.id, o.code, o.level, o.path, p.code AS parent
     FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id ORDER BY o.path COLLATE "C"`,
  );
}
