import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../../store/testing/test-store.js';
import { CLI_PRINCIPAL } from '../../auth/principal.js';
import { saveDataValue } from '../entry/entry.service.js';
import { loadDataEntryFixture } from '../entry/testing/data-entry-fixture.js';
import { importDataValueFile } from '../import/index.js';
import { exportDataValues } from './export.service.js';

async function exportText(db: Db, format: 'json' | 'csv'): Promise<string> {
  const result = await exportDataValues(db, CLI_PRINCIPAL, {
    dataSet: 'MONTHLY',
    period: '202601,202602',
    format,
  });
  let text = '';
  for await (const chunk of result.chunks) text += chunk;
  return text;
}

/** What an import must reproduce: key, value, comment and follow-up (not who or when). */
function contentOf(json: string): string[] {
  const { dataValues } = JSON.parse(json) as { dataValues: Array<Record<string, unknown>> };
  return dataValues
    .map((v) =>
      [
        v.dataElement,
        v.period,
        v.orgUnit,
        v.categoryOptionCombo,
        v.attributeOptionCombo,
        v.value,
        v.comment ?? '',
        v.followup,
      ].join('|'),
    )
    .sort();
}

describe.each(testStoreKinds())('export then import (%s)', (kind) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDataEntryFixture(store.db);
    const save = (input: Parameters<typeof saveDataValue>[2]) =>
      saveDataValue(store.db, CLI_PRINCIPAL, input, { storedBy: 'alice' });
    await save({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      value: '12',
      comment: 'checked, "twice"\nagain',
    });
    await save({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0102',
      categoryOptionCombo: 'F.3P',
      value: '7',
      followup: true,
    });
    await save({ dataElement: 'POP', period: '202602', orgUnit: 'QS0201', value: '41000' });
    await save({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      attributeOptionCombo: 'HOSP',
      value: '11',
    });
  });
  afterAll(async () => store?.dispose());

  it('re-imports its own JSON export as unchanged values', async () => {
    const json = await exportText(store.db, 'json');
    const summary = await importDataValueFile(store.db, { stream: Readable.from([json]), format: 'json' });
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 4, deleted: 0 });
  });

  it('restores the same values from its CSV export into an emptied store', async () => {
    const before = await exportText(store.db, 'json');
    const csv = await exportText(store.db, 'csv');
    await store.db.query('DELETE FROM data_value');
    const summary = await importDataValueFile(store.db, { stream: Readable.from([csv]), format: 'csv' });
    expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 4 } });
    expect(contentOf(await exportText(store.db, 'json'))).toEqual(contentOf(before));
  });
});
