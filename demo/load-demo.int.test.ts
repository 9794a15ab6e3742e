import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndicatorAnalytics } from '../src/modules/analytics/analytics.service.js';
import { createTestStore, type TestStore, testStoreKinds } from '../src/store/testing/test-store.js';
import { generateDemoRows } from './generate-demo-data.js';
import { loadDemo, type TDemoLoadResult } from './load-demo.js';

// Two counties' values (≈ 30k) keep the test quick; the full city is timed in docs/demo.md.
const OPTIONS = { today: '2026-05-15', counties: ['QS02', 'QS06'] };

describe.each(testStoreKinds())('loadDemo (%s)', (kind) => {
  let store: TestStore;
  let result: TDemoLoadResult;
  const lines: string[] = [];
  const rows = [...generateDemoRows(OPTIONS)];
  const sumRows = (filter: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((total, row) => total + Number(row.value), 0);

  beforeAll(async () => {
    store = await createTestStore(kind);
    result = await loadDemo(store.db, { ...OPTIONS, log: (line) => lines.push(line) });
    console.log(
      `loadDemo (${kind}): ${result.values} values in ${result.milliseconds} ms\n${lines.join('\n')}`,
    );
  });
  afterAll(() => store.dispose());

  it('loads the whole metadata, every generated value and every boundary', async () => {
    expect(result).toMatchObject({
      orgUnits: 161,
      boundaries: 161,
      firstPeriod: '202201',
      lastPeriod: '202604',
    });
    expect(result.values).toBe(rows.length);
    const [counts] = await store.db.query<{ values: number; targets: number; indicators: number }>(
      `SELECT (SELECT count(*)::int FROM data_value) AS values, (SELECT count(*)::int FROM target) AS targets,
              (SELECT count(*)::int FROM indicator) AS indicators`,
    );
    expect(counts).toEqual({ values: rows.length, targets: 44, indicators: 6 });
    expect(lines.at(-1)).toMatch(/boundaries loaded/);
  });

  it("keeps the city's monthly aggregates equal to the generated values", async () => {
    const [row] = await store.db.query<{ births: number }>(
      `SELECT sum(m.sum_num)::float8 AS births FROM data_value_monthly m
       JOIN org_unit o ON o.id = m.org_unit_id JOIN data_element d ON d.id = m.data_element_id
       JOIN source s ON s.id = m.source_id
       WHERE o.code = 'QS' AND d.code = 'BIRTHS' AND s.code = 'HOSP' AND m.month BETWEEN '2024-01-01' AND '2024-12-01'`,
    );
    const expected = sumRows(
      (r) => r.dataElement === 'BIRTHS' && r.attributeOptionCombo === 'HOSP' && r.period.startsWith('2024'),
    );
    expect(row?.births).toBeCloseTo(expected, 6);
  });

  it('forecasts a coverage (a level, not a count) near its observed value, not as a sum of months', async () => {
    const answer = await getIndicatorAnalytics(
      store.db,
      { indicator: 'LARC_COVERAGE', orgUnit: 'QS02', level: 'self', period: '2026', ytd: true },
      { today: OPTIONS.today },
    );
    const { value, target } = answer.parent;
    const forecast = target?.forecast;
    const [low, high] = forecast?.ci80 ?? [null, null];
    if (value === null || !forecast || forecast.value === null || low === null || high === null)
      throw new Error('no value or no forecast');
    expect(forecast.value).toBeGreaterThan(value - 2);
    expect(forecast.value).toBeLessThan(value + 2);
    expect(low).toBeLessThan(forecast.value);
    expect(high).toBeGreaterThan(forecast.value);
  });
});
