import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callJson, startTestApp, type TestApp, type TestCaller } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { csvOf } from '../data-values/import/testing/import-fixture.js';
import { currentMonth, loadApprovalFixture } from './testing/approval-fixture.js';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> | null };
}

const PERIOD = currentMonth();
const EAST = { dataSet: 'MONTHLY', period: PERIOD, orgUnit: 'QS01' };

describe.each(testStoreKinds())('data approval over HTTP (%s)', (kind) => {
  let server: TestApp;
  let clerk: TestCaller;
  let eastApprover: TestCaller;
  let westApprover: TestCaller;
  let cityApprover: TestCaller;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadApprovalFixture(server.store.db);
    clerk = await server.createUser({ username: 'east-clerk', roles: ['clerk'], orgUnits: ['QS01', 'QS02'] });
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
    cityApprover = await server.createUser({
      username: 'city-approver',
      roles: ['approver'],
      orgUnits: ['QS'],
    });
  });
  afterAll(async () => server?.close());

  const act = (caller: TestCaller, action: string, key = EAST) =>
    callJson(caller, 'POST', `/api/dataApprovals/${action}`, key);
  const statusOf = (caller: TestCaller, orgUnit = 'QS01') =>
    callJson(caller, 'GET', `/api/dataApprovals?dataSet=MONTHLY&period=${PERIOD}&orgUnit=${orgUnit}`);
  const enter = (orgUnit: string, value: string) =>
    callJson(clerk, 'POST', '/api/dataValues', {
      dataElement: 'POP',
      period: PERIOD,
      orgUnit,
      dataSet: 'MONTHLY',
      value,
    });
  const importCsv = (csv: string, query = '') =>
    clerk.fetch(`/api/dataValueSets${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
  const codeOf = (body: Record<string, unknown>) => (body as unknown as ErrorBody).error.code;

  it('refuses to approve while a township has no data, naming it, and says so in the status', async () => {
    expect((await enter('QS0101', '52000')).status).toBe(200);
    const refused = await act(eastApprover, 'approve');
    expect(refused.status).toBe(409);
    expect(codeOf(refused.body)).toBe('APPROVAL_NOT_READY');
    const error = (refused.body as unknown as ErrorBody).error;
    expect(error.message).toContain('南湖镇 (QS0102)');
    expect(error.message).not.toContain('QS0101');
    const status = await statusOf(eastApprover);
    expect(status.body).toMatchObject({
      state: 'UNAPPROVED',
      approvalOrgUnit: { code: 'QS01' },
      acceptOrgUnit: { code: 'QS' },
      waitingFor: [{ code: 'QS0102', name: '南湖镇' }],
      canApprove: false,
      canAccept: false,
    });
  });

  it('answers 403 to an approver of another county, before any state check', async () => {
    const refused = await act(westApprover, 'approve');
    expect(refused.status).toBe(403);
    expect(codeOf(refused.body)).toBe('FORBIDDEN');
    expect((await statusOf(westApprover)).status).toBe(403);
  });

  it('answers 403 to a clerk: approving needs the approver or manager role', async () => {
    expect((await act(clerk, 'approve')).status).toBe(403);
  });

  it('approves the county once every township has data, recording who and when', async () => {
    expect((await enter('QS0102', '31000')).status).toBe(200);
    expect((await statusOf(eastApprover)).body).toMatchObject({ waitingFor: [], canApprove: true });
    const approved = await act(eastApprover, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'APPROVED',
      approvedBy: 'east-approver',
      canApprove: false,
      canUnapprove: true,
      canAccept: false,
    });
    expect(approved.body.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const again = await act(eastApprover, 'approve');
    expect(again.status).toBe(409);
    expect(codeOf(again.body)).toBe('APPROVAL_STATE');
  });

  it('refuses entry and deletion in an approved township with APPROVED_READ_ONLY', async () => {
    const refused = await enter('QS0101', '52100');
    expect(refused.status).toBe(409);
    const error = (refused.body as unknown as ErrorBody).error;
    expect(error.code).toBe('APPROVED_READ_ONLY');
    expect(error.message).toContain('东城区 (QS01)');
    expect(error.details).toMatchObject({ orgUnit: 'QS01', state: 'APPROVED', approvedBy: 'east-approver' });
    const deleted = await callJson(clerk, 'DELETE', `/api/dataValues?de=POP&pe=${PERIOD}&ou=QS0101`);
    expect(deleted.status).toBe(409);
    expect(codeOf(deleted.body)).toBe('APPROVED_READ_ONLY');
    const [row] = await server.store.db.query<{ value: string }>(
      `SELECT dv.value FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id WHERE o.code = 'QS0101'`,
    );
    expect(row?.value).toBe('52000');
  });

  it('shows the approval in the entry form of a township below the county', async () => {
    const form = await callJson(
      clerk,
      'GET',
      `/api/dataValues?dataSet=MONTHLY&period=${PERIOD}&orgUnit=QS0102`,
    );
    expect(form.status).toBe(200);
    expect(form.body.approval).toMatchObject({ state: 'APPROVED', orgUnit: 'QS01', by: 'east-approver' });
    expect(form.body.locked).toEqual({
      expired: false,
      reason: null,
      lockDate: expect.any(String),
      expiryDays: 10,
      hasException: false,
    });
    const west = await callJson(
      clerk,
      'GET',
      `/api/dataValues?dataSet=MONTHLY&period=${PERIOD}&orgUnit=QS0201`,
    );
    expect(west.body.approval).toEqual({ state: 'UNAPPROVED', orgUnit: null, by: null, at: null });
  });

  it('turns import rows for the approved county into conflicts and imports the rest when skipping', async () => {
    const csv = csvOf([
      ['POP', PERIOD, 'QS0201', '', '', '40000'],
      ['POP', PERIOD, 'QS0102', '', '', '31500'],
      ['BIRTHS', PERIOD, 'QS0101', 'M.1', '', '4'],
    ]);
    const refused = await importCsv(csv);
    expect(refused.status).toBe(409);
    const summary = (await refused.json()) as { conflicts: Array<Record<string, unknown>> };
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ row: 3, property: 'orgUnit', object: `POP ${PERIOD} QS0102 default STAT` }),
      expect.objectContaining({ row: 4, property: 'orgUnit', object: `BIRTHS ${PERIOD} QS0101 M.1 STAT` }),
    ]);
    expect(String(summary.conflicts[0]?.value)).toContain('approved for QS01');
    const skipped = await importCsv(csv, '?importStrategy=SKIP_INVALID');
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({
      status: 'WARNING',
      importCount: { imported: 1, updated: 0, ignored: 2, deleted: 0 },
    });
    const rows = await server.store.db.query<{ code: string; value: string }>(
      `SELECT o.code, dv.value FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id
       JOIN data_element e ON e.id = dv.data_element_id WHERE e.code = 'POP' ORDER BY o.code`,
    );
    expect(rows).toEqual([
      { code: 'QS0101', value: '52000' },
      { code: 'QS0102', value: '31000' },
      { code: 'QS0201', value: '40000' },
    ]);
  });

  it('refuses acceptance by the county itself: accepting is for the city', async () => {
    const refused = await act(eastApprover, 'accept');
    expect(refused.status).toBe(403);
    expect(codeOf(refused.body)).toBe('FORBIDDEN');
  });

  it('lets the city accept, then refuses to unapprove while accepted', async () => {
    expect((await statusOf(cityApprover)).body).toMatchObject({ canAccept: true, canUnapprove: true });
    const accepted = await act(cityApprover, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'ACCEPTED',
      acceptedBy: 'city-approver',
      canUnaccept: true,
    });
    const refused = await act(eastApprover, 'unapprove');
    expect(refused.status).toBe(409);
    const error = (refused.body as unknown as ErrorBody).error;
    expect(error.code).toBe('APPROVAL_STATE');
    expect(error.message).toContain('must be unaccepted');
    const form = await callJson(
      clerk,
      'GET',
      `/api/dataValues?dataSet=MONTHLY&period=${PERIOD}&orgUnit=QS0101`,
    );
    expect(form.body.approval).toMatchObject({ state: 'ACCEPTED', orgUnit: 'QS01', by: 'city-approver' });
  });

  it('reopens entry after unaccept by the city and unapprove by the county, and logs every action', async () => {
    expect((await act(cityApprover, 'unaccept')).body).toMatchObject({ state: 'APPROVED', acceptedBy: null });
    expect((await act(eastApprover, 'unapprove')).body).toMatchObject({
      state: 'UNAPPROVED',
      approvedBy: null,
    });
    expect((await enter('QS0101', '52100')).status).toBe(200);
    const log = await server.store.db.query<{ action: string; username: string }>(
      'SELECT action, username FROM data_approval_log ORDER BY id',
    );
    expect(log).toEqual([
      { action: 'APPROVE', username: 'east-approver' },
      { action: 'ACCEPT', username: 'city-approver' },
      { action: 'UNACCEPT', username: 'city-approver' },
      { action: 'UNAPPROVE', username: 'east-approver' },
    ]);
  });

  it('refuses to approve at a township, naming the unit that approves it', async () => {
    const refused = await act(server, 'approve', { ...EAST, orgUnit: 'QS0101' });
    expect(refused.status).toBe(400);
    expect((refused.body as unknown as ErrorBody).error.message).toContain('approved by 东城区 (QS01)');
  });

  it('reports the city as UNAPPROVABLE for a data set its townships report', async () => {
    const status = await statusOf(server, 'QS');
    expect(status.body).toMatchObject({ state: 'UNAPPROVABLE', approvalOrgUnit: null, canApprove: false });
  });
});
