import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { CLI_PRINCIPAL, type Principal } from '../auth/principal.js';
import { readAuditSettings } from './audit.repository.js';
import { auditHowOf, setAuditActor } from './audit-actor.js';

const clerk: Principal = { userId: 12, username: '王芳', roles: ['clerk'], scope: [3], via: 'session' };

describe.each(testStoreKinds())('setAuditActor (%s)', (kind) => {
  let store: TestStore;
  let db: Db;

  beforeAll(async () => {
    store = await createTestStore(kind);
    db = store.db;
  });
  afterAll(() => store.dispose());

  it('sets user id, name, how and job id for the rest of the transaction', async () => {
    const seen = await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal: clerk, how: 'import', jobId: 'imp-42' });
      await tx.query('SELECT 1');
      return readAuditSettings(tx);
    });
    expect(seen).toEqual({ userId: '12', username: '王芳', how: 'import', jobId: 'imp-42' });
  });

  it('leaves nothing behind after the transaction ends', async () => {
    await db.transaction((tx) => setAuditActor(tx, { principal: clerk, how: 'form' }));
    const after = await db.transaction((tx) => readAuditSettings(tx));
    expect(after).toEqual({ userId: '', username: '', how: '', jobId: '' });
  });

  it('writes an empty user id for the CLI operator', async () => {
    const seen = await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal: CLI_PRINCIPAL, how: 'cli' });
      return readAuditSettings(tx);
    });
    expect(seen).toEqual({ userId: '', username: 'cli', how: 'cli', jobId: '' });
  });
});

describe('auditHowOf', () => {
  it('reads a bearer token as api, a session as the form and the operator as cli', () => {
    expect(auditHowOf({ ...clerk, via: 'token' })).toBe('api');
    expect(auditHowOf(clerk)).toBe('form');
    expect(auditHowOf(clerk, 'import')).toBe('import');
    expect(auditHowOf(CLI_PRINCIPAL)).toBe('cli');
  });
});
