import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import type { Principal } from '../auth/principal.js';
import { csvOf, importText, listStoredValues } from '../data-values/import/testing/import-fixture.js';
import { loadApprovalFixture } from './testing/approval-fixture.js';

/** A clerk of the whole city: bound by expiry locks (unlike admins and the CLI operator). */
const CITY_CLERK: Principal = {
  userId: 2,
  username: 'city-clerk',
  roles: ['clerk'],
  scope: 'ALL',
  via: 'token',
};

describe.each(testStoreKinds())('import into locked periods (%s)', (kind) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadApprovalFixture(store.db);
  });
  afterAll(async () => store?.dispose());

  it('accepts a period on the last of its expiry days and refuses it the day after', async () => {
    const csv = csvOf([['POP', '202401', 'QS0101', '', '', '50000']]);
    const open = await importText(store.db, 'csv', csv, { today: '2024-02-10', principal: CITY_CLERK });
    expect(open).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    const closed = await importText(store.db, 'csv', csvOf([['POP', '202401', 'QS0101', '', '', '50001']]), {
      today: '2024-02-11',
      principal: CITY_CLERK,
    });
    expect(closed.status).toBe('ERROR');
    expect(closed.conflicts).toEqual([
      {
        row: 2,
        property: 'period',
        object: 'POP 202401 QS0101 default STAT',
        value:
          'period 202401 of data set MONTHLY is locked since 2024-02-11, 10 days after the period ended: ' +
          'an approver or admin can unlock it by granting a lock exception for QS0101',
      },
    ]);
  });

  it('lets the operator (admin) load an expired period, as a new deployment loads past years', async () => {
    const csv = csvOf([['POP', '202406', 'QS0202', '', '', '6']]);
    const summary = await importText(store.db, 'csv', csv, { today: '2025-01-01' });
    expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
  });

  it('reports a repeated locked key once as locked and once as a duplicate, and never writes it', async () => {
    const csv = csvOf([
      ['POP', '202402', 'QS0102', '', '', '1'],
      ['POP', '202402', 'QS0102', '', '', '2'],
      ['POP', '202403', 'QS0102', '', '', '3'],
    ]);
    const summary = await importText(store.db, 'csv', csv, {
      today: '2024-03-15',
      principal: CITY_CLERK,
      importStrategy: 'SKIP_INVALID',
    });
    expect(summary.conflicts.map((conflict) => [conflict.row, conflict.property])).toEqual([
      [2, 'period'],
      [3, 'dataValue'],
    ]);
    expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 2, deleted: 0 });
    const stored = await listStoredValues(store.db);
    expect(stored.filter((line) => line.includes('QS0102'))).toEqual(['POP 202403 QS0102 default STAT=3']);
  });

  it('counts locked rows in a dry run without writing them', async () => {
    const csv = csvOf([
      ['POP', '202404', 'QS0201', '', '', '7'],
      ['POP', '202405', 'QS0201', '', '', '8'],
    ]);
    const summary = await importText(store.db, 'csv', csv, {
      today: '2024-05-20',
      principal: CITY_CLERK,
      importStrategy: 'SKIP_INVALID',
      dryRun: true,
    });
    expect(summary).toMatchObject({
      status: 'WARNING',
      dryRun: true,
      importCount: { imported: 1, updated: 0, ignored: 1, deleted: 0 },
    });
    expect((await listStoredValues(store.db)).some((line) => line.includes('QS0201'))).toBe(false);
  });
});
