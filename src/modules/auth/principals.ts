import type { Queryable } from '../../store/db.js';
import type { Principal } from './principal.js';
import { listTopLevelOrgUnitIds } from './scope.repository.js';
import { findUser, type UserRow } from './users.repository.js';

/**
 * The principal of an enabled user: roles, and scope = the assigned org units' ids; 'ALL' for an
 * admin without assigned org units and for anyone assigned every top-level unit (the whole tree,
 * so that e.g. a city-wide admin may import metadata). Undefined for a missing or disabled user.
 */
export async function findActivePrincipal(
  db: Queryable,
  userId: number,
  via: Principal['via'],
): Promise<{ principal: Principal; user: UserRow } | undefined> {
  const user = await findUser(db, { id: userId });
  if (!user || user.disabled) return undefined;
  const isUnscopedAdmin = user.roles.includes('admin') && user.orgUnits.length === 0;
  const assigned = new Set(user.orgUnits.map((unit) => unit.id));
  const topLevel = assigned.size > 0 ? await listTopLevelOrgUnitIds(db) : [];
  const hasWholeTree = topLevel.length > 0 && topLevel.every((id) => assigned.has(id));
  const principal: Principal = {
    userId: user.id,
    username: user.username,
    roles: user.roles,
    scope: isUnscopedAdmin || hasWholeTree ? 'ALL' : user.orgUnits.map((unit) => unit.id),
    via,
  };
  return { principal, user };
}
