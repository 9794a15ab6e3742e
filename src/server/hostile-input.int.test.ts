import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataEntryFixture } from '../modules/data-values/entry/testing/data-entry-fixture.js';
import { csvOf } from '../modules/data-values/import/testing/import-fixture.js';
import { testStoreKinds } from '../store/testing/test-store.js';
import { callJson, startTestApp, type TestApp } from './testing/test-app.js';

/** Text that would run as SQL or script if it were ever pasted into a statement or a page. */
const HOSTILE = `<script>alert("x")</script>'); DROP TABLE data_value; --`;

describe.each(testStoreKinds())('hostile text in every field (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind);
    await loadDataEntryFixture(server.store.db);
  });
  afterAll(async () => server?.close());

  async function valueCount(): Promise<number> {
    const [row] = await server.store.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM data_value',
    );
    return row?.count ?? -1;
  }

  it('stores a comment and a TEXT value as the characters sent and reads them back unchanged', async () => {
    const comment = await callJson(server, 'POST', '/api/dataValues', {
      dataElement: 'BIRTHS',
      period: '202601',
      orgUnit: 'QS0101',
      categoryOptionCombo: 'M.1',
      value: '7',
      comment: HOSTILE,
    });
    expect(comment.status).toBe(200);
    const text = await callJson(server, 'POST', '/api/dataValues', {
      dataSet: 'CHECKS',
      dataElement: 'NOTE',
      period: '202601',
      orgUnit: 'QS0101',
      value: HOSTILE,
    });
    expect(text.status).toBe(200);
    const form = await callJson(server, 'GET', '/api/dataValues?dataSet=CHECKS&period=202601&orgUnit=QS0101');
    expect(JSON.stringify(form.body)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    const births = await callJson(
      server,
      'GET',
      '/api/dataValues?dataSet=MONTHLY&period=202601&orgUnit=QS0101',
    );
    const values = births.body.dataValues as Array<{ comment: string | null }>;
    expect(values.map((value) => value.comment)).toContain(HOSTILE);
    expect(await valueCount()).toBe(2);
  });

  it('names a hostile import value in a conflict as text, and imports a hostile comment as text', async () => {
    const refused = await server.fetch('/api/dataValueSets', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csvOf([['BIRTHS', '202602', 'QS0101', 'F.1', 'STAT', HOSTILE]]),
    });
    expect(refused.status).toBe(409);
    const summary = (await refused.json()) as {
      conflicts: Array<{ row: number; value: string; object: string }>;
    };
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]?.row).toBe(2);
    expect(JSON.stringify(summary.conflicts[0])).toContain('DROP TABLE');

    const imported = await server.fetch('/api/dataValueSets', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csvOf([['BIRTHS', '202602', 'QS0101', 'F.1', 'STAT', '4', HOSTILE]], ['comment']),
    });
    expect(await imported.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    const [row] = await server.store.db.query<{ comment: string }>(
      "SELECT comment FROM data_value WHERE value = '4'",
    );
    expect(row?.comment).toBe(HOSTILE);
    expect(await valueCount()).toBe(3);
  });

  it('keeps a hostile org-unit name from a metadata file as text', async () => {
    const response = await callJson(server, 'POST', '/api/metadata', {
      orgUnits: [{ code: 'QS0103', name: HOSTILE, parent: 'QS01' }],
    });
    expect(response.status).toBe(200);
    const unit = await callJson(server, 'GET', '/api/orgUnits/QS0103');
    expect(unit.body.name).toBe(HOSTILE);
  });

  it('never turns a path in a name into a file: template codes and upload names are only names', async () => {
    const template = await server.fetch('/api/dataSets/..%2F..%2Fetc%2Fpasswd/template.xlsx?period=202601');
    expect(template.status).toBe(404);
    expect(((await template.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    const upload = await server.fetch('/api/dataValueSets', {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        'content-disposition': 'attachment; filename="../../../tmp/tiaodu-traversal.csv"',
      },
      body: csvOf([['BIRTHS', '202603', 'QS0101', 'M.1', 'STAT', '5']]),
    });
    expect(await upload.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    expect(existsSync('/tmp/tiaodu-traversal.csv')).toBe(false);
  });
});
