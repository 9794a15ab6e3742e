import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, testStoreKinds } from '../../../store/testing/test-store.js';
import {
  csvOf,
  IMPORT_TODAY,
  importText,
  installImportFixture,
  listStoredValues,
} from './testing/import-fixture.js';

const GOOD_ROWS = [
  ['BIRTHS', '202601', 'QS0101', 'M.1', 'STAT', '12'],
  ['BIRTHS', '202601', 'QS0101', 'F.1', '', '11'],
  ['BIRTHS', '2026-02', 'QS0102', 'M.3P', 'HOSP', '2'],
  ['POP', '202601', 'QS0101', '', '', '5000'],
  ['SHARE', '202601', 'QS0101', 'default', 'STAT', '0.5'],
  ['PCT', '202601', 'QS0101', '', '', '99.5'],
  ['DONE', '202601', 'QS0101', '', '', 'true'],
  ['LARC', '2026Q1', 'QS01', '', '', '40'],
  ['NOTE', '2026W3', 'QS', '', '', 'text, "quoted"'],
] as const;

describe.each(testStoreKinds())('importDataValues on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await installImportFixture(store.db);
  });
  afterAll(() => store.dispose());
  beforeEach(() => store.db.exec('DELETE FROM data_value'));

  it('imports valid rows, then counts a re-import as ignored, a change as updated and a delete as deleted', async () => {
    const first = await importText(store.db, 'csv', csvOf(GOOD_ROWS), { storedBy: 'tester' });
    expect(first).toMatchObject({ status: 'SUCCESS', dryRun: false, conflicts: [], conflictsTruncated: 0 });
    expect(first.importCount).toEqual({ imported: 9, updated: 0, ignored: 0, deleted: 0 });
    expect(await listStoredValues(store.db)).toContain('BIRTHS 202602 QS0102 M.3P HOSP=2');
    expect(await listStoredValues(store.db)).toContain('NOTE 2026W3 QS default STAT=text, "quoted"');

    const again = await importText(store.db, 'csv', csvOf(GOOD_ROWS));
    expect(again.importCount).toEqual({ imported: 0, updated: 0, ignored: 9, deleted: 0 });

    const changed = csvOf(
      [
        ['BIRTHS', '202601', 'QS0101', 'M.1', 'STAT', '13', '', '', ''],
        ['BIRTHS', '202601', 'QS0101', 'F.1', '', '11', 'checked', '', ''],
        ['POP', '202601', 'QS0101', '', '', '', '', '', 'true'],
        ['POP', '202602', 'QS0101', '', '', '', '', '', 'true'],
        ['PCT', '202601', 'QS0101', '', '', '99.5', '', 'true', ''],
      ],
      ['comment', 'followup', 'deleted'],
    );
    const summary = await importText(store.db, 'csv', changed);
    expect(summary.importCount).toEqual({ imported: 0, updated: 3, ignored: 1, deleted: 1 });
    const stored = await listStoredValues(store.db);
    expect(stored).toContain('BIRTHS 202601 QS0101 M.1 STAT=13');
    expect(stored).toContain('BIRTHS 202601 QS0101 F.1 STAT=11 #checked');
    expect(stored).toContain('PCT 202601 QS0101 default STAT=99.5 !');
    expect(stored.filter((line) => line.startsWith('POP'))).toEqual([]);
    const [version] = await store.db.query<{ version: number; stored_by: string | null }>(
      `SELECT version, stored_by FROM data_value WHERE value = '13'`,
    );
    expect(version).toEqual({ version: 2, stored_by: null });
  });

  it('reports every kind of bad row with its line and writes nothing', async () => {
    const text = csvOf([
      ['BRITHS', '202601', 'QS0101', '', '', '1'], // 2 unknown element
      ['POP', '202601', 'QS9999', '', '', '1'], // 3 unknown org unit
      ['BIRTHS', '202601', 'QS0101', 'default', '', '1'], // 4 combo not of BIRTHS
      ['POP', '202601', 'QS0101', '', 'CIVIL', '1'], // 5 unknown source
      ['POP', '2026M13', 'QS0101', '', '', '1'], // 6 invalid period
      ['POP', '2026Q1', 'QS0101', '', '', '1'], // 7 wrong period type
      ['POP', '202607', 'QS0101', '', '', '1'], // 8 future
      ['POP', '202601', 'QS01', '', '', '1'], // 9 org unit not assigned
      ['POP', '202602', 'QS0101', '', '', 'abc'], // 10 not a number
      ['POP', '202603', 'QS0101', '', '', '-3'], // 11 negative count
      ['POP', '202604', 'QS0101', '', '', '2.5'], // 12 decimal in INTEGER
      ['POP', '202605', 'QS0101', '', '', '1,234'], // 13 thousands
      ['POP', '202606', 'QS0101', '', '', '1 234'], // 14 thousands with a space
      ['DONE', '202601', 'QS0101', '', '', 'maybe'], // 15 not a boolean
      ['PCT', '202601', 'QS0101', '', '', '120'], // 16 percentage above 100
      ['SHARE', '202601', 'QS0101', '', '', '-0.5'], // 17 negative NUMBER count
      ['POP', '202601', 'QS0102', '', '', '10'], // 18 valid
      ['POP', '202601', 'QS0102', '', 'STAT', '11'], // 19 duplicate of 18
    ]);
    const summary = await importText(store.db, 'csv', text);
    expect(summary.status).toBe('ERROR');
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 18, deleted: 0 });
    expect(summary.conflicts.map((c) => [c.row, c.property, c.object])).toEqual([
      [2, 'dataElement', 'BRITHS'],
      [3, 'orgUnit', 'QS9999'],
      [4, 'categoryOptionCombo', 'default'],
      [5, 'attributeOptionCombo', 'CIVIL'],
      [6, 'period', '2026M13'],
      [7, 'period', '2026Q1'],
      [8, 'period', '202607'],
      [9, 'orgUnit', 'QS01'],
      [10, 'value', 'abc'],
      [11, 'value', '-3'],
      [12, 'value', '2.5'],
      [13, 'value', '1,234'],
      [14, 'value', '1 234'],
      [15, 'value', 'maybe'],
      [16, 'value', '120'],
      [17, 'value', '-0.5'],
      [19, 'dataValue', 'POP 202601 QS0102 default STAT'],
    ]);
    const reason = (row: number) => summary.conflicts.find((c) => c.row === row)?.value;
    expect(reason(2)).toBe('unknown data element "BRITHS"');
    expect(reason(4)).toBe('"default" is not an option combo of data element BIRTHS');
    expect(reason(7)).toBe('period 2026Q1 is Quarterly; data element POP is reported Monthly (MONTHLY)');
    expect(reason(8)).toBe(`period 202607 starts after today (${IMPORT_TODAY}): it is in the future`);
    expect(reason(9)).toBe('org unit QS01 is not assigned to data set MONTHLY');
    expect(reason(11)).toContain('negative');
    expect(reason(12)).toContain('not a whole number');
    expect(reason(13)).toContain('remove thousands separators');
    expect(reason(14)).toContain('remove thousands separators');
    expect(reason(19)).toContain('duplicate of row 18');
    expect(await listStoredValues(store.db)).toEqual([]);
    expect(await store.db.query('SELECT 1 FROM period WHERE iso = $1', ['202604'])).toEqual([]);
  });

  it('writes the valid rows and skips the invalid ones with SKIP_INVALID (WARNING)', async () => {
    const text = csvOf([
      ['POP', '202601', 'QS0101', '', '', '100'],
      ['POP', '202601', 'QS0102', '', '', 'x'],
      ['POP', '202601', 'QS0101', '', '', '200'],
      ['POP', '202601', 'QS0201', '', '', '300'],
    ]);
    const summary = await importText(store.db, 'csv', text, { importStrategy: 'SKIP_INVALID' });
    expect(summary.status).toBe('WARNING');
    expect(summary.importCount).toEqual({ imported: 2, updated: 0, ignored: 2, deleted: 0 });
    expect(summary.conflicts.map((c) => c.row)).toEqual([3, 4]);
    expect(await listStoredValues(store.db)).toEqual([
      'POP 202601 QS0101 default STAT=100',
      'POP 202601 QS0201 default STAT=300',
    ]);
  });

  it('answers a dry run with the same counts and writes nothing', async () => {
    await importText(store.db, 'csv', csvOf(GOOD_ROWS.slice(0, 2)));
    const text = csvOf([
      ...GOOD_ROWS.slice(0, 1),
      ['BIRTHS', '202601', 'QS0101', 'F.1', '', '99'],
      ...GOOD_ROWS.slice(2),
    ]);
    const before = await listStoredValues(store.db);
    const dry = await importText(store.db, 'csv', text, { dryRun: true });
    expect(dry).toMatchObject({ status: 'SUCCESS', dryRun: true });
    expect(dry.importCount).toEqual({ imported: 7, updated: 1, ignored: 1, deleted: 0 });
    expect(await listStoredValues(store.db)).toEqual(before);
    const real = await importText(store.db, 'csv', text);
    expect(real.importCount).toEqual(dry.importCount);
  });

  it('checks against one data set when asked: its elements, period type and org units', async () => {
    const text = csvOf([
      ['LARC', '2026Q1', 'QS01', '', '', '4'],
      ['POP', '202601', 'QS0101', '', '', '4'],
    ]);
    const summary = await importText(store.db, 'csv', text, { dataSet: 'MONTHLY' });
    expect(summary.conflicts).toEqual([
      {
        object: 'LARC',
        property: 'dataElement',
        value: 'data element LARC is not in data set MONTHLY',
        row: 2,
      },
    ]);
    await expect(importText(store.db, 'csv', text, { dataSet: 'NOPE' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an empty file, a header without rows and a header without a required column', async () => {
    for (const text of ['', 'dataElement,period,orgUnit,value\n', '{"dataValues": []}']) {
      const summary = await importText(store.db, text.startsWith('{') ? 'json' : 'csv', text);
      expect(summary).toMatchObject({
        status: 'ERROR',
        conflicts: [{ object: 'file', property: 'file', value: 'the file holds no data values', row: 0 }],
      });
    }
    const missing = await importText(store.db, 'csv', 'dataElement,period,value\nPOP,202601,1\n');
    expect(missing.status).toBe('ERROR');
    expect(missing.conflicts).toEqual([
      { object: 'orgUnit', property: 'file', value: 'missing required column: orgUnit', row: 1 },
    ]);
  });

  it('reads GB18030 and UTF-8 with a BOM alike', async () => {
    const text = csvOf([['NOTE', '202601', 'QS0101', '', '', '东街街道 柳河乡']]);
    const gb = await importText(store.db, 'csv', iconv.encode(text, 'gb18030'));
    expect(gb.importCount.imported).toBe(1);
    expect(await listStoredValues(store.db)).toEqual(['NOTE 202601 QS0101 default STAT=东街街道 柳河乡']);
    const bom = await importText(
      store.db,
      'csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    expect(bom.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 0 });
  });

  it('gives the same summary and values for the same data as JSON and as CSV', async () => {
    const rows = [...GOOD_ROWS, ['POP', '202601', 'QS0101', '', '', 'oops'] as const];
    const csv = await importText(store.db, 'csv', csvOf(rows), { importStrategy: 'SKIP_INVALID' });
    const fromCsv = await listStoredValues(store.db);
    await store.db.exec('DELETE FROM data_value');
    const dataValues = rows.map(
      ([dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value]) => ({
        dataElement,
        period,
        orgUnit,
        categoryOptionCombo,
        attributeOptionCombo,
        value,
      }),
    );
    const json = await importText(store.db, 'json', JSON.stringify({ dataValues }), {
      importStrategy: 'SKIP_INVALID',
    });
    expect(await listStoredValues(store.db)).toEqual(fromCsv);
    // CSV rows are file lines (header = 1); JSON rows are value indexes.
    // Each import has its own job id.
    expect(json.importJobId).not.toEqual(csv.importJobId);
    expect({ ...json, importJobId: undefined }).toEqual({
      ...csv,
      importJobId: undefined,
      conflicts: csv.conflicts.map((c) => ({ ...c, row: c.row - 1 })),
    });
  });

  it('lists the first 1,000 conflicts and counts the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, index) => [
      'NOPE',
      '202601',
      'QS0101',
      '',
      '',
      String(index),
    ]);
    const summary = await importText(store.db, 'csv', csvOf(rows));
    expect(summary.conflicts).toHaveLength(1000);
    expect(summary.conflicts[999]?.row).toBe(1001);
    expect(summary.conflictsTruncated).toBe(500);
  });
});
