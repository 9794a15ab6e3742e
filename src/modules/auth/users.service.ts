import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { auditHowOf, setAuditActor } from '../audit/audit-actor.js';
import {
  type TCreateUserInput,
  type TUpdateUserInput,
  type TUser,
  ZPassword,
  ZUsername,
} from './auth.schema.js';
import type { Principal, TRole } from './principal.js';
import { generatePassword, hashPassword } from './secrets.js';
import { deleteUserSessions } from './sessions.repository.js';
import {
  countEnabledAdmins,
  findOrgUnitIds,
  findUser,
  insertUser,
  listUserRows,
  replaceUserOrgUnits,
  replaceUserRoles,
  type UserRow,
  updateUserDisabled,
  updateUserPassword,
} from './users.repository.js';

/** Users: create, list, change roles and org units, disable, reset passwords. */

/** A user row as the API and CLI present it. */
export function presentUser(row: UserRow): TUser {
  return {
    id: row.id,
    username: row.username,
    roles: row.roles,
    orgUnits: row.orgUnits.map(({ code, name, nameEn, level }) => ({ code, name, nameEn, level })),
    disabled: row.disabled,
    created: row.created.toISOString(),
  };
}

/** Org-unit ids for `codes`; NOT_FOUND naming the first unknown code. */
async function resolveOrgUnits(db: Queryable, codes: readonly string[]): Promise<number[]> {
  const ids = await findOrgUnitIds(db, codes);
  const unknown = codes.find((code) => !ids.has(code));
  if (unknown !== undefined)
    throw new AppError('NOT_FOUND', `org unit "${unknown}" not found`, { what: 'orgUnit', code: unknown });
  return [...new Set(codes.map((code) => ids.get(code) as number))];
}

/** `value` checked by `schema`, or VALIDATION_FAILED naming the field. */
function check<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'invalid';
  throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ path: field, message }] });
}

/**
 * Creates a user with roles and org units. `actor` is who does it (recorded by the audit trail).
 * CONFLICT when the name is taken.
 */
export async function createUser(db: Db, input: TCreateUserInput, actor: Principal): Promise<TUser> {
  const username = check(ZUsername, input.username, 'username');
  check(ZPassword, input.password, 'password');
  if (input.roles.length === 0) throw new AppError('VALIDATION_FAILED', 'roles: at least one role');
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal: actor, how: auditHowOf(actor) });
    const orgUnitIds = await resolveOrgUnits(tx, input.orgUnits);
    const userId = await insertUser(tx, { username, passwordHash });
    if (userId === undefined)
      throw new AppError('CONFLICT', `user "${username}" already exists`, { username });
    await replaceUserRoles(tx, userId, input.roles);
    await replaceUserOrgUnits(tx, userId, orgUnitIds);
    return userId;
  });
  return getUser(db, { id });
}

/** One user; NOT_FOUND when there is none. */
export async function getUser(db: Queryable, where: { id: number } | { username: string }): Promise<TUser> {
  const row = await findUser(db, where);
  if (!row) throw new AppError('NOT_FOUND', `user "${'id' in where ? where.id : where.username}" not found`);
  return presentUser(row);
}

/** Every user, by name. */
export async function listUsers(db: Queryable): Promise<TUser[]> {
  return (await listUserRows(db)).map(presentUser);
}

/**
 * Changes what `changes` names: roles, org units (replaced), disabled. Disabling ends the user's
 * sessions. CONFLICT when it would leave no enabled admin.
 */
export async function updateUser(
  db: Db,
  where: { id: number } | { username: string },
  changes: TUpdateUserInput,
  actor: Principal,
): Promise<TUser> {
  const id = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal: actor, how: auditHowOf(actor) });
    const user = await findUser(tx, where);
    if (!user)
      throw new AppError('NOT_FOUND', `user "${'id' in where ? where.id : where.username}" not found`);
    if (changes.roles) await replaceUserRoles(tx, user.id, changes.roles);
    if (changes.orgUnits) await replaceUserOrgUnits(tx, user.id, await resolveOrgUnits(tx, changes.orgUnits));
    if (changes.disabled !== undefined) {
      await updateUserDisabled(tx, user.id, changes.disabled);
      if (changes.disabled) await deleteUserSessions(tx, user.id);
    }
    if (user.roles.includes('admin') && (await countEnabledAdmins(tx)) === 0)
      throw new AppError('CONFLICT', 'at least one enabled admin must remain', { username: user.username });
    return user.id;
  });
  return getUser(db, { id });
}

/**
 * Sets a new password (a random one when none is given) and ends the user's sessions.
 * Returns the password that was set.
 */
export async function resetPassword(
  db: Db,
  where: { id: number } | { username: string },
  password: string | undefined,
  actor: Principal,
): Promise<string> {
  const next = password ?? generatePassword();
  check(ZPassword, next, 'password');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal: actor, how: auditHowOf(actor) });
    const user = await findUser(tx, where);
    if (!user)
      throw new AppError('NOT_FOUND', `user "${'id' in where ? where.id : where.username}" not found`);
    await updateUserPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
  });
  return next;
}

/**
 * Creates the `admin` user when it does not exist (tiaodu init), with `password` or a random one.
 * `generatedPassword` is the random password to print once (null when given or not created).
 */
export async function ensureAdminUser(
  db: Db,
  password: string | undefined,
  actor: Principal,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if (await findUser(db, { username: 'admin' })) return { created: false, generatedPassword: null };
  const chosen = password ?? generatePassword();
  const roles: TRole[] = ['admin'];
  await createUser(db, { username: 'admin', password: chosen, roles, orgUnits: [] }, actor);
  return { created: true, generatedPassword: password ? null : chosen };
}
