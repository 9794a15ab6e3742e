import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../server/testing/test-app.js';
import { testStoreKinds } from '../../../store/testing/test-store.js';
import { loadDataEntryFixture } from './testing/data-entry-fixture.js';

interface ErrorBody {
  error: { code: string; message: string; details: { field?: string; reason?: string } | null };
}

describe.each(testStoreKinds())('single-value entry over HTTP (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadDataEntryFixture(server.store.db);
  });
  afterAll(async () => server?.close());

  async function call(method: string, path: string, body?: unknown) {
    const response = await server.fetch(`${server.baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const births = { dataElement: 'BIRTHS', period: '202601', orgUnit: 'QS0101', categoryOptionCombo: 'M.1' };

  it('saves a new value at version 1 and returns it with its key and timestamps', async () => {
    const { status, body } = await call('POST', '/api/dataValues', {
      ...births,
      value: '12',
      comment: '初报',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ...births,
      attributeOptionCombo: 'STAT',
      value: '12',
      comment: '初报',
      followup: false,
      storedBy: 'admin',
      version: 1,
    });
    expect(body.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('updates the value, increments its version and keeps a comment that was not sent', async () => {
    const { status, body } = await call('POST', '/api/dataValues', { ...births, value: 13 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ value: '13', comment: '初报', version: 2 });
    const [row] = await server.store.db.query<{ num: number; version: number }>(
      `SELECT num, version FROM data_value dv JOIN option_combo c ON c.id = dv.option_combo_id WHERE c.code = 'M.1'`,
    );
    expect(row).toEqual({ num: 13, version: 2 });
  });

  it('refuses an update from a client that saw an older version with STALE_VERSION', async () => {
    const { status, body } = await call('POST', '/api/dataValues', { ...births, value: 14, version: 1 });
    expect(status).toBe(409);
    expect((body as unknown as ErrorBody).error.code).toBe('STALE_VERSION');
  });

  it('lists the form values of one org unit and period', async () => {
    await call('POST', '/api/dataValues', {
      dataElement: 'POP',
      period: '202601',
      orgUnit: 'QS0101',
      value: '52000',
    });
    const { status, body } = await call(
      'GET',
      '/api/dataValues?dataSet=MONTHLY&period=202601&orgUnit=QS0101',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ dataSet: 'MONTHLY', period: '202601', orgUnit: 'QS0101' });
    const values = body.dataValues as Array<Record<string, unknown>>;
    expect(
      values.map((v) => [v.dataElement, v.categoryOptionCombo, v.attributeOptionCombo, v.value, v.version]),
    ).toEqual([
      ['BIRTHS', 'M.1', 'STAT', '13', 2],
      ['POP', 'default', 'STAT', '52000', 1],
    ]);
  });

  it('deletes a value by its DHIS2 short key and answers 404 the second time', async () => {
    const query = 'de=POP&pe=202601&ou=QS0101&co=default&cc=STAT';
    const first = await call('DELETE', `/api/dataValues?${query}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dataElement: 'POP', value: '52000' });
    const second = await call('DELETE', `/api/dataValues?${query}`);
    expect(second.status).toBe(404);
    expect((second.body as unknown as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('deletes a value named in a JSON body', async () => {
    const { status } = await call('DELETE', '/api/dataValues', births);
    expect(status).toBe(200);
    const { body } = await call('GET', '/api/dataValues?dataSet=MONTHLY&period=202601&orgUnit=QS0101');
    expect(body.dataValues).toEqual([]);
  });

  const refusals: Array<[string, Record<string, unknown>, string, string]> = [
    ['an unknown data element', { dataElement: 'NOPE' }, 'dataElement', 'unknown data element "NOPE"'],
    [
      'an option combo of another element',
      { categoryOptionCombo: 'X.9' },
      'categoryOptionCombo',
      'not an option combo',
    ],
    ['an unknown source', { attributeOptionCombo: 'NOPE' }, 'attributeOptionCombo', 'unknown source'],
    ['an unknown org unit', { orgUnit: 'NOPE' }, 'orgUnit', 'unknown org unit'],
    ['a bad period id', { period: '2026-13' }, 'period', ''],
    ['a period of the wrong type', { period: '2026Q1' }, 'period', 'is Quarterly'],
    ['a future period', { period: '209901' }, 'period', 'in the future'],
    ['an org unit the data set is not assigned to', { orgUnit: 'QS01' }, 'orgUnit', 'not assigned'],
    ['text in a count', { value: 'abc' }, 'value', 'not a number'],
    ['a negative count', { value: '-1' }, 'value', 'negative'],
    ['a decimal count', { value: '1.5' }, 'value', 'not a whole number'],
    ['a count with thousands separators', { value: '1,234' }, 'value', 'thousands separators'],
    ['an empty value', { value: '' }, 'value', 'empty'],
    [
      'a percentage above 100',
      { dataElement: 'COVERAGE', categoryOptionCombo: 'default', value: '101' },
      'value',
      '0–100',
    ],
    [
      'a boolean that is not yes/no',
      { dataElement: 'REPORTED', categoryOptionCombo: 'default', value: 'maybe' },
      'value',
      'yes/no',
    ],
    ['a missing data element', { dataElement: undefined }, 'dataElement', ''],
  ];

  it.each(refusals)(
    'answers 400 VALIDATION_FAILED naming the field for %s',
    async (_name, change, field, reason) => {
      const { status, body } = await call('POST', '/api/dataValues', { ...births, value: '5', ...change });
      expect(status).toBe(400);
      const { error } = body as unknown as ErrorBody;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.field).toBe(field);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
      expect(error.details?.reason).toContain(reason);
    },
  );

  it('stores a boolean as true/false with its number and a percentage as given', async () => {
    const base = { period: '202601', orgUnit: 'QS0102' };
    const flag = await call('POST', '/api/dataValues', { ...base, dataElement: 'REPORTED', value: '是' });
    expect(flag.body).toMatchObject({ value: 'true', categoryOptionCombo: 'default' });
    const share = await call('POST', '/api/dataValues', { ...base, dataElement: 'COVERAGE', value: '99.5' });
    expect(share.body).toMatchObject({ value: '99.5' });
  });
});
