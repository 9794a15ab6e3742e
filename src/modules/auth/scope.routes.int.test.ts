import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestCaller } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { loadDataEntryFixture } from '../data-values/entry/testing/data-entry-fixture.js';
import { importGeoJson } from '../geo/geo.service.js';
import { buildGridTree } from '../geo/geo-grid.js';

const TREE: Record<string, string[]> = {
  QS: ['QS01', 'QS02'],
  QS01: ['QS0101', 'QS0102'],
  QS02: ['QS0201', 'QS0202'],
};

/** The JSON body and status of a call. */
async function call(
  caller: TestCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await caller.fetch(path, {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : { text } };
}

const codesOf = (body: Record<string, unknown>): string[] =>
  (body.items as Array<{ code: string }>).map((item) => item.code);

describe.each(testStoreKinds())('org-unit scope over HTTP (%s)', (kind) => {
  let testApp: TestApp;
  /** A clerk and analyst of 东城区 (QS01): townships QS0101 and QS0102. */
  let countyClerk: TestCaller;

  const value = (orgUnit: string, number: string) => ({
    dataElement: 'BIRTHS',
    period: '202601',
    orgUnit,
    categoryOptionCombo: 'M.1',
    value: number,
  });

  beforeAll(async () => {
    testApp = await startTestApp(kind);
    await loadDataEntryFixture(testApp.store.db);
    await importGeoJson(
      testApp.store.db,
      buildGridTree('QS', (code) => TREE[code] ?? [], [112, 28, 114, 30]),
    );
    countyClerk = await testApp.createUser({ roles: ['clerk', 'analyst'], orgUnits: ['QS01'] });
    for (const orgUnit of ['QS0101', 'QS0201'])
      expect((await call(testApp, 'POST', '/api/dataValues', value(orgUnit, '7'))).status).toBe(200);
  });
  afterAll(() => testApp.close());

  describe('org units', () => {
    it('lists the city (name only) as root with one visible child, then only the county below it', async () => {
      const roots = await call(countyClerk, 'GET', '/api/orgUnits');
      expect(
        (roots.body.items as Array<{ code: string; childCount: number }>).map((u) => [u.code, u.childCount]),
      ).toEqual([['QS', 1]]);
      expect(codesOf((await call(countyClerk, 'GET', '/api/orgUnits?parent=QS')).body)).toEqual(['QS01']);
      expect(codesOf((await call(countyClerk, 'GET', '/api/orgUnits?level=3')).body)).toEqual([
        'QS0101',
        'QS0102',
      ]);
      expect(codesOf((await call(testApp, 'GET', '/api/orgUnits?level=3')).body)).toHaveLength(4);
    });

    it('shows the detail of an ancestor and of its own townships, but 403 for the other county', async () => {
      expect((await call(countyClerk, 'GET', '/api/orgUnits/QS')).status).toBe(200);
      expect((await call(countyClerk, 'GET', '/api/orgUnits/QS0102')).body).toMatchObject({
        code: 'QS0102',
        ancestors: [{ code: 'QS' }, { code: 'QS01' }],
      });
      const other = await call(countyClerk, 'GET', '/api/orgUnits/QS0201');
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ error: { code: 'FORBIDDEN', details: { orgUnit: 'QS0201' } } });
      expect((await call(countyClerk, 'GET', '/api/orgUnits?parent=QS02')).status).toBe(403);
    });

    it('lists only its own townships among a data set’s org units', async () => {
      expect((await call(countyClerk, 'GET', '/api/dataSets/MONTHLY')).body.orgUnits).toEqual([
        'QS0101',
        'QS0102',
      ]);
    });
  });

  describe('data entry', () => {
    it('reads and writes its townships', async () => {
      const saved = await call(countyClerk, 'POST', '/api/dataValues', value('QS0102', '5'));
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ orgUnit: 'QS0102', value: '5', storedBy: countyClerk.username });
      const form = await call(
        countyClerk,
        'GET',
        '/api/dataValues?dataSet=MONTHLY&period=202601&orgUnit=QS0101',
      );
      expect(form.status).toBe(200);
      expect(form.body.dataValues).toEqual([expect.objectContaining({ dataElement: 'BIRTHS', value: '7' })]);
    });

    it('gets 403 reading, saving or deleting in the other county, and changes nothing there', async () => {
      const form = await call(
        countyClerk,
        'GET',
        '/api/dataValues?dataSet=MONTHLY&period=202601&orgUnit=QS0201',
      );
      expect(form.status).toBe(403);
      const save = await call(countyClerk, 'POST', '/api/dataValues', value('QS0202', '9'));
      expect(save.status).toBe(403);
      expect(save.body).toMatchObject({ error: { code: 'FORBIDDEN', details: { orgUnit: 'QS0202' } } });
      const remove = await call(
        countyClerk,
        'DELETE',
        '/api/dataValues?de=BIRTHS&pe=202601&ou=QS0201&co=M.1',
      );
      expect(remove.status).toBe(403);
      const stored = await testApp.store.db.query<{ code: string; value: string }>(
        `SELECT o.code, dv.value FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id
         WHERE o.code LIKE 'QS02%' ORDER BY o.code`,
      );
      expect(stored).toEqual([{ code: 'QS0201', value: '7' }]);
    });
  });

  describe('import', () => {
    const csv = [
      'dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value',
      'BIRTHS,202602,QS0101,F.1,,3',
      'BIRTHS,202602,QS0201,F.1,,4',
      'BIRTHS,202602,QS0202,F.1,,6',
    ].join('\n');

    it('refuses an atomic import with rows of the other county as orgUnit conflicts', async () => {
      const answer = await call(countyClerk, 'POST', '/api/dataValueSets?format=csv', csv);
      expect(answer.status).toBe(409);
      expect(answer.body.conflicts).toEqual([
        {
          object: 'BIRTHS 202602 QS0201 F.1 STAT',
          property: 'orgUnit',
          value: expect.stringContaining('QS0201'),
          row: 3,
        },
        {
          object: 'BIRTHS 202602 QS0202 F.1 STAT',
          property: 'orgUnit',
          value: expect.stringContaining('QS0202'),
          row: 4,
        },
      ]);
    });

    it('imports only its own rows when invalid rows are skipped', async () => {
      const answer = await call(
        countyClerk,
        'POST',
        '/api/dataValueSets?format=csv&importStrategy=SKIP_INVALID',
        csv,
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        status: 'WARNING',
        importCount: { imported: 1, updated: 0, ignored: 2, deleted: 0 },
        importJobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      const stored = await testApp.store.db.query<{ code: string }>(
        `SELECT o.code FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id
         JOIN period p ON p.id = dv.period_id WHERE p.iso = '202602' ORDER BY o.code`,
      );
      expect(stored).toEqual([{ code: 'QS0101' }]);
    });
  });

  describe('export', () => {
    it('exports only its own units’ values, with or without children', async () => {
      const all = await call(countyClerk, 'GET', '/api/dataValueSets?dataSet=MONTHLY&period=202601');
      const units = (all.body.dataValues as Array<{ orgUnit: string }>).map((row) => row.orgUnit).sort();
      expect(units).toEqual(['QS0101', 'QS0102']);
      const county = await call(
        countyClerk,
        'GET',
        '/api/dataValueSets?dataSet=MONTHLY&period=202601&orgUnit=QS01&children=true',
      );
      expect((county.body.dataValues as unknown[]).length).toBe(2);
    });

    it('gets 403 for the city with children and for the other county', async () => {
      expect(
        (
          await call(
            countyClerk,
            'GET',
            '/api/dataValueSets?dataSet=MONTHLY&period=202601&orgUnit=QS&children=true',
          )
        ).status,
      ).toBe(403);
      expect(
        (await call(countyClerk, 'GET', '/api/dataValueSets?dataSet=MONTHLY&period=202601&orgUnit=QS0201'))
          .status,
      ).toBe(403);
    });

    it('gets 403 for the XLSX template of the other county', async () => {
      const answer = await call(
        countyClerk,
        'GET',
        '/api/dataSets/MONTHLY/template.xlsx?period=202601&orgUnit=QS02',
      );
      expect(answer.status).toBe(403);
    });
  });

  describe('analytics', () => {
    it('answers for its county and its townships', async () => {
      const answer = await call(
        countyClerk,
        'GET',
        '/api/analytics?indicator=CBR&orgUnit=QS01&level=children&period=202601',
      );
      expect(answer.status).toBe(200);
      expect((answer.body.rows as Array<{ orgUnit: string }>).map((row) => row.orgUnit)).toEqual([
        'QS0101',
        'QS0102',
      ]);
    });

    it('gets 403 for the city and the other county, in every analytics answer', async () => {
      for (const path of [
        '/api/analytics?indicator=CBR&orgUnit=QS&level=children&period=202601',
        '/api/analytics/overview?orgUnit=QS02&level=children&period=202601',
        '/api/analytics/series?indicator=CBR&orgUnit=QS0201&from=202501&to=202601',
        '/api/analytics/export.xlsx?indicator=CBR&orgUnit=QS&level=children&period=202601',
      ]) {
        const answer = await call(countyClerk, 'GET', path);
        expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      }
    });
  });

  describe('geo', () => {
    it('serves only the boundaries it may see and 403 under the other county', async () => {
      const city = await call(countyClerk, 'GET', '/api/geo?parent=QS');
      expect((city.body.features as Array<{ id: string }>).map((feature) => feature.id)).toEqual(['QS01']);
      const county = await call(countyClerk, 'GET', '/api/geo?parent=QS01');
      expect((county.body.features as Array<{ id: string }>).map((feature) => feature.id)).toEqual([
        'QS0101',
        'QS0102',
      ]);
      expect((await call(countyClerk, 'GET', '/api/geo?parent=QS02')).status).toBe(403);
    });
  });
});
