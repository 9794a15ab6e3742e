import type { Queryable } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import { scopeCondition } from '../../auth/scope.js';

/**
 * Org units a data set is assigned to in `reader`'s scope, in tree order; with `under`, only that
 * org unit and its descendants (closure table), and the id of `under`. Undefined when `under` is
 * not a known org unit.
 */
export async function selectTemplateOrgUnits(
  db: Queryable,
  reader: Principal,
  dataSet: string,
  under: string | undefined,
): Promise<{ underId: number | undefined; orgUnits: Array<{ code: string; name: string }> } | undefined> {
  let underId: number | undefined;
  if (under !== undefined) {
    const [root] = await db.query<{ id: number }>('SELECT id FROM org_unit WHERE code = $1', [under]);
    if (!root) return undefined;
    underId = root.id;
  }
  const params: unknown[] = [dataSet, under ?? null];
  const inScope = scopeCondition(reader, 'o.id', params);
  const orgUnits = await db.query<{ code: string; name: string }>(
    `SELECT o.code, o.name
     FROM data_set s
     JOIN data_set_org_unit a ON a.data_set_id = s.id
     JOIN org_unit o ON o.id = a.org_unit_id
     WHERE s.code = $1
       AND ($2::text IS NULL OR o.id IN (
             SELECT c.descendant_id FROM org_unit_closure c JOIN org_unit r ON r.id = c.ancestor_id
             WHERE r.code = $2))
       AND ${inScope}
     ORDER BY o.path COLLATE "C"`,
    params,
  );
  return { underId, orgUnits };
}
