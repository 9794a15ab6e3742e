import { AppError } from '../../core/errors.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from './principal.js';
import { findFirstOrgUnitOutsideScope } from './scope.repository.js';

/**
 * Org-unit scope: a principal reads and writes only inside the subtrees rooted at its scope's
 * org units ('ALL': everywhere). Every service that takes an org unit checks it with
 * `assertOrgUnitsInScope`; every list filters with `scopeCondition`.
 */

/**
 * Resolves when every one of `orgUnitIds` lies in the principal's scope; otherwise throws
 * FORBIDDEN naming the first unit (in the given order) that does not.
 */
export async function assertOrgUnitsInScope(
  db: Queryable,
  principal: Principal,
  orgUnitIds: readonly number[],
): Promise<void> {
  if (principal.scope === 'ALL' || orgUnitIds.length === 0) return;
  const outside = await findFirstOrgUnitOutsideScope(db, [...new Set(orgUnitIds)], principal.scope);
  if (outside) throw outsideScope(principal, outside);
}

function outsideScope(principal: Principal, unit: { id: number; code: string | null }): AppError {
  const code = unit.code ?? `#${unit.id}`;
  return new AppError('FORBIDDEN', `org unit "${code}" is outside your assigned org units`, {
    orgUnit: code,
    username: principal.username,
  });
}

/**
 * Like `assertOrgUnitsInScope`, but also allows the ancestors of the principal's roots, whose
 * names (not data) it may read: tree navigation, breadcrumbs, the boundaries of a map level.
 */
export async function assertOrgUnitsVisible(
  db: Queryable,
  principal: Principal,
  orgUnitIds: readonly number[],
): Promise<void> {
  if (principal.scope === 'ALL' || orgUnitIds.length === 0) return;
  const hidden = await findFirstOrgUnitOutsideScope(db, [...new Set(orgUnitIds)], principal.scope, {
    allowAncestors: true,
  });
  if (hidden) throw outsideScope(principal, hidden);
}

/** True when the principal may read and write everywhere. */
export function hasFullScope(principal: Principal): boolean {
  return principal.scope === 'ALL';
}

/**
 * An SQL boolean that is true when the org unit in `orgUnitIdColumn` lies in the principal's
 * scope (a descendant of, or equal to, one of its roots in org_unit_closure). Pushes the roots'
 * ids onto `params` as one int[] parameter. 'TRUE' for scope 'ALL', 'FALSE' for an empty scope.
 */
export function scopeCondition(principal: Principal, orgUnitIdColumn: string, params: unknown[]): string {
  if (principal.scope === 'ALL') return 'TRUE';
  if (principal.scope.length === 0) return 'FALSE';
  params.push([...principal.scope]);
  return `EXISTS (SELECT 1 FROM org_unit_closure scope_c WHERE scope_c.descendant_id = ${orgUnitIdColumn}
    AND scope_c.ancestor_id = ANY($${params.length}::int[]))`;
}

/**
 * Like `scopeCondition`, but also true for the ancestors of the principal's roots: their names
 * may be read (tree, breadcrumbs), never their data.
 */
export function visibleOrgUnitCondition(
  principal: Principal,
  orgUnitIdColumn: string,
  params: unknown[],
): string {
  if (principal.scope === 'ALL') return 'TRUE';
  if (principal.scope.length === 0) return 'FALSE';
  params.push([...principal.scope]);
  const roots = `$${params.length}::int[]`;
  return `(EXISTS (SELECT 1 FROM org_unit_closure scope_c WHERE scope_c.descendant_id = ${orgUnitIdColumn}
      AND scope_c.ancestor_id = ANY(${roots}))
    OR EXISTS (SELECT 1 FROM org_unit_closure scope_a WHERE scope_a.ancestor_id = ${orgUnitIdColumn}
      AND scope_a.descendant_id = ANY(${roots})))`;
}
