import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import type { Principal } from '../auth/principal.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { buildMetadataFixture } from '../metadata/testing/metadata-fixture.js';
import { setAuditActor } from './audit-actor.js';

const clerk: Principal = { userId: null, username: '李娜', roles: ['clerk'], scope: 'ALL', via: 'session' };

interface AuditRow {
  username: string;
  how: string;
  jobId: string | null;
  entity: string;
  entityKey: Record<string, unknown>;
  action: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
}

describe.each(testStoreKinds())('audit triggers (%s)', (kind) => {
  let store: TestStore;
  let db: Db;

  beforeAll(async () => {
    store = await createTestStore(kind);
    db = store.db;
    await importMetadata(db, buildMetadataFixture());
  });
  afterAll(() => store.dispose());

  async function auditRows(where: string): Promise<AuditRow[]> {
    return db.query<AuditRow>(
      `SELECT username, how, job_id AS "jobId", entity, entity_key AS "entityKey", action,
              old_value AS "oldValue", new_value AS "newValue"
       FROM audit_log WHERE ${where} ORDER BY id`,
    );
  }

  /** A statement inserting one BIRTHS value for QS0101, January 2026. */
  const valueKey = `(SELECT id FROM data_element WHERE code = 'BIRTHS'), (SELECT id FROM period WHERE iso = '202601'),
     (SELECT id FROM org_unit WHERE code = 'QS0101'),
     (SELECT oc.id FROM option_combo oc JOIN data_element de ON de.id = oc.data_element_id
      WHERE de.code = 'BIRTHS' AND oc.code = 'M.1'), (SELECT id FROM source WHERE code = 'HOSP')`;

  it('records each metadata entry created by an import as the importer’s', async () => {
    const rows = await auditRows(`entity = 'org_unit' AND entity_key->>'code' = 'QS0201'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'cli', how: 'cli', action: 'create', oldValue: null });
    expect(rows[0]?.newValue).toMatchObject({ code: 'QS0201', name: '石桥镇' });
    const target = await auditRows(`entity = 'target'`);
    expect(target.map((row) => row.entityKey)).toEqual([{ indicator: 'CBR', orgUnit: 'QS', year: 2026 }]);
  });

  it('records a value’s create, update and delete with old and new value, who and how', async () => {
    await db.exec(`INSERT INTO period (iso, type, start_date, end_date)
      VALUES ('202601', 'Monthly', '2026-01-01', '2026-01-31') ON CONFLICT DO NOTHING`);
    await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal: clerk, how: 'import', jobId: 'job-1' });
      await tx.exec(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
        VALUES (${valueKey}, '12', 12)`);
    });
    await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal: clerk, how: 'form' });
      await tx.exec(`UPDATE data_value SET value = '13', num = 13, comment = '补报'`);
      await tx.exec(`UPDATE data_value SET last_updated = now()`);
      await tx.exec('DELETE FROM data_value');
    });
    const rows = await auditRows(`entity = 'data_value'`);
    const key = {
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      optionCombo: 'M.1',
      source: 'HOSP',
    };
    expect(rows).toEqual([
      {
        username: '李娜',
        how: 'import',
        jobId: 'job-1',
        entity: 'data_value',
        entityKey: key,
        action: 'create',
        oldValue: null,
        newValue: { value: '12' },
      },
      {
        username: '李娜',
        how: 'form',
        jobId: null,
        entity: 'data_value',
        entityKey: key,
        action: 'update',
        oldValue: { value: '12', comment: null },
        newValue: { value: '13', comment: '补报' },
      },
      {
        username: '李娜',
        how: 'form',
        jobId: null,
        entity: 'data_value',
        entityKey: key,
        action: 'delete',
        oldValue: { value: '13', comment: '补报' },
        newValue: null,
      },
    ]);
  });

  it('records a change without an actor as the system, under the database user’s name', async () => {
    await db.exec(`INSERT INTO source (code, name) VALUES ('SURVEY', '抽样调查')`);
    const [row] = await auditRows(`entity = 'source' AND entity_key->>'code' = 'SURVEY'`);
    expect(row).toMatchObject({ how: 'system', action: 'create', jobId: null, newValue: { code: 'SURVEY' } });
    expect(row?.username).toMatch(/\S/);
  });

  it('records only the changed fields of a metadata update', async () => {
    await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal: clerk, how: 'api' });
      await tx.exec(`UPDATE org_unit SET name = '石桥街道' WHERE code = 'QS0201'`);
    });
    const rows = await auditRows(`entity = 'org_unit' AND action = 'update'`);
    expect(rows).toEqual([
      expect.objectContaining({
        how: 'api',
        entityKey: { code: 'QS0201' },
        oldValue: { name: '石桥镇' },
        newValue: { name: '石桥街道' },
      }),
    ]);
  });

  it('shows a password change as a changed fingerprint, never the hash', async () => {
    await db.exec(`INSERT INTO app_user (username, password_hash) VALUES ('zhao', '$argon2id$secret-one')`);
    await db.exec(`UPDATE app_user SET password_hash = '$argon2id$secret-two' WHERE username = 'zhao'`);
    const rows = await auditRows(`entity = 'user'`);
    expect(rows.map((row) => row.action)).toEqual(['create', 'update']);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('secret');
    expect(rows[1]?.oldValue?.password_hash).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(rows[1]?.newValue?.password_hash).not.toEqual(rows[1]?.oldValue?.password_hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    const before = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    await expect(db.exec(`UPDATE audit_log SET username = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const after = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    expect(after).toEqual(before);
  });
});
