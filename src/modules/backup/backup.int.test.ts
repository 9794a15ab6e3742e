import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { openPgliteDb } from '../../store/pglite-driver.js';
import { openPostgresDb } from '../../store/postgres-driver.js';
import {
  createTestStore,
  databaseUrlFor,
  type TestStore,
  testStoreKinds,
} from '../../store/testing/test-store.js';
import { TEST_DB_PREFIX, withDatabase } from '../../store/testing/test-templates.js';
import { dataValueChecksum } from './backup.repository.js';
import { backupStore, restoreStore } from './backup.service.js';

/** A few rows in every table a data value needs, written with plain SQL. */
async function seedValues(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO org_unit (code, name, level, path) VALUES ('QS', '青山市', 1, '/QS');
    INSERT INTO source (code, name) VALUES ('STAT', '统计报表');
    INSERT INTO data_element (code, name, value_type, aggregation) VALUES ('BIRTHS', '出生人数', 'INTEGER', 'SUM');
    INSERT INTO option_combo (data_element_id, code) VALUES (1, 'default');
    INSERT INTO period (iso, type, start_date, end_date) VALUES ('202601', 'Monthly', '2026-01-01', '2026-01-31'),
      ('202602', 'Monthly', '2026-02-01', '2026-02-28');
    INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num, comment)
      VALUES (1, 1, 1, 1, 1, '12', 12, 'a ''quoted'' comment'), (1, 2, 1, 1, 1, '7', 7, NULL);`);
}

describe.each(testStoreKinds())('backup and restore on %s', (kind) => {
  let store: TestStore;
  let folder: string;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await seedValues(store.db);
    folder = mkdtempSync(join(tmpdir(), 'tiaodu-backup-'));
  });
  afterAll(async () => {
    await store.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores a backup into an empty store with the same values', async () => {
    const before = await dataValueChecksum(store.db);
    expect(before.count).toBe(2);
    const file = join(folder, 'backup.bin');
    const serverUrl = process.env.DATABASE_URL ?? '';
    const emptyName = `${TEST_DB_PREFIX}restore`;
    const target =
      kind === 'pglite'
        ? { dataDir: join(folder, 'restored') }
        : { dataDir: folder, databaseUrl: databaseUrlFor(serverUrl, emptyName) };
    await backupStore(store.db, { dataDir: folder, databaseUrl: store.databaseUrl }, file);
    if (kind === 'postgres')
      await withDatabase(serverUrl, (client) => client.query(`CREATE DATABASE ${emptyName}`));
    await restoreStore(target, file);

    const restored =
      kind === 'pglite'
        ? await openPgliteDb({ dataDir: target.dataDir })
        : openPostgresDb(target.databaseUrl ?? '');
    try {
      expect(await dataValueChecksum(restored)).toEqual(before);
    } finally {
      await restored.close();
      if (kind === 'postgres') {
        await withDatabase(serverUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`),
        );
      }
    }
  });

  it('refuses to restore over a store that has data', async () => {
    const file = join(folder, 'again.bin');
    await backupStore(store.db, { dataDir: folder, databaseUrl: store.databaseUrl }, file);
    const target =
      kind === 'pglite'
        ? { dataDir: join(folder, 'restored') }
        : { dataDir: folder, databaseUrl: store.databaseUrl };
    await expect(restoreStore(target, file)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
