import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../server/testing/test-app.js';
import { testStoreKinds } from '../../store/testing/test-store.js';
import { csvOf, installImportFixture, listStoredValues } from './import/testing/import-fixture.js';

const GOOD = csvOf([
  ['POP', '202501', 'QS0101', '', '', '5000'],
  ['BIRTHS', '202501', 'QS0101', 'M.1', 'HOSP', '3'],
]);
const BAD = csvOf([
  ['POP', '202502', 'QS0101', '', '', '5000'],
  ['POP', '202502', 'QS0102', '', '', '5,000'],
]);

describe.each(testStoreKinds())('POST /api/dataValueSets on %s', (kind) => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp(kind);
    await installImportFixture(server.store.db);
  });
  afterAll(() => server.close());

  const post = (query: string, type: string, body: string) =>
    server.fetch(`${server.baseUrl}/api/dataValueSets${query}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('answers 200 with the summary for a good CSV, and counts a second upload as ignored', async () => {
    const response = await post('', 'text/csv', GOOD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'SUCCESS',
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
    });
    const again = await post('?dryRun=false&importStrategy=ATOMIC', 'text/csv', GOOD);
    expect((await again.json()).importCount).toEqual({ imported: 0, updated: 0, ignored: 2, deleted: 0 });
  });

  it('answers 409 with the conflicts for a bad file and writes nothing; 200 WARNING when skipping', async () => {
    const before = await listStoredValues(server.store.db);
    const refused = await post('', 'text/csv', BAD);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      status: 'ERROR',
      conflicts: [{ row: 3, property: 'value', object: '5,000' }],
    });
    expect(await listStoredValues(server.store.db)).toEqual(before);
    const skipped = await post('?importStrategy=SKIP_INVALID&dryRun=true', 'text/csv', BAD);
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({
      status: 'WARNING',
      dryRun: true,
      importCount: { imported: 1 },
    });
    expect(await listStoredValues(server.store.db)).toEqual(before);
  });

  it('reads DHIS2 JSON bodies as streams and octet-stream bodies with format=', async () => {
    const body = JSON.stringify({
      period: '202503',
      orgUnit: 'QS0102',
      dataValues: [{ dataElement: 'POP', value: '7' }],
    });
    const json = await post('', 'application/json', body);
    expect(json.status).toBe(200);
    expect((await json.json()).importCount.imported).toBe(1);
    const octet = await post('?format=csv', 'application/octet-stream', GOOD);
    expect((await octet.json()).importCount.ignored).toBe(2);
    const unknown = await post('', 'application/octet-stream', GOOD);
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses bad query parameters and unknown data sets', async () => {
    const bad = await post('?importStrategy=SOMETIMES', 'text/csv', GOOD);
    expect(bad.status).toBe(400);
    const unknown = await post('?dataSet=NOPE', 'text/csv', GOOD);
    expect(unknown.status).toBe(404);
  });

  it('documents the route in OpenAPI', async () => {
    const document = await (await server.fetch(`${server.baseUrl}/api/openapi.json`)).json();
    expect(document.paths['/api/dataValueSets'].post.summary).toContain('Import data values');
  });
});
