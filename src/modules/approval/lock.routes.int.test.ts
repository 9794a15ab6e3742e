import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson, startTestApp, type TestApp, type TestCaller } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { csvOf } from '../data-values/import/testing/import-fixture.js';
import { currentMonth, loadApprovalFixture } from './testing/approval-fixture.js';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> | null };
}

/** January 2024 ended long ago: with expiryDays 10 it is locked since 2024-02-11. */
const CLOSED = '202401';
const OPEN = currentMonth();
const EXCEPTION = { dataSet: 'MONTHLY', period: CLOSED, orgUnit: 'QS01' };

describe.each(testStoreKinds())('expiry locks and lock exceptions over HTTP (%s)', (kind) => {
  let server: TestApp;
  let clerk: TestCaller;
  let eastApprover: TestCaller;
  let westApprover: TestCaller;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadApprovalFixture(server.store.db);
    clerk = await server.createUser({ username: 'clerk', roles: ['clerk'], orgUnits: ['QS'] });
    eastApprover = await server.createUser({
      username: 'east-approver',
      roles: ['approver'],
      orgUnits: ['QS01'],
    });
    westApprover = await server.createUser({
      username: 'west-approver',
      roles: ['approver'],
      orgUnits: ['QS02'],
    });
  });
  afterAll(async () => server?.close());

  const enter = (orgUnit: string, period: string, value: string, version?: number) =>
    callJson(clerk, 'POST', '/api/dataValues', {
      dataElement: 'POP',
      period,
      orgUnit,
      value,
      ...(version === undefined ? {} : { version }),
    });
  const importCsv = async (csv: string, query = '') => {
    const response = await clerk.fetch(`/api/dataValueSets${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const errorOf = (body: Record<string, unknown>) => (body as unknown as ErrorBody).error;

  it('refuses entry into an expired period with PERIOD_LOCKED, saying since when and who can unlock', async () => {
    const refused = await enter('QS0101', CLOSED, '50000');
    expect(refused.status).toBe(409);
    const error = errorOf(refused.body);
    expect(error.code).toBe('PERIOD_LOCKED');
    expect(error.message).toContain('locked since 2024-02-11');
    expect(error.message).toContain('an approver or admin can unlock it');
    expect(error.details).toMatchObject({
      dataSet: 'MONTHLY',
      period: CLOSED,
      expiryDays: 10,
      lockDate: '2024-02-11',
    });
    expect((await enter('QS0101', OPEN, '50000')).status).toBe(200);
  });

  it('marks the form of an expired period as locked, with the reason', async () => {
    const form = await callJson(
      clerk,
      'GET',
      `/api/dataValues?dataSet=MONTHLY&period=${CLOSED}&orgUnit=QS0101`,
    );
    expect(form.status).toBe(200);
    expect(form.body.locked).toMatchObject({ expired: true, lockDate: '2024-02-11', hasException: false });
    expect(String((form.body.locked as { reason: string }).reason)).toContain('lock exception for QS0101');
  });

  it('turns import rows of an expired period into period conflicts; skipping imports the open rows', async () => {
    const csv = csvOf([
      ['POP', CLOSED, 'QS0102', '', '', '30000'],
      ['POP', OPEN, 'QS0102', '', '', '30000'],
    ]);
    const refused = await importCsv(csv);
    expect(refused.status).toBe(409);
    expect(refused.body.conflicts).toEqual([
      {
        row: 2,
        property: 'period',
        object: `POP ${CLOSED} QS0102 default STAT`,
        value: expect.stringContaining('locked since 2024-02-11'),
      },
    ]);
    const skipped = await importCsv(csv, '?importStrategy=SKIP_INVALID');
    expect(skipped.body).toMatchObject({ status: 'WARNING', importCount: { imported: 1, ignored: 1 } });
  });

  it('lets an admin write into an expired period (DHIS2 F_EDIT_EXPIRED), by form and by import', async () => {
    const form = await server.fetch(`/api/dataValues?dataSet=MONTHLY&period=${CLOSED}&orgUnit=QS0201`);
    expect(((await form.json()) as { locked: { expired: boolean } }).locked.expired).toBe(false);
    const saved = await callJson(server, 'POST', '/api/dataValues', {
      dataElement: 'POP',
      period: CLOSED,
      orgUnit: 'QS0201',
      value: '41000',
    });
    expect(saved.status).toBe(200);
    const imported = await server.fetch('/api/dataValueSets', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csvOf([['POP', CLOSED, 'QS0202', '', '', '27000']]),
    });
    expect(await imported.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
  });

  it('lets neither a clerk nor an approver of another county grant an exception', async () => {
    expect((await callJson(clerk, 'POST', '/api/lockExceptions', EXCEPTION)).status).toBe(403);
    const west = await callJson(westApprover, 'POST', '/api/lockExceptions', EXCEPTION);
    expect(west.status).toBe(403);
    expect(errorOf(west.body).code).toBe('FORBIDDEN');
  });

  it("re-opens the county's townships when its approver grants an exception, and only them", async () => {
    const granted = await callJson(eastApprover, 'POST', '/api/lockExceptions', EXCEPTION);
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ ...EXCEPTION, orgUnitName: '东城区', createdBy: 'east-approver' });
    const twice = await callJson(eastApprover, 'POST', '/api/lockExceptions', EXCEPTION);
    expect(errorOf(twice.body).code).toBe('CONFLICT');
    expect((await enter('QS0101', CLOSED, '50000')).status).toBe(200);
    const csv = csvOf([
      ['POP', CLOSED, 'QS0102', '', '', '30000'],
      ['POP', CLOSED, 'QS0201', '', '', '40000'],
    ]);
    const imported = await importCsv(csv, '?importStrategy=SKIP_INVALID');
    expect(imported.body).toMatchObject({ importCount: { imported: 1, ignored: 1 } });
    expect(imported.body.conflicts).toEqual([expect.objectContaining({ row: 3, property: 'period' })]);
    const form = await callJson(
      clerk,
      'GET',
      `/api/dataValues?dataSet=MONTHLY&period=${CLOSED}&orgUnit=QS0102`,
    );
    expect(form.body.locked).toEqual({
      expired: false,
      reason: null,
      lockDate: '2024-02-11',
      expiryDays: 10,
      hasException: true,
    });
  });

  it('lists exceptions inside the caller’s org units only', async () => {
    const east = await callJson(eastApprover, 'GET', '/api/lockExceptions?dataSet=MONTHLY');
    expect(east.body).toEqual([
      { ...EXCEPTION, orgUnitName: '东城区', createdBy: 'east-approver', created: expect.any(String) },
    ]);
    const west = await callJson(westApprover, 'GET', '/api/lockExceptions');
    expect(west.body).toEqual([]);
  });

  it('locks the period again when the exception is revoked; a second revoke is NOT_FOUND', async () => {
    const query = `dataSet=MONTHLY&period=${CLOSED}&orgUnit=QS01`;
    expect((await callJson(eastApprover, 'DELETE', `/api/lockExceptions?${query}`)).status).toBe(200);
    expect(errorOf((await enter('QS0101', CLOSED, '50001')).body).code).toBe('PERIOD_LOCKED');
    expect((await callJson(eastApprover, 'DELETE', `/api/lockExceptions?${query}`)).status).toBe(404);
  });

  it('refuses a stale version with 409 and the current value in the body', async () => {
    const first = await enter('QS0202', OPEN, '20000');
    expect(first.body).toMatchObject({ version: 1 });
    expect((await enter('QS0202', OPEN, '20500', 1)).body).toMatchObject({ version: 2 });
    const stale = await enter('QS0202', OPEN, '21000', 1);
    expect(stale.status).toBe(409);
    const error = errorOf(stale.body);
    expect(error.code).toBe('STALE_VERSION');
    expect(error.details).toMatchObject({
      expected: 1,
      current: 2,
      currentValue: { value: '20500', version: 2, storedBy: expect.any(String) },
    });
  });
});
