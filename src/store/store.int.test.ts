import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, testStoreKinds } from './testing/test-store.js';

describe.each(testStoreKinds())('store on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
  });
  afterAll(async () => store.dispose());

  it('starts migrated and empty', async () => {
    const rows = await store.db.query<{ count: number }>('SELECT count(*)::int8 AS count FROM data_value');
    expect(rows).toEqual([{ count: 0 }]);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query("INSERT INTO source (code, name) VALUES ('X', 'x')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.db.query("SELECT code FROM source WHERE code = 'X'")).toEqual([]);
  });

  it('copies CSV rows in with COPY, inside a transaction', async () => {
    async function* rows() {
      yield 'A,"Source, with comma"\n';
      yield 'B,"源"\n';
    }
    const copied = await store.db.transaction((tx) => tx.copyFromCsv('source', ['code', 'name'], rows()));
    expect(copied).toBe(2);
    expect(await store.db.query('SELECT code, name FROM source ORDER BY code')).toEqual([
      { code: 'A', name: 'Source, with comma' },
      { code: 'B', name: '源' },
    ]);
  });
});
