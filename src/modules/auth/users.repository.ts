import type { Queryable } from '../../store/db.js';
import type { TRole } from './principal.js';

/** SQL of app_user, user_role and user_org_unit. */

/** A user row with what sign-in needs. */
export interface UserCredentialRow {
  id: number;
  username: string;
  passwordHash: string;
  disabled: boolean;
}

/** A user with roles and assigned org units, for lists and principals. */
export interface UserRow {
  id: number;
  username: string;
  disabled: boolean;
  created: Date;
  roles: TRole[];
  orgUnits: Array<{ id: number; code: string; name: string; nameEn: string | null; level: number }>;
}

const USER_COLUMNS = `
  u.id, u.username, u.disabled, u.created,
  COALESCE((SELECT json_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '[]') AS roles,
  COALESCE((SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name,
      'nameEn', o.name_en, 'level', o.level) ORDER BY o.path)
    FROM user_org_unit uo JOIN org_unit o ON o.id = uo.org_unit_id WHERE uo.user_id = u.id), '[]') AS "orgUnits"`;

type RawUserRow = Omit<UserRow, 'roles' | 'orgUnits'> & { roles: unknown; orgUnits: unknown };

function toUserRow(row: RawUserRow): UserRow {
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  return { ...row, roles: parse<TRole[]>(row.roles), orgUnits: parse<UserRow['orgUnits']>(row.orgUnits) };
}

/** Inserts a user; returns its id, or undefined when the name is taken. */
export async function insertUser(
  db: Queryable,
  user: { username: string; passwordHash: string },
): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO app_user (username, password_hash) VALUES ($1, $2)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [user.username, user.passwordHash],
  );
  return rows[0]?.id;
}

/** Replaces a user's roles. */
export async function replaceUserRoles(
  db: Queryable,
  userId: number,
  roles: readonly TRole[],
): Promise<void> {
  await db.query('DELETE FROM user_role WHERE user_id = $1', [userId]);
  await db.query(
    `INSERT INTO user_role (user_id, role)
     SELECT $1, r FROM jsonb_array_elements_text($2::jsonb) AS r ON CONFLICT DO NOTHING`,
    [userId, JSON.stringify(roles)],
  );
}

/** Replaces a user's assigned org units. */
export async function replaceUserOrgUnits(
  db: Queryable,
  userId: number,
  orgUnitIds: readonly number[],
): Promise<void> {
  await db.query('DELETE FROM user_org_unit WHERE user_id = $1', [userId]);
  await db.query(
    `INSERT INTO user_org_unit (user_id, org_unit_id)
     SELECT $1, id::int FROM jsonb_array_elements_text($2::jsonb) AS id ON CONFLICT DO NOTHING`,
    [userId, JSON.stringify(orgUnitIds)],
  );
}

/** Ids of the org units with these codes, by code (unknown codes are absent). */
export async function findOrgUnitIds(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; code: string }>(
    'SELECT id, code FROM org_unit WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(codes)],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The user named `username` with its password hash, or undefined. */
export async function findUserCredentials(
  db: Queryable,
  username: string,
): Promise<UserCredentialRow | undefined> {
  const rows = await db.query<UserCredentialRow>(
    `SELECT id, username, password_hash AS "passwordHash", disabled FROM app_user WHERE username = $1`,
    [username],
  );
  return rows[0];
}

/** One user with roles and org units, or undefined. */
export async function findUser(
  db: Queryable,
  where: { id: number } | { username: string },
): Promise<UserRow | undefined> {
  const [condition, value] = 'id' in where ? ['u.id = $1', where.id] : ['u.username = $1', where.username];
  const rows = await db.query<RawUserRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE ${condition}`, [
    value,
  ]);
  return rows[0] ? toUserRow(rows[0]) : undefined;
}

/** Every user, by name. */
export async function listUserRows(db: Queryable): Promise<UserRow[]> {
  const rows = await db.query<RawUserRow>(`SELECT ${USER_COLUMNS} FROM app_user u ORDER BY u.username`);
  return rows.map(toUserRow);
}

export async function updateUserDisabled(db: Queryable, userId: number, disabled: boolean): Promise<void> {
  await db.query('UPDATE app_user SET disabled = $2 WHERE id = $1', [userId, disabled]);
}

export async function updateUserPassword(db: Queryable, userId: number, passwordHash: string): Promise<void> {
  await db.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Number of enabled users holding the admin role. */
export async function countEnabledAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM app_user u JOIN user_role r ON r.user_id = u.id
     WHERE r.role = 'admin' AND NOT u.disabled`,
  );
  return rows[0]?.count ?? 0;
}
