import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { buildMetadataFixture } from '../metadata/testing/metadata-fixture.js';
import { CLI_PRINCIPAL } from './principal.js';
import { findActivePrincipal } from './principals.js';
import { createUser, ensureAdminUser, getUser, resetPassword, updateUser } from './users.service.js';

describe.each(testStoreKinds())('users on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await importMetadata(store.db, buildMetadataFixture(), { dryRun: false });
  }, 60_000);
  afterAll(async () => store?.dispose());

  it('creates admin once, with the given password or a random one to print', async () => {
    expect(await ensureAdminUser(store.db, undefined, CLI_PRINCIPAL)).toEqual({
      created: true,
      generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/),
    });
    expect(await ensureAdminUser(store.db, 'another password', CLI_PRINCIPAL)).toEqual({
      created: false,
      generatedPassword: null,
    });
    const [row] = await store.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM app_user WHERE username = 'admin'",
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('gives a clerk the ids of the assigned org units as scope, and an unscoped admin ALL', async () => {
    const clerk = await createUser(
      store.db,
      { username: 'clerk-qs01', password: 'clerk password', roles: ['clerk'], orgUnits: ['QS01', 'QS0201'] },
      CLI_PRINCIPAL,
    );
    const ids = await store.db.query<{ id: number }>(
      "SELECT id FROM org_unit WHERE code IN ('QS01', 'QS0201') ORDER BY path",
    );
    const clerkPrincipal = await findActivePrincipal(store.db, clerk.id, 'session');
    expect(clerkPrincipal?.principal.scope).toEqual(ids.map((row) => row.id));
    const admin = await getUser(store.db, { username: 'admin' });
    expect((await findActivePrincipal(store.db, admin.id, 'token'))?.principal.scope).toBe('ALL');
  });

  it('gives a user assigned the top of the tree the whole tree (ALL)', async () => {
    const cityClerk = await createUser(
      store.db,
      { username: 'clerk-city', password: 'clerk password', roles: ['clerk'], orgUnits: ['QS'] },
      CLI_PRINCIPAL,
    );
    expect((await findActivePrincipal(store.db, cityClerk.id, 'session'))?.principal.scope).toBe('ALL');
  });

  it('refuses a taken name, an unknown org unit and a short password with their codes', async () => {
    const input = {
      username: 'clerk-qs01',
      password: 'long enough',
      roles: ['clerk' as const],
      orgUnits: [],
    };
    await expect(createUser(store.db, input, CLI_PRINCIPAL)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createUser(store.db, { ...input, username: 'x', orgUnits: ['NOPE'] }, CLI_PRINCIPAL),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'org unit "NOPE" not found' });
    await expect(
      createUser(store.db, { ...input, username: 'y', password: 'short' }, CLI_PRINCIPAL),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'password: at least 8 characters' });
    expect((await store.db.query("SELECT 1 FROM app_user WHERE username IN ('x', 'y')")).length).toBe(0);
  });

  it('replaces roles and org units, and keeps at least one enabled admin', async () => {
    const changed = await updateUser(
      store.db,
      { username: 'clerk-qs01' },
      { roles: ['approver', 'clerk'], orgUnits: ['QS02'] },
      CLI_PRINCIPAL,
    );
    expect(changed).toMatchObject({ roles: ['approver', 'clerk'], orgUnits: [{ code: 'QS02', level: 2 }] });
    await expect(
      updateUser(store.db, { username: 'admin' }, { disabled: true }, CLI_PRINCIPAL),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'at least one enabled admin must remain',
    });
    await expect(
      updateUser(store.db, { username: 'admin' }, { roles: ['analyst'] }, CLI_PRINCIPAL),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getUser(store.db, { username: 'admin' })).roles).toEqual(['admin']);
  });

  it('ends a user’s sessions when the password is reset or the user disabled', async () => {
    const user = await getUser(store.db, { username: 'clerk-qs01' });
    const addSession = (id: string) =>
      store.db.query("INSERT INTO auth_session (id_hash, user_id, csrf_token) VALUES ($1, $2, 'c')", [
        id,
        user.id,
      ]);
    const sessionCount = async () =>
      (await store.db.query('SELECT 1 FROM auth_session WHERE user_id = $1', [user.id])).length;
    await addSession('a');
    await addSession('b');
    expect(await resetPassword(store.db, { username: 'clerk-qs01' }, 'new password!', CLI_PRINCIPAL)).toBe(
      'new password!',
    );
    expect(await sessionCount()).toBe(0);
    await addSession('c');
    await updateUser(store.db, { id: user.id }, { disabled: true }, CLI_PRINCIPAL);
    expect(await sessionCount()).toBe(0);
    expect(await findActivePrincipal(store.db, user.id, 'session')).toBeUndefined();
  });
});
