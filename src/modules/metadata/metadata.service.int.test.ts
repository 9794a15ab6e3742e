import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { CLI_PRINCIPAL } from '../auth/principal.js';
import {
  exportMetadata,
  getDataSet,
  getOrgUnit,
  importMetadata,
  listDescendantCodes,
  listOrgUnits,
  loadMetadataCatalog,
} from './metadata.service.js';
import type { TMetadataError } from './metadata-api.schema.js';
import { buildMetadataFixture } from './testing/metadata-fixture.js';

const TABLES = [
  'org_unit',
  'org_unit_closure',
  'category',
  'category_option',
  'source',
  'data_element',
  'option_combo',
  'data_set',
  'data_set_element',
  'data_set_org_unit',
  'indicator',
  'target',
  'constant',
  'reconciliation',
  'validation_rule',
];

/** Row count of every metadata table, to show that a refused import wrote nothing. */
async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = row?.count ?? -1;
  }
  return counts;
}

/** The errors of the INVALID_METADATA that `work` must throw. */
async function invalidErrors(work: Promise<unknown>): Promise<TMetadataError[]> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_METADATA');
  return ((error as AppError).details as { errors: TMetadataError[] }).errors;
}

describe.each(testStoreKinds())('metadata import on %s', (kind) => {
  let store: TestStore;
  let db: Db;
  beforeAll(async () => {
    store = await createTestStore(kind);
    db = store.db;
  });
  afterAll(async () => store.dispose());

  it('dry-runs the fixture without writing anything', async () => {
    const result = await importMetadata(db, buildMetadataFixture(), { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.stats.orgUnits).toEqual({ created: 7, updated: 0, unchanged: 0 });
    expect((await countRows(db)).org_unit).toBe(0);
  });

  it('imports the fixture and creates the default source', async () => {
    const result = await importMetadata(db, buildMetadataFixture());
    expect(result.stats).toMatchObject({
      orgUnits: { created: 7, updated: 0, unchanged: 0 },
      categories: { created: 2 },
      sources: { created: 2 },
      dataElements: { created: 2 },
      dataSets: { created: 1 },
      indicators: { created: 1 },
      targets: { created: 1 },
    });
    const counts = await countRows(db);
    expect(counts).toMatchObject({ org_unit: 7, org_unit_closure: 7 + 6 + 4, option_combo: 6 + 1 });
    expect(counts.data_set_org_unit).toBe(4);
  });

  it('keeps levels, paths and the closure table for the tree', async () => {
    const township = await getOrgUnit(db, CLI_PRINCIPAL, 'QS0201');
    expect(township).toMatchObject({ level: 3, path: '/QS/QS02/QS0201', parent: 'QS02', childCount: 0 });
    expect(township.ancestors.map((unit) => unit.code)).toEqual(['QS', 'QS02']);
    expect(await listDescendantCodes(db, CLI_PRINCIPAL, 'QS')).toEqual([
      'QS01',
      'QS02',
      'QS0101',
      'QS0102',
      'QS0201',
      'QS0202',
    ]);
    expect((await listOrgUnits(db, CLI_PRINCIPAL)).map((unit) => [unit.code, unit.childCount])).toEqual([
      ['QS', 2],
    ]);
    expect((await listOrgUnits(db, CLI_PRINCIPAL, { level: 2 })).map((unit) => unit.code)).toEqual([
      'QS01',
      'QS02',
    ]);
  });

  it('builds option combos as the product of the categories, in category order', async () => {
    const dataSet = await getDataSet(db, CLI_PRINCIPAL, 'MONTHLY');
    const births = dataSet.dataElements.find((element) => element.code === 'BIRTHS');
    expect(births?.optionCombos.map((combo) => combo.code)).toEqual([
      'M.1',
      'M.2',
      'M.3P',
      'F.1',
      'F.2',
      'F.3P',
    ]);
    expect(births?.optionCombos[2]).toEqual({
      code: 'M.3P',
      name: '男, 三孩及以上',
      nameEn: null,
      options: { SEX: 'M', ORDER: '3P' },
    });
    expect(dataSet.dataElements[1]?.optionCombos.map((combo) => combo.code)).toEqual(['default']);
    expect(dataSet.orgUnits).toEqual(['QS0101', 'QS0102', 'QS0201', 'QS0202']);
    expect(dataSet.sources.map((source) => source.code)).toEqual(['HOSP', 'STAT']);
  });

  it('loads the catalog other modules read metadata from', async () => {
    const catalog = await loadMetadataCatalog(db);
    expect(catalog.orgUnits.get('QS0102')).toMatchObject({
      level: 3,
      path: '/QS/QS01/QS0102',
      parent: 'QS01',
    });
    expect(catalog.dataElements.get('BIRTHS')?.optionCombos.get('F.2')?.options).toEqual({
      SEX: 'F',
      ORDER: '2',
    });
    expect(catalog.findDataElement('BIRTHS')?.categories.map((category) => category.options)).toEqual([
      ['M', 'F'],
      ['1', '2', '3P'],
    ]);
    expect([catalog.hasSource('STAT'), catalog.hasSource('NOPE'), catalog.defaultSource]).toEqual([
      true,
      false,
      'STAT',
    ]);
    expect(catalog.dataSets.get('MONTHLY')?.orgUnits).toEqual(
      new Set(['QS0101', 'QS0102', 'QS0201', 'QS0202']),
    );
    expect(catalog.targets).toEqual([
      { indicator: 'CBR', orgUnit: 'QS', year: 2026, rule: 'BELOW_PREVIOUS_YEAR' },
    ]);
  });

  it('re-imports the same file without changing anything', async () => {
    const before = await countRows(db);
    const result = await importMetadata(db, buildMetadataFixture());
    for (const [section, stats] of Object.entries(result.stats)) {
      expect({ section, created: stats.created, updated: stats.updated }).toEqual({
        section,
        created: 0,
        updated: 0,
      });
    }
    expect(result.stats.orgUnits.unchanged).toBe(7);
    expect(await countRows(db)).toEqual(before);
  });

  it('moves a unit with its subtree', async () => {
    const file = { orgUnits: [{ code: 'QS02', name: '西山县', nameEn: 'Xishan County', parent: 'QS01' }] };
    const result = await importMetadata(db, file);
    expect(result.stats.orgUnits).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await getOrgUnit(db, CLI_PRINCIPAL, 'QS0202')).toMatchObject({
      level: 4,
      path: '/QS/QS01/QS02/QS0202',
    });
    expect((await getOrgUnit(db, CLI_PRINCIPAL, 'QS0202')).ancestors.map((unit) => unit.code)).toEqual([
      'QS',
      'QS01',
      'QS02',
    ]);
    expect(await listDescendantCodes(db, CLI_PRINCIPAL, 'QS01')).toEqual([
      'QS0101',
      'QS0102',
      'QS02',
      'QS0201',
      'QS0202',
    ]);
    // The level-3 data set now covers QS02 and no longer its townships.
    expect((await getDataSet(db, CLI_PRINCIPAL, 'MONTHLY')).orgUnits).toEqual(['QS0101', 'QS0102', 'QS02']);
    await importMetadata(db, { orgUnits: [{ ...file.orgUnits[0], parent: 'QS' }] });
    expect(await getOrgUnit(db, CLI_PRINCIPAL, 'QS0202')).toMatchObject({
      level: 3,
      path: '/QS/QS02/QS0202',
    });
  });

  it('adds option combos when a category gains an option', async () => {
    const fixture = buildMetadataFixture();
    fixture.categories?.[0]?.options.push({ code: 'U', name: '未知' });
    const result = await importMetadata(db, { categories: fixture.categories });
    expect(result.stats.categories).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const catalog = await loadMetadataCatalog(db);
    expect([...(catalog.dataElements.get('BIRTHS')?.optionCombos.keys() ?? [])]).toContain('U.3P');
  });

  it('refuses to remove an option combo that has data values', async () => {
    await db.exec(`
      INSERT INTO period (iso, type, start_date, end_date) VALUES ('202601', 'Monthly', '2026-01-01', '2026-01-31');
      INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
      SELECT e.id, p.id, o.id, c.id, s.id, '3', 3 FROM data_element e, period p, org_unit o, option_combo c, source s
      WHERE e.code = 'BIRTHS' AND p.iso = '202601' AND o.code = 'QS0101' AND c.data_element_id = e.id
        AND c.code = 'U.1' AND s.code = 'STAT';`);
    const before = await countRows(db);
    const errors = await invalidErrors(importMetadata(db, { categories: buildMetadataFixture().categories }));
    expect(errors).toEqual([
      {
        path: 'categories[0].options',
        message: 'would remove option combo "U.1" of data element "BIRTHS", which has 1 data values',
      },
    ]);
    expect(await countRows(db)).toEqual(before);
  });

  const refusals: Array<[string, (file: ReturnType<typeof buildMetadataFixture>) => void, TMetadataError]> = [
    [
      'a cycle in the tree',
      (file) => {
        file.orgUnits![0]!.parent = 'QS0102';
      },
      {
        path: 'orgUnits[0].parent',
        message: 'cycle in the org-unit tree: QS → QS0102 → QS01 → QS (each → its parent)',
      },
    ],
    [
      'a duplicate code',
      (file) => {
        file.dataElements!.push({ code: 'POP', name: 'again', valueType: 'NUMBER', aggregation: 'SUM' });
      },
      { path: 'dataElements[2]', message: 'duplicate code "POP" (also at dataElements[1])' },
    ],
    [
      'an unknown element in a data set',
      (file) => {
        file.dataSets![0]!.dataElements = ['BIRTHS', 'DEATHS'];
      },
      { path: 'dataSets[0].dataElements[1]', message: 'unknown data element "DEATHS"' },
    ],
    [
      'a misspelt data element in an expression',
      (file) => {
        file.indicators!.push({
          code: 'X',
          name: 'x',
          numerator: '#{BIRHTS}',
          denominator: '1',
          kind: 'plain',
        });
      },
      { path: 'indicators[1].numerator', message: 'unknown data element "BIRHTS" at 3' },
    ],
    [
      'a target without its threshold',
      (file) => {
        file.targets![0]!.rule = 'AT_LEAST';
      },
      { path: 'targets[0].threshold', message: 'required for rule AT_LEAST' },
    ],
  ];

  it.each(refusals)('refuses %s, names the path and writes nothing', async (_name, spoil, expected) => {
    const file = buildMetadataFixture();
    file.orgUnits!.push({ code: 'QS03', name: '新区', parent: 'QS' });
    spoil(file);
    const before = await countRows(db);
    expect(await invalidErrors(importMetadata(db, file))).toContainEqual(expected);
    expect(await countRows(db)).toEqual(before);
  });

  it('imports constants, reconciliations and validation rules idempotently', async () => {
    const file = {
      sources: [{ code: 'HOSP', name: '住院分娩', nameEn: 'Hospital deliveries' }],
      dataElements: [
        { code: 'BIRTHS_MATCHED', name: '匹配出生', valueType: 'INTEGER', aggregation: 'SUM' },
        { code: 'WOMEN', name: '育龄妇女', valueType: 'INTEGER', aggregation: 'AVERAGE' },
      ],
      constants: [{ code: 'PER_K', name: '千', value: 1000 }],
      reconciliations: [
        {
          code: 'BIRTH_DSE',
          a: { dataElement: 'BIRTHS', source: 'STAT', options: { SEX: 'M' } },
          b: { dataElement: 'BIRTHS', source: 'HOSP' },
          matched: { dataElement: 'BIRTHS_MATCHED' },
        },
      ],
      validationRules: [
        {
          code: 'BIRTHS_LE_WOMEN',
          name: '出生不超过育龄妇女',
          leftSide: { expression: '#{BIRTHS}' },
          operator: 'less_than_or_equal_to',
          rightSide: { expression: '#{WOMEN} * C{PER_K} / C{PER_K}', description: 'women' },
        },
      ],
      dataSets: [
        {
          code: 'LIST',
          name: '名单',
          periodType: 'Yearly',
          dueDays: 30,
          dataElements: ['WOMEN'],
          orgUnits: ['QS02', 'QS01', 'QS01'],
        },
      ],
    } as const;
    const first = await importMetadata(db, file);
    expect(first.stats).toMatchObject({
      constants: { created: 1 },
      reconciliations: { created: 1 },
      validationRules: { created: 1 },
      dataSets: { created: 1 },
    });
    expect((await getDataSet(db, CLI_PRINCIPAL, 'LIST')).orgUnits).toEqual(['QS01', 'QS02']);
    const again = await importMetadata(db, file);
    expect(Object.values(again.stats).every((stats) => stats.created + stats.updated === 0)).toBe(true);
    const exported = await exportMetadata(db);
    expect(exported.validationRules[0]).toEqual({ ...file.validationRules[0], importance: 'MEDIUM' });
    expect(exported.reconciliations[0]).toEqual(file.reconciliations[0]);
  });

  it('refuses a data set with both or neither of orgUnitLevel and orgUnits', async () => {
    const set = { code: 'BAD', name: 'x', periodType: 'Monthly', dueDays: 1, dataElements: ['POP'] };
    const errors = await invalidErrors(
      importMetadata(db, { dataSets: [set, { ...set, code: 'BAD2', orgUnitLevel: 9 }] }),
    );
    expect(errors).toEqual([
      { path: 'dataSets[0]', message: 'give exactly one of orgUnitLevel and orgUnits' },
      { path: 'dataSets[1].orgUnitLevel', message: 'no org unit is at level 9' },
    ]);
  });

  it('exports what an empty store imports back unchanged', async () => {
    const exported = await exportMetadata(db);
    expect(exported.orgUnits.map((unit) => unit.code).slice(0, 2)).toEqual(['QS', 'QS01']);
    const other = await createTestStore(kind);
    try {
      const result = await importMetadata(other.db, exported);
      expect(result.stats.sources).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(await exportMetadata(other.db)).toEqual(exported);
      expect(JSON.stringify(await exportMetadata(other.db))).toBe(JSON.stringify(exported));
    } finally {
      await other.dispose();
    }
  });
});
