import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { CLI_PRINCIPAL } from '../auth/principal.js';
import { saveDataValue } from '../data-values/entry/entry.service.js';
import { importDataValueFile } from '../data-values/import/import-file.js';
import { changeApproval } from './approval.service.js';
import { lockPeriodForApproval, lockPeriodsForWriting } from './period-write-lock.js';
import { currentMonth, loadApprovalFixture } from './testing/approval-fixture.js';

const PERIOD = currentMonth();
const EAST = { dataSet: 'MONTHLY', period: PERIOD, orgUnit: 'QS01' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Runs `work` in a transaction that stays open until the returned `release()`. */
function holdTransaction(
  db: Db,
  work: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<void>,
) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let ready = () => {};
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const done = db.transaction(async (tx) => {
    await work(tx);
    ready();
    await released;
  });
  return { started, release, done };
}

/** Tracks whether a promise has settled yet. */
function watch<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}

// Interleaving needs two connections: the PostgreSQL server only (PGlite has one connection).
const servers = testStoreKinds().filter((kind) => kind === 'postgres');

describe.each(servers)('approval against writes in flight on the %s server', () => {
  let store: TestStore;
  const save = (orgUnit: string, value: string) =>
    saveDataValue(
      store.db,
      CLI_PRINCIPAL,
      { dataElement: 'POP', period: PERIOD, orgUnit, dataSet: 'MONTHLY', value },
      { storedBy: 'cli' },
    );

  /** An approval of 东城区 between its lock and its commit: committed at `release()`. */
  const holdApprovalOfEast = () =>
    holdTransaction(store.db, async (tx) => {
      await lockPeriodForApproval(tx, PERIOD);
      await tx.query(
        `INSERT INTO data_approval (data_set_id, period_id, org_unit_id, approved_by)
         SELECT d.id, p.id, o.id, 'cli' FROM data_set d, period p, org_unit o
         WHERE d.code = 'MONTHLY' AND p.iso = $1 AND o.code = 'QS01'`,
        [PERIOD],
      );
    });

  beforeAll(async () => {
    store = await createTestStore('postgres');
    await loadApprovalFixture(store.db);
    await save('QS0101', '52000');
    await save('QS0102', '31000');
  });
  afterAll(async () => store?.dispose());

  it('makes an approval wait for a write of its period in flight', async () => {
    const writer = holdTransaction(store.db, (tx) => lockPeriodsForWriting(tx, [PERIOD]));
    await writer.started;
    const approval = watch(changeApproval(store.db, 'approve', EAST, CLI_PRINCIPAL));
    await settle();
    expect(approval.settled).toBe(false);
    writer.release();
    await writer.done;
    await expect(approval.promise).resolves.toMatchObject({ state: 'APPROVED' });
    await changeApproval(store.db, 'unapprove', EAST, CLI_PRINCIPAL);
  });

  it('refuses a form save that reached its check while an approval was committing', async () => {
    const approver = holdApprovalOfEast();
    await approver.started;
    const saving = watch(save('QS0101', '53000'));
    await settle();
    expect(saving.settled).toBe(false);
    approver.release();
    await approver.done;
    await expect(saving.promise).rejects.toMatchObject({ code: 'APPROVED_READ_ONLY' });
    const [stored] = await store.db.query<{ value: string }>(
      `SELECT value FROM data_value WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = 'QS0101')`,
    );
    expect(stored?.value).toBe('52000');
    await changeApproval(store.db, 'unapprove', EAST, CLI_PRINCIPAL);
  });

  it('turns an import’s rows into conflicts when their period was approved after the file checks', async () => {
    const approver = holdApprovalOfEast();
    await approver.started;
    const csv = `dataelement,period,orgunit,value\nPOP,${PERIOD},QS0101,54000\nPOP,${PERIOD},QS0201,8000\n`;
    // The file checks see no approval yet (it is not committed); the merge waits for it.
    const importing = watch(
      importDataValueFile(
        store.db,
        { stream: Readable.from([csv]), format: 'csv' },
        { importStrategy: 'SKIP_INVALID' },
      ),
    );
    await settle();
    expect(importing.settled).toBe(false);
    approver.release();
    await approver.done;
    const summary = await importing.promise;
    expect(summary.importCount).toMatchObject({ imported: 1, updated: 0 });
    expect(summary.conflicts).toEqual([
      expect.objectContaining({
        row: 2,
        property: 'orgUnit',
        value: expect.stringContaining('is approved for QS01'),
      }),
    ]);
    const values = await store.db.query<{ code: string; value: string }>(
      `SELECT o.code, dv.value FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id ORDER BY o.code`,
    );
    expect(values).toEqual([
      { code: 'QS0101', value: '52000' },
      { code: 'QS0102', value: '31000' },
      { code: 'QS0201', value: '8000' },
    ]);
  });
});
