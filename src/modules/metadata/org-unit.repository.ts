import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { scopeCondition, visibleOrgUnitCondition } from '../auth/scope.js';
import type { TOrgUnitEntry } from './metadata.schema.js';
import type { TOrgUnit, TOrgUnitDetail } from './metadata-api.schema.js';

/** The org-unit tree's SQL: writes by code, levels/paths/closure recomputed set-based. */

/** An org unit to write, with its level and path computed from the merged tree. */
export type OrgUnitRowInput = TOrgUnitEntry & { level: number; path: string };

/**
 * Inserts or updates org units by code with their parents, levels and paths, one statement per
 * level (shallowest first, so each level's parents exist when it is written).
 */
export async function upsertOrgUnits(db: Queryable, entries: readonly OrgUnitRowInput[]): Promise<void> {
  const levels = [...new Set(entries.map((entry) => entry.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const rows = entries
      .filter((entry) => entry.level === level)
      .map((e) => ({
        code: e.code,
        name: e.name,
        name_en: e.nameEn ?? null,
        parent: e.parent,
        level,
        path: e.path,
      }));
    await db.query(
      `INSERT INTO org_unit (code, name, name_en, parent_id, level, path)
       SELECT x.code, x.name, x.name_en, p.id, x.level, x.path
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, name_en text, parent text, level int, path text)
       LEFT JOIN org_unit p ON p.code = x.parent
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
         parent_id = EXCLUDED.parent_id, level = EXCLUDED.level, path = EXCLUDED.path`,
      [JSON.stringify(rows)],
    );
  }
}

/**
 * Brings the tree up to date after `codes` were created or moved: recomputes levels and paths
 * (a moved unit's subtree moves with it) and rewrites the closure rows of those units and
 * everything under them from their paths, and moves their values' aggregates to the new
 * ancestors (`data_value_monthly_shift`, migration 009). Returns the number of closure rows written.
 */
export async function rebuildOrgUnitTree(db: Queryable, codes: readonly string[]): Promise<number> {
  if (codes.length === 0) return 0;
  const codesJson = JSON.stringify(codes);
  // The old closure still holds each moved unit's subtree (created units have no rows yet).
  const affected = await db.query<{ id: number }>(
    `SELECT c.descendant_id AS id FROM org_unit_closure c JOIN org_unit u ON u.id = c.ancestor_id
     WHERE u.code IN (SELECT jsonb_array_elements_text($1::jsonb))
     UNION SELECT id FROM org_unit WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [codesJson],
  );
  const ids = JSON.stringify(affected.map((row) => row.id));
  // The moved subtrees' values leave their old ancestors' aggregates now and join the new ones'
  // once the closure is rewritten (created units have no values yet).
  await db.query('SELECT data_value_monthly_shift($1::int[], -1)', [affected.map((row) => row.id)]);
  await db.query(
    `WITH RECURSIVE tree AS (
       SELECT id, 1 AS level, '/' || code AS path FROM org_unit WHERE parent_id IS NULL
       UNION ALL
       SELECT c.id, t.level + 1, t.path || '/' || c.code FROM org_unit c JOIN tree t ON c.parent_id = t.id
     )
     UPDATE org_unit o SET level = t.level, path = t.path
     FROM tree t WHERE o.id = t.id AND (o.level <> t.level OR o.path <> t.path)`,
  );
  const inAffected = 'IN (SELECT jsonb_array_elements_text($1::jsonb)::int)';
  await db.query(`DELETE FROM org_unit_closure WHERE descendant_id ${inAffected}`, [ids]);
  const inserted = await db.query<{ count: number }>(
    `WITH pairs AS (
       INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
       SELECT a.id, d.id, d.level - a.level
       FROM org_unit d
       CROSS JOIN LATERAL unnest(string_to_array(substr(d.path, 2), '/')) AS step(code)
       JOIN org_unit a ON a.code = step.code
       WHERE d.id ${inAffected}
       RETURNING 1
     ) SELECT count(*)::int AS count FROM pairs`,
    [ids],
  );
  await db.query('SELECT data_value_monthly_shift($1::int[], 1)', [affected.map((row) => row.id)]);
  return inserted[0]?.count ?? 0;
}

type OrgUnitRow = {
  code: string;
  name: string;
  name_en: string | null;
  level: number;
  parent: string | null;
  path: string;
  child_count: number;
};

/** Units with their parent's code and how many children `viewer` may see. */
function selectOrgUnitsSql(viewer: Principal, params: unknown[]): string {
  return `
  SELECT o.code, o.name, o.name_en, o.level, p.code AS parent, o.path,
         (SELECT count(*)::int FROM org_unit c
          WHERE c.parent_id = o.id AND ${visibleOrgUnitCondition(viewer, 'c.id', params)}) AS child_count
  FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id`;
}

function presentOrgUnit(row: OrgUnitRow): TOrgUnit {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    level: row.level,
    parent: row.parent,
    path: row.path,
    childCount: row.child_count,
  };
}

/**
 * Units filtered by parent code and/or level (roots when neither), ordered by code: only those
 * `viewer` may see (its subtrees and their ancestors), with child counts of visible children.
 */
export async function selectOrgUnits(
  db: Queryable,
  viewer: Principal,
  filter: { parent?: string | undefined; level?: number | undefined },
): Promise<TOrgUnit[]> {
  const params: unknown[] = [];
  const select = selectOrgUnitsSql(viewer, params);
  const conditions: string[] = [visibleOrgUnitCondition(viewer, 'o.id', params)];
  if (filter.parent !== undefined) {
    params.push(filter.parent);
    conditions.push(`p.code = $${params.length}`);
  }
  if (filter.level !== undefined) {
    params.push(filter.level);
    conditions.push(`o.level = $${params.length}`);
  }
  if (conditions.length === 1) conditions.push('o.parent_id IS NULL');
  const rows = await db.query<OrgUnitRow>(
    `${select} WHERE ${conditions.join(' AND ')} ORDER BY o.code COLLATE "C"`,
    params,
  );
  return rows.map(presentOrgUnit);
}

/**
 * One unit with its ancestors (root first), the number of children `viewer` may see and whether
 * `viewer` may see it (in its subtrees or an ancestor of them); undefined when unknown.
 */
export async function selectOrgUnit(
  db: Queryable,
  viewer: Principal,
  code: string,
): Promise<(TOrgUnitDetail & { id: number; isVisible: boolean }) | undefined> {
  const params: unknown[] = [code];
  const select = selectOrgUnitsSql(viewer, params);
  const visible = visibleOrgUnitCondition(viewer, 'o.id', params);
  const [row] = await db.query<OrgUnitRow & { id: number; is_visible: boolean }>(
    `${select.replace('SELECT o.code,', `SELECT o.id, ${visible} AS is_visible, o.code,`)} WHERE o.code = $1`,
    params,
  );
  if (!row) return undefined;
  const ancestors = await db.query<Omit<OrgUnitRow, 'parent' | 'path' | 'child_count'>>(
    `SELECT a.code, a.name, a.name_en, a.level
     FROM org_unit o JOIN org_unit_closure c ON c.descendant_id = o.id JOIN org_unit a ON a.id = c.ancestor_id
     WHERE o.code = $1 AND c.depth > 0 ORDER BY c.depth DESC`,
    [code],
  );
  return {
    id: row.id,
    isVisible: row.is_visible,
    ...presentOrgUnit(row),
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, nameEn: a.name_en, level: a.level })),
  };
}

/**
 * Codes of every unit under `code` (not itself) in `viewer`'s scope, nearest first; empty for a
 * leaf or unknown code.
 */
export async function selectDescendantCodes(
  db: Queryable,
  viewer: Principal,
  code: string,
): Promise<string[]> {
  const params: unknown[] = [code];
  const inScope = scopeCondition(viewer, 'd.id', params);
  const rows = await db.query<{ code: string }>(
    `SELECT d.code FROM org_unit a JOIN org_unit_closure c ON c.ancestor_id = a.id
     JOIN org_unit d ON d.id = c.descendant_id
     WHERE a.code = $1 AND c.depth > 0 AND ${inScope} ORDER BY c.depth, d.code COLLATE "C"`,
    params,
  );
  return rows.map((row) => row.code);
}
