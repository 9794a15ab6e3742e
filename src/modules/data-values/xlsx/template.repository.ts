import type { Queryable } from '../../../store/db.js';

/**
 * Org units a data set is assigned to, in tree order; with `under`, only that org unit and its
 * descendants (closure table). Undefined when `under` is not a known org unit.
 */
export async function selectTemplateOrgUnits(
  db: Queryable,
  dataSet: string,
  under: string | undefined,
): Promise<Array<{ code: string; name: string }> | undefined> {
  if (under !== undefined) {
    const [root] = await db.query<{ id: number }>('SELECT id FROM org_unit WHERE code = $1', [under]);
    if (!root) return undefined;
  }
  return db.query<{ code: string; name: string }>(
    `SELECT o.code, o.name
     FROM data_set s
     JOIN data_set_org_unit a ON a.data_set_id = s.id
     JOIN org_unit o ON o.id = a.org_unit_id
     WHERE s.code = $1
       AND ($2::text IS NULL OR o.id IN (
             SELECT c.descendant_id FROM org_unit_closure c JOIN org_unit r ON r.id = c.ancestor_id
             WHERE r.code = $2))
     ORDER BY o.path COLLATE "C"`,
    [dataSet, under ?? null],
  );
}
