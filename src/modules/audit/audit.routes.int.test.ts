import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestCaller } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { loadDataEntryFixture } from '../data-values/entry/testing/data-entry-fixture.js';
import type { TAuditEntry, TAuditPage } from './audit.schema.js';

async function getJson<T>(caller: TestCaller, path: string): Promise<{ status: number; body: T }> {
  const response = await caller.fetch(path);
  return { status: response.status, body: (await response.json()) as T };
}

async function send(caller: TestCaller, method: string, path: string, body: string, type: string) {
  const response = await caller.fetch(path, { method, headers: { 'content-type': type }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testStoreKinds())('GET /api/audit (%s)', (kind) => {
  let testApp: TestApp;
  let clerk: TestCaller;
  let countyManager: TestCaller;
  let importJobId: string;

  const births = { dataElement: 'BIRTHS', period: '202601', categoryOptionCombo: 'M.1' };
  const audit = async (query: string, caller: TestCaller = testApp): Promise<TAuditEntry[]> => {
    const answer = await getJson<TAuditPage>(caller, `/api/audit?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    await loadDataEntryFixture(testApp.store.db);
    clerk = await testApp.createUser({ username: 'clerk-city', roles: ['clerk'], orgUnits: ['QS'] });
    countyManager = await testApp.createUser({
      username: 'manager-qs02',
      roles: ['manager'],
      orgUnits: ['QS02'],
    });
    // A form edit (create, then update with a comment) by the clerk with a bearer token: how = api.
    const value = JSON.stringify({ ...births, orgUnit: 'QS0101', value: '12' });
    expect((await send(clerk, 'POST', '/api/dataValues', value, 'application/json')).status).toBe(200);
    const edit = JSON.stringify({ ...births, orgUnit: 'QS0101', value: '13', comment: '补报' });
    expect((await send(clerk, 'POST', '/api/dataValues', edit, 'application/json')).status).toBe(200);
    // An import by the clerk: QS0201 and the same QS0101 cell again.
    const csv = [
      'dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value',
      'BIRTHS,202601,QS0201,M.1,,4',
      'BIRTHS,202601,QS0101,M.1,,14',
    ].join('\n');
    const imported = await send(clerk, 'POST', '/api/dataValueSets?format=csv', csv, 'text/csv');
    expect(imported.status).toBe(200);
    importJobId = String(imported.body.importJobId);
    // A metadata change by the admin: rename a township.
    const metadata = JSON.stringify({ orgUnits: [{ code: 'QS0202', name: '柳河镇', parent: 'QS02' }] });
    expect((await send(testApp, 'POST', '/api/metadata', metadata, 'application/json')).status).toBe(200);
  });
  afterAll(() => testApp.close());

  it('shows a form edit with old and new value, who and how', async () => {
    const entries = await audit('orgUnit=QS0101&dataElement=BIRTHS&period=202601');
    expect(
      entries.map(({ action, username, how, oldValue, newValue }) => ({
        action,
        username,
        how,
        oldValue,
        newValue,
      })),
    ).toEqual([
      {
        action: 'update',
        username: 'clerk-city',
        how: 'import',
        oldValue: { value: '13', comment: '补报' },
        newValue: { value: '14', comment: null },
      },
      {
        action: 'update',
        username: 'clerk-city',
        how: 'api',
        oldValue: { value: '12', comment: null },
        newValue: { value: '13', comment: '补报' },
      },
      { action: 'create', username: 'clerk-city', how: 'api', oldValue: null, newValue: { value: '12' } },
    ]);
    expect(entries[2]?.key).toEqual({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      optionCombo: 'M.1',
      source: 'STAT',
    });
    expect(entries[2]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('lists exactly the changes of one import by its job id', async () => {
    const entries = await audit(`job=${importJobId}`);
    const rows = entries.map((entry) => [entry.key.orgUnit, entry.action, entry.how, entry.jobId]);
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['QS0101', 'update', 'import', importJobId],
      ['QS0201', 'create', 'import', importJobId],
    ]);
  });

  it('shows a metadata change with only the changed fields', async () => {
    const entries = await audit('entity=org_unit&user=admin');
    const rename = entries.find((entry) => entry.action === 'update');
    expect(rename).toMatchObject({
      key: { code: 'QS0202' },
      how: 'api',
      username: 'admin',
      oldValue: { name: '柳河乡' },
      newValue: { name: '柳河镇' },
    });
  });

  it('shows a county manager only its county’s changes and the metadata of no org unit', async () => {
    const entries = await audit('entity=data_value', countyManager);
    expect(entries.map((entry) => entry.key.orgUnit)).toEqual(['QS0201']);
    expect(
      (await audit('entity=org_unit', countyManager)).every((entry) =>
        String(entry.key.code).startsWith('QS02'),
      ),
    ).toBe(true);
    const outside = await getJson<{ error: { code: string } }>(countyManager, '/api/audit?orgUnit=QS01');
    expect(outside).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
  });

  it('shows user and token changes to admins only', async () => {
    expect((await audit('entity=user')).map((entry) => entry.key.username)).toContain('clerk-city');
    expect(await audit('entity=user', countyManager)).toEqual([]);
  });

  it('pages newest first and says whether more follow', async () => {
    const first = await getJson<TAuditPage>(testApp, '/api/audit?entity=data_value&pageSize=2');
    const second = await getJson<TAuditPage>(testApp, '/api/audit?entity=data_value&pageSize=2&page=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    expect(second.body).toMatchObject({ page: 2, hasMore: false });
    const ids = [...first.body.items, ...second.body.items].map((entry) => entry.id);
    expect(ids).toHaveLength(4);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('filters by time and refuses a bad date with 400', async () => {
    expect(await audit('entity=data_value&to=2000-01-01')).toEqual([]);
    expect(await audit('entity=data_value&from=2000-01-01')).toHaveLength(4);
    expect((await getJson(testApp, '/api/audit?from=yesterday')).status).toBe(400);
  });

  it('refuses a clerk (403) and a request without credentials (401)', async () => {
    expect((await getJson(clerk, '/api/audit')).status).toBe(403);
    expect((await fetch(`${testApp.baseUrl}/api/audit`)).status).toBe(401);
  });
});
