import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../server/testing/test-app.js';
import { testStoreKinds } from '../../../store/testing/test-store.js';
import { CLI_PRINCIPAL } from '../../auth/principal.js';
import { saveDataValue } from '../entry/entry.service.js';
import { loadDataEntryFixture } from '../entry/testing/data-entry-fixture.js';
import { CSV_HEADER } from './export.schema.js';
import { exportDataValues } from './export.service.js';

const UPDATED = '2026-02-03T04:05:06.000Z';
const CREATED = '2026-02-01T00:00:00.000Z';

describe.each(testStoreKinds())('data value export (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind);
    const { db } = server.store;
    await loadDataEntryFixture(db);
    const save = (input: Parameters<typeof saveDataValue>[2], storedBy = 'alice') =>
      saveDataValue(db, CLI_PRINCIPAL, input, { storedBy });
    await save({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      value: '12',
      comment: 'checked, "twice"',
    });
    await save(
      {
        dataElement: 'BIRTHS',
        period: '202601',
        orgUnit: 'QS0102',
        categoryOptionCombo: 'F.2',
        value: '7',
        followup: true,
      },
      'bob',
    );
    await save({ dataElement: 'POP', period: '202601', orgUnit: 'QS0201', value: '41000' });
    await save({
      dataElement: 'BIRTHS',
      period: '202602',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      value: '9',
    });
    await save({
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      attributeOptionCombo: 'HOSP',
      value: '11',
    });
    await db.query('UPDATE data_value SET created = $1, last_updated = $2', [CREATED, UPDATED]);
  });
  afterAll(async () => server?.close());

  async function get(query: string) {
    const response = await server.fetch(`${server.baseUrl}/api/dataValueSets?${query}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  }

  it('exports an org unit and its descendants as DHIS2 CSV with the exact header and quoting', async () => {
    const { status, type, text } = await get(
      'dataSet=MONTHLY&period=202601&orgUnit=QS01&children=true&source=STAT&format=csv',
    );
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    // Values stream in primary-key (id) order, so the body lines are compared as a set.
    const [header, ...lines] = text.split('\n');
    expect(header).toBe(CSV_HEADER);
    expect(lines.pop()).toBe('');
    expect(lines.sort()).toEqual([
      `BIRTHS,202601,QS0101,M.1,STAT,12,alice,${UPDATED},"checked, ""twice""",false`,
      `BIRTHS,202601,QS0102,F.2,STAT,7,bob,${UPDATED},,true`,
    ]);
    expect(CSV_HEADER).toBe(
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup',
    );
  });

  it('exports DHIS2 dataValueSets JSON with codes', async () => {
    const { status, text } = await get('dataSet=MONTHLY&period=202601&orgUnit=QS0102');
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      dataValues: [
        {
          dataElement: 'BIRTHS',
          period: '202601',
          orgUnit: 'QS0102',
          categoryOptionCombo: 'F.2',
          attributeOptionCombo: 'STAT',
          value: '7',
          storedBy: 'bob',
          created: CREATED,
          lastUpdated: UPDATED,
          followup: true,
        },
      ],
    });
  });

  it('leaves out descendants unless children=true', async () => {
    const { text } = await get('dataSet=MONTHLY&period=202601&orgUnit=QS01');
    expect(JSON.parse(text)).toEqual({ dataValues: [] });
  });

  it('exports every org unit, source and listed period when no org unit is given', async () => {
    const { text } = await get('dataSet=MONTHLY&period=202601,202602');
    const values = (JSON.parse(text) as { dataValues: Array<Record<string, string>> }).dataValues;
    const keys = values.map(
      (v) =>
        `${v.dataElement}/${v.period}/${v.orgUnit}/${v.categoryOptionCombo}/${v.attributeOptionCombo}=${v.value}`,
    );
    expect(keys.sort()).toEqual([
      'BIRTHS/202601/QS0101/M.1/HOSP=11',
      'BIRTHS/202601/QS0101/M.1/STAT=12',
      'BIRTHS/202601/QS0102/F.2/STAT=7',
      'BIRTHS/202602/QS0101/M.1/STAT=9',
      'POP/202601/QS0201/default/STAT=41000',
    ]);
  });

  it('selects the periods inside startDate and endDate', async () => {
    const { text } = await get('dataSet=MONTHLY&startDate=2026-02-01&endDate=2026-02-28&format=csv');
    expect(text.trim().split('\n').slice(1)).toEqual([
      `BIRTHS,202602,QS0101,M.1,STAT,9,alice,${UPDATED},,false`,
    ]);
  });

  it('reads in keyset batches that join up to the same export as one batch', async () => {
    const read = async (batchSize: number) => {
      const result = await exportDataValues(
        server.store.db,
        CLI_PRINCIPAL,
        { dataSet: 'MONTHLY', period: ['202601', '202602'], format: 'csv' },
        { batchSize },
      );
      let text = '';
      for await (const chunk of result.chunks) text += chunk;
      return { text, count: result.valueCount };
    };
    const whole = await read(5000);
    expect(whole.count).toBe(5);
    expect(await read(2)).toEqual(whole);
    expect(await read(1)).toEqual(whole);
  });

  it('answers 404 for an unknown data set and 400 without a period', async () => {
    const unknown = await get('dataSet=NOPE&period=202601');
    expect(unknown.status).toBe(404);
    const noPeriod = await get('dataSet=MONTHLY');
    expect(noPeriod.status).toBe(400);
    expect(JSON.parse(noPeriod.text).error.code).toBe('VALIDATION_FAILED');
    const badPeriod = await get('dataSet=MONTHLY&period=2026-13');
    expect(JSON.parse(badPeriod.text).error.code).toBe('INVALID_PERIOD');
  });
});
