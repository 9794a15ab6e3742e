import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMetadata } from '../modules/metadata/metadata.service.js';
import { buildMetadataFixture } from '../modules/metadata/testing/metadata-fixture.js';
import { createTestStore, type TestStore, testStoreKinds } from './testing/test-store.js';

/** Migration 008: data_value's references to its parents, checked per statement. */
describe.each(testStoreKinds())('data value references on %s', (kind) => {
  let store: TestStore;
  let ids: Record<'pop' | 'births' | 'period' | 'unit' | 'otherUnit' | 'combo' | 'source', number>;

  beforeAll(async () => {
    store = await createTestStore(kind);
    await importMetadata(store.db, buildMetadataFixture());
    await store.db.exec(`INSERT INTO period (iso, type, start_date, end_date)
      VALUES ('202601', 'Monthly', '2026-01-01', '2026-01-31') ON CONFLICT DO NOTHING`);
    const [row] = await store.db.query<typeof ids>(
      `SELECT (SELECT id FROM data_element WHERE code = 'POP') AS pop,
              (SELECT id FROM data_element WHERE code = 'BIRTHS') AS births,
              (SELECT id FROM period WHERE iso = '202601') AS period,
              (SELECT id FROM org_unit WHERE code = 'QS0101') AS unit,
              (SELECT id FROM org_unit WHERE code = 'QS0102') AS "otherUnit",
              (SELECT c.id FROM option_combo c JOIN data_element e ON e.id = c.data_element_id
               WHERE e.code = 'POP') AS combo,
              (SELECT id FROM source WHERE code = 'STAT') AS source`,
    );
    if (!row) throw new Error('fixture ids missing');
    ids = row;
    await insertValue(ids.unit, ids.combo, '41000');
  });
  afterAll(async () => store.dispose());

  function insertValue(unit: number, combo: number, value: string, element = ids.pop) {
    return store.db.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
       VALUES ($1, $2, $3, $4, $5, $6::text, $6::text::float8)`,
      [element, ids.period, unit, combo, ids.source, value],
    );
  }

  it('refuses a value naming a parent that does not exist, naming the table and id, and writes nothing', async () => {
    await expect(insertValue(ids.otherUnit, 999_999, '1')).rejects.toMatchObject({
      code: '23503',
      message: 'data_value names option_combo 999999, which does not exist',
    });
    await expect(insertValue(888_888, ids.combo, '1')).rejects.toMatchObject({
      message: 'data_value names org_unit 888888, which does not exist',
    });
    const [count] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM data_value');
    expect(count?.n).toBe(1);
  });

  it('accepts many values in one statement when every parent exists', async () => {
    await store.db.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
       SELECT $1, $2, o.id, $3, $4, '5', 5 FROM org_unit o WHERE o.code LIKE 'QS02%'`,
      [ids.pop, ids.period, ids.combo, ids.source],
    );
    const [count] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM data_value');
    expect(count?.n).toBe(1 + 3);
  });

  it('refuses deleting a parent that values still name, and truncating one while values exist', async () => {
    await expect(store.db.query('DELETE FROM org_unit WHERE id = $1', [ids.unit])).rejects.toMatchObject({
      code: '23503',
      message: `org_unit ${ids.unit} still has data values`,
    });
    await expect(store.db.query('DELETE FROM option_combo WHERE id = $1', [ids.combo])).rejects.toMatchObject(
      {
        code: '23503',
      },
    );
    await expect(store.db.exec('TRUNCATE source CASCADE')).rejects.toMatchObject({ code: '23503' });
    const [unit] = await store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM org_unit WHERE id = $1',
      [ids.unit],
    );
    expect(unit?.n).toBe(1);
  });

  it('lets a parent without values go', async () => {
    await store.db.exec(`INSERT INTO source (code, name) VALUES ('SPARE', 'spare')`);
    await store.db.exec(`DELETE FROM source WHERE code = 'SPARE'`);
    expect(await store.db.query(`SELECT id FROM source WHERE code = 'SPARE'`)).toEqual([]);
  });

  it('keeps the key of a stored value fixed, and updates its value', async () => {
    await expect(
      store.db.query('UPDATE data_value SET org_unit_id = $1 WHERE org_unit_id = $2', [
        ids.otherUnit,
        ids.unit,
      ]),
    ).rejects.toMatchObject({ code: '23000' });
    await store.db.query(`UPDATE data_value SET value = '42000', num = 42000 WHERE org_unit_id = $1`, [
      ids.unit,
    ]);
    const [row] = await store.db.query<{ value: string }>(
      'SELECT value FROM data_value WHERE org_unit_id = $1',
      [ids.unit],
    );
    expect(row?.value).toBe('42000');
  });
});
