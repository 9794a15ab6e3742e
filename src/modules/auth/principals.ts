import type { Queryable } from '../../store/db.js';
import type { Principal } from './principal.js';
import { findUser, type UserRow } from './users.repository.js';

/**
 * The principal of an enabled user: roles, and scope = the assigned org units' ids; an admin
 * without assigned org units works everywhere ('ALL'). Undefined for a missing or disabled user.
 */
export async function findActivePrincipal(
  db: Queryable,
  userId: number,
  via: Principal['via'],
): Promise<{ principal: Principal; user: UserRow } | undefined> {
  const user = await findUser(db, { id: userId });
  if (!user || user.disabled) return undefined;
  const isUnscopedAdmin = user.roles.includes('admin') && user.orgUnits.length === 0;
  const principal: Principal = {
    userId: user.id,
    username: user.username,
    roles: user.roles,
    scope: isUnscopedAdmin ? 'ALL' : user.orgUnits.map((unit) => unit.id),
    via,
  };
  return { principal, user };
}
