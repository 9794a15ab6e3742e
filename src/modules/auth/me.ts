import type { Queryable } from '../../store/db.js';
import type { TMe } from './auth.schema.js';
import type { Principal } from './principal.js';
import { findUser } from './users.repository.js';

/** What `GET /api/auth/me` answers for `principal`. */
export async function presentMe(db: Queryable, principal: Principal, csrfToken: string | null): Promise<TMe> {
  const user = principal.userId === null ? undefined : await findUser(db, { id: principal.userId });
  const orgUnits = (user?.orgUnits ?? []).map(({ code, name, nameEn, level }) => ({
    code,
    name,
    nameEn,
    level,
  }));
  return {
    user: { id: principal.userId, username: principal.username },
    roles: [...principal.roles],
    orgUnits,
    scope: principal.scope === 'ALL' ? 'ALL' : orgUnits.map((unit) => unit.code),
    via: principal.via,
    csrfToken,
  };
}
