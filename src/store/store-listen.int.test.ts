import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeListener } from './db.js';
import { openPostgresDb } from './postgres-driver.js';
import { eventually } from './testing/eventually.js';
import { createTestStore, type TestStore, testStoreKinds } from './testing/test-store.js';

const CHANNEL = 'tiaodu_test_changes';

describe.each(testStoreKinds())('change listeners on %s', (kind) => {
  let store: TestStore;
  let listener: ChangeListener;
  let changes = 0;
  beforeAll(async () => {
    store = await createTestStore(kind);
    listener = await store.db.listen(CHANNEL, () => {
      changes++;
    });
  });
  afterAll(async () => {
    await listener.close();
    await store.dispose();
  });

  it('is live and told of its own store’s commits before they resolve', async () => {
    expect(listener.live()).toBe(true);
    let before = changes;
    await store.db.transaction((tx) => tx.query("INSERT INTO source (code, name) VALUES ('L1', 'l')"));
    expect(changes).toBeGreaterThan(before);
    before = changes;
    await store.db.query("UPDATE source SET name = 'l2' WHERE code = 'L1'");
    expect(changes).toBeGreaterThan(before);
    before = changes;
    await store.db.exec("DELETE FROM source WHERE code = 'L1'");
    expect(changes).toBeGreaterThan(before);
  });

  it('is not told of reads or of a rolled-back transaction', async () => {
    const before = changes;
    await store.db.query('SELECT count(*) FROM source');
    await store.db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO source (code, name) VALUES ('L2', 'l')");
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(changes).toBe(before);
  });

  it('is told of a notification that another connection commits', async () => {
    const other = kind === 'postgres' && store.databaseUrl ? openPostgresDb(store.databaseUrl) : store.db;
    try {
      const before = changes;
      // A SELECT is not one of the store's own writes: only the notification can tell.
      await other.query(`SELECT pg_notify('${CHANNEL}', '')`);
      await eventually(() => changes > before);
    } finally {
      if (other !== store.db) await other.close();
    }
  });

  it('tells nothing more once closed', async () => {
    let calls = 0;
    const closing = await store.db.listen(CHANNEL, () => {
      calls++;
    });
    await closing.close();
    calls = 0;
    expect(closing.live()).toBe(false);
    await store.db.transaction((tx) => tx.query(`SELECT pg_notify('${CHANNEL}', '')`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(0);
  });

  it.runIf(kind === 'postgres')(
    'reports a lost connection as a change and listens again once reconnected',
    async () => {
      const before = changes;
      await store.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN "${CHANNEL}"'`,
      );
      await eventually(() => !listener.live());
      expect(changes).toBeGreaterThan(before);
      await eventually(() => listener.live());
      const other = openPostgresDb(store.databaseUrl ?? '');
      try {
        const reconnected = changes;
        await other.query(`SELECT pg_notify('${CHANNEL}', '')`);
        await eventually(() => changes > reconnected);
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(kind === 'postgres')(
    'leaves no listening connection when the store closes while it connects',
    async () => {
      const other = openPostgresDb(store.databaseUrl ?? '');
      const listening = other.listen('tiaodu_test_closing', () => undefined).catch(() => undefined);
      await other.close();
      await listening;
      const remaining = async () =>
        (
          await store.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND query = 'LISTEN "tiaodu_test_closing"'`,
          )
        )[0]?.n ?? -1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await remaining()).toBe(0);
    },
  );
});
