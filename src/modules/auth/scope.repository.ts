import type { Queryable } from '../../store/db.js';

/** SQL of org-unit scope checks (org_unit_closure). */

/**
 * The first of `orgUnitIds` (in the given order) that lies outside every subtree rooted at
 * `scopeRootIds` (and, with `allowAncestors`, is no ancestor of a root either), with its code;
 * undefined when all are inside. An id without an org unit counts as outside (code null).
 */
export async function findFirstOrgUnitOutsideScope(
  db: Queryable,
  orgUnitIds: readonly number[],
  scopeRootIds: readonly number[],
  options: { allowAncestors?: boolean } = {},
): Promise<{ id: number; code: string | null } | undefined> {
  const ancestorOfScope = options.allowAncestors
    ? `OR EXISTS (SELECT 1 FROM org_unit_closure a
         WHERE a.ancestor_id = given.id AND a.descendant_id = ANY($2::int[]))`
    : '';
  const rows = await db.query<{ id: number; code: string | null }>(
    `SELECT given.id, o.code
     FROM unnest($1::int[]) WITH ORDINALITY AS given(id, position)
     LEFT JOIN org_unit o ON o.id = given.id
     WHERE NOT (EXISTS (
       SELECT 1 FROM org_unit_closure c
       WHERE c.descendant_id = given.id AND c.ancestor_id = ANY($2::int[]))
       ${ancestorOfScope})
     ORDER BY given.position
     LIMIT 1`,
    [orgUnitIds, scopeRootIds],
  );
  return rows[0];
}

/** Ids of the org units at the top of the tree (no parent). */
export async function listTopLevelOrgUnitIds(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id FROM org_unit WHERE parent_id IS NULL');
  return rows.map((row) => row.id);
}
