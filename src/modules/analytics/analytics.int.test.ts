import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../core/periods/index.js';
import type { Db } from '../../store/db.js';
import { openPostgresDb } from '../../store/postgres-driver.js';
import { eventually } from '../../store/testing/eventually.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { getAnalyticsOverview, getIndicatorAnalytics } from './analytics.service.js';
import { loadAnalyticsCatalog } from './analytics-catalog.js';
import { getAnalyticsSeries } from './analytics-series.service.js';
import { forgetOutcomes } from './forecast-outcome-memo.js';
import { evaluateIndicator } from './indicator-values.js';
import { fixtureBirths, loadAnalyticsFixture, POPULATION, writeValues } from './testing/analytics-fixture.js';

const TODAY = '2026-10-15';
/** The fixture's births of 2025 in the whole city. */
const BIRTHS_2025 = fixtureBirths()
  .filter((row) => row.period.startsWith('2025'))
  .reduce((sum, row) => sum + row.value, 0);

function expectSame(actual: number | null | undefined, expected: number | null | undefined): void {
  if (expected === null || expected === undefined) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 6);
}

describe.each(testStoreKinds())('analytics on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadAnalyticsFixture(store.db);
  });
  afterAll(() => store.dispose());

  /** Every indicator for every org unit: the aggregate path equals the GROUP BY over raw values. */
  async function expectAggregatesAsRaw(periodId: string, ytd: boolean): Promise<void> {
    const catalog = await loadAnalyticsCatalog(store.db);
    const ids = (await orgUnitIds()).map((row) => row.id);
    const period = parsePeriod(periodId);
    for (const indicator of catalog.indicators) {
      const fresh = await evaluateIndicator(store.db, catalog, indicator, ids, { period, ytd });
      const raw = await evaluateIndicator(store.db, catalog, indicator, ids, { period, ytd, from: 'raw' });
      for (const id of ids) {
        expectSame(fresh.get(id)?.numerator, raw.get(id)?.numerator);
        expectSame(fresh.get(id)?.denominator, raw.get(id)?.denominator);
      }
    }
  }

  const orgUnitIds = async () => {
    const rows = await store.db.query<{ id: number; code: string }>(
      'SELECT id, code FROM org_unit ORDER BY code',
    );
    return rows;
  };

  it.each([
    ['2025', false],
    ['2025Q3', false],
    ['202602', false],
    ['2026W10', true],
    ['2026W14', false],
    ['202609', true],
  ])('reads %s (ytd %s) from the aggregates exactly as a GROUP BY over raw values', (periodId, ytd) =>
    expectAggregatesAsRaw(periodId, ytd),
  );

  it('sums births up the tree and averages yearly population over any sub-period', async () => {
    const answer = await getIndicatorAnalytics(
      store.db,
      { indicator: 'CBR', orgUnit: 'QS', level: 'children', period: '2025', ytd: false },
      { today: TODAY },
    );
    const population = Object.values(POPULATION).reduce((a, b) => a + b, 0);
    expect(answer.parent.numerator).toBeCloseTo(BIRTHS_2025, 6);
    expect(answer.parent.denominator).toBeCloseTo(population, 6);
    expect(answer.parent.value).toBeCloseTo((BIRTHS_2025 / population) * 1000, 9);
    expect(answer.rows.map((row) => row.orgUnit)).toEqual(['QS01', 'QS02']);
    const quarter = await getIndicatorAnalytics(store.db, {
      indicator: 'CBR',
      orgUnit: 'QS0101',
      level: 'self',
      period: '2025Q2',
      ytd: false,
    });
    expect(quarter.parent.denominator).toBeCloseTo(60_000, 6);
  });

  it('gives every row an interval around its value, a p-value for the change and a rank', async () => {
    const answer = await getIndicatorAnalytics(
      store.db,
      { indicator: 'CBR', orgUnit: 'QS', level: 'children', period: '2025', ytd: false },
      { today: TODAY },
    );
    for (const row of [answer.parent, ...answer.rows]) {
      const [low, high] = row.ci95 ?? [Number.NaN, Number.NaN];
      expect(low).toBeLessThan(row.value ?? 0);
      expect(high).toBeGreaterThan(row.value ?? 0);
      expect(row.previous.value).not.toBeNull();
      expect(row.change).toBeCloseTo((row.value ?? 0) - (row.previous.value ?? 0), 9);
      expect(row.pValue).toBeGreaterThan(0);
      expect(row.significant).toBe((row.pValue ?? 1) < 0.05);
    }
    expect(answer.rows.map((row) => row.rank).sort()).toEqual([1, 2]);
    expect(answer.rows.some((row) => row.aboveParentAverage)).toBe(true);
  });

  it('judges a closed year’s target on its final value', async () => {
    const answer = await getIndicatorAnalytics(
      store.db,
      { indicator: 'CBR', orgUnit: 'QS', level: 'children', period: '2025', ytd: false },
      { today: TODAY },
    );
    const county = answer.rows.find((row) => row.orgUnit === 'QS01');
    expect(county?.target?.rule).toBe('AT_MOST');
    expect(county?.target?.status).toBe((county?.value ?? 0) <= 9 ? 'MET' : 'MISSED');
  });

  it('forecasts the current year and gives the probability of meeting the target', async () => {
    const answer = await getIndicatorAnalytics(
      store.db,
      { indicator: 'CBR', orgUnit: 'QS', level: 'children', period: '202609', ytd: true },
      { today: TODAY },
    );
    const target = answer.parent.target;
    expect(target?.rule).toBe('BELOW_PREVIOUS_YEAR');
    expect(target?.probability).toBeGreaterThanOrEqual(0);
    expect(target?.probability).toBeLessThanOrEqual(1);
    expect(['ON_TRACK', 'AT_RISK', 'OFF_TRACK']).toContain(target?.status);
    const [low, high] = target?.forecast?.ci80 ?? [0, 0];
    expect(low).toBeLessThanOrEqual(target?.forecast?.value ?? 0);
    expect(high).toBeGreaterThanOrEqual(target?.forecast?.value ?? 0);
    // A YTD rate is annualised: close to the full-year rate, not three quarters of it.
    expect(answer.parent.value).toBeGreaterThan(0.8 * (target?.previousYearValue ?? 0));
    expect(answer.parent.direction).not.toBeNull();
  });

  it('computes sex ratios, proportions and plain counts with their methods', async () => {
    const overview = await getAnalyticsOverview(
      store.db,
      { orgUnit: 'QS', level: 'children', period: '2025', ytd: false },
      { today: TODAY },
    );
    const byCode = new Map(overview.indicators.map((answer) => [answer.indicator.code, answer]));
    const srb = byCode.get('SRB')?.parent;
    expect(srb?.value).toBeCloseTo(((srb?.numerator ?? 0) / (srb?.denominator ?? 1)) * 100, 9);
    expect(srb?.ci95?.[0]).toBeLessThan(srb?.value ?? 0);
    const share = byCode.get('MALE_SHARE')?.parent;
    expect(share?.ci95?.[1]).toBeLessThan(100);
    expect(byCode.get('HOSP_BIRTHS')?.parent.ci95).toBeNull();
    // 2026W1 runs from 29 December 2025: 3 of its 7 days count into 2025.
    expect(byCode.get('HOSP_BIRTHS')?.parent.value).toBeCloseTo((7 * 3) / 7, 9);
  });

  it('answers weekly hospital births split by days and yields null without a denominator', async () => {
    const week = await getIndicatorAnalytics(store.db, {
      indicator: 'HOSP_BIRTHS',
      orgUnit: 'QS',
      level: 'self',
      period: '2026W5',
      ytd: false,
    });
    expect(week.parent.value).toBeCloseTo(7 + (4 % 3), 9);
    const cbrNoPop = await getIndicatorAnalytics(store.db, {
      indicator: 'CBR',
      orgUnit: 'QS',
      level: 'self',
      period: '2018',
      ytd: false,
    });
    expect(cbrNoPop.parent.value).toBeNull();
  });

  it('shows a saved value at once and forgets a rolled-back one', async () => {
    const query = { indicator: 'CBR', orgUnit: 'QS', level: 'self' as const, period: '202603', ytd: false };
    const before = (await getIndicatorAnalytics(store.db, query)).parent.numerator ?? 0;
    await writeValues(store.db, [
      { dataElement: 'BIRTHS', combo: 'M', source: 'STAT', orgUnit: 'QS0201', period: '202603', value: 1000 },
    ]);
    const after = (await getIndicatorAnalytics(store.db, query)).parent.numerator ?? 0;
    const old =
      fixtureBirths().find((row) => row.orgUnit === 'QS0201' && row.period === '202603' && row.sex === 'M')
        ?.value ?? 0;
    expect(after - before).toBeCloseTo(1000 - old, 9);
    await store.db
      .transaction(async (tx) => {
        await tx.query(
          "DELETE FROM data_value WHERE org_unit_id = (SELECT id FROM org_unit WHERE code = 'QS0201')",
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await getIndicatorAnalytics(store.db, query)).parent.numerator).toBeCloseTo(after, 9);
  });

  it('recomputes a repeated overview once a target changes, and reuses it while nothing changed', async () => {
    const query = { orgUnit: 'QS', level: 'children' as const, period: '202609', ytd: true };
    const cbrTarget = (answer: Awaited<ReturnType<typeof getAnalyticsOverview>>) =>
      answer.indicators.find((item) => item.indicator.code === 'CBR')?.parent.target;
    const first = await getAnalyticsOverview(store.db, query, { today: TODAY });
    const again = await getAnalyticsOverview(store.db, query, { today: TODAY });
    // The cached answer itself, frozen: no caller can change what the next one reads.
    expect(again).toBe(first);
    expect(Object.isFrozen(first.indicators[0]?.parent)).toBe(true);
    expect(cbrTarget(first)?.rule).toBe('BELOW_PREVIOUS_YEAR');
    await store.db.query(
      `UPDATE target SET rule = 'AT_MOST', threshold = 1 WHERE year = 2026
         AND org_unit_id = (SELECT id FROM org_unit WHERE code = 'QS')
         AND indicator_id = (SELECT id FROM indicator WHERE code = 'CBR')`,
    );
    const changed = await getAnalyticsOverview(store.db, query, { today: TODAY });
    expect(cbrTarget(changed)).toMatchObject({ rule: 'AT_MOST', threshold: 1, status: 'OFF_TRACK' });
    await store.db.query(
      `UPDATE target SET rule = 'BELOW_PREVIOUS_YEAR', threshold = NULL WHERE year = 2026
         AND org_unit_id = (SELECT id FROM org_unit WHERE code = 'QS')
         AND indicator_id = (SELECT id FROM indicator WHERE code = 'CBR')`,
    );
    expect(cbrTarget(await getAnalyticsOverview(store.db, query, { today: TODAY }))).toEqual(
      cbrTarget(first),
    );
  });

  it('serves a repeated answer without a query until a write is reported, also one of another process', async () => {
    let queries = 0;
    // The store itself, counting its queries.
    const counted: Db = {
      kind: store.db.kind,
      query: (sql, params) => {
        queries++;
        return store.db.query(sql, params);
      },
      exec: (sql) => store.db.exec(sql),
      copyFromCsv: (table, columns, chunks) => store.db.copyFromCsv(table, columns, chunks),
      transaction: (work) => store.db.transaction(work),
      listen: (channel, onChange) => store.db.listen(channel, onChange),
      close: async () => undefined,
    };
    const query = { orgUnit: 'QS01', level: 'children' as const, period: '202604', ytd: false };
    const births = (answer: Awaited<ReturnType<typeof getAnalyticsOverview>>) =>
      answer.indicators.find((item) => item.indicator.code === 'CBR')?.parent.numerator ?? 0;
    const first = await getAnalyticsOverview(counted, query, { today: TODAY });
    // The change listener starts with the first call; until it is live each call reads the version.
    await eventually(async () => {
      const before = queries;
      await getAnalyticsOverview(counted, query, { today: TODAY });
      return queries === before;
    });
    expect(await getAnalyticsOverview(counted, query, { today: TODAY })).toBe(first);

    const other = kind === 'postgres' ? openPostgresDb(store.databaseUrl ?? '') : store.db;
    try {
      await writeValues(other, [
        {
          dataElement: 'BIRTHS',
          combo: 'F',
          source: 'STAT',
          orgUnit: 'QS0101',
          period: '202604',
          value: 5000,
        },
      ]);
      if (kind === 'pglite')
        expect(births(await getAnalyticsOverview(counted, query, { today: TODAY }))).not.toBe(births(first));
      // Another process's write shows once its notification has arrived.
      await eventually(
        async () => births(await getAnalyticsOverview(counted, query, { today: TODAY })) !== births(first),
      );
    } finally {
      if (other !== store.db) await other.close();
    }
    const old =
      fixtureBirths().find((row) => row.orgUnit === 'QS0101' && row.period === '202604' && row.sex === 'F')
        ?.value ?? 0;
    expect(births(await getAnalyticsOverview(counted, query, { today: TODAY })) - births(first)).toBeCloseTo(
      5000 - old,
      6,
    );
  });

  it('re-simulates after a write only the forecasts it changed, exactly as from scratch', async () => {
    const setTargets = (sql: string) =>
      store.db.query(sql.replace('$UNITS', "SELECT id FROM org_unit WHERE code IN ('QS01', 'QS02')"));
    await setTargets(
      `INSERT INTO target (indicator_id, org_unit_id, year, rule)
       SELECT (SELECT id FROM indicator WHERE code = 'CBR'), id, 2026, 'BELOW_PREVIOUS_YEAR' FROM ($UNITS) u`,
    );
    const query = { orgUnit: 'QS', level: 'children' as const, period: '202609', ytd: true };
    const overview = () => getAnalyticsOverview(store.db, query, { today: TODAY, cache: false });
    const targetOf = (answer: Awaited<ReturnType<typeof overview>>, code: string) =>
      answer.indicators
        .find((item) => item.indicator.code === 'CBR')
        ?.rows.find((row) => row.orgUnit === code)?.target;
    const old =
      fixtureBirths().find((row) => row.orgUnit === 'QS0201' && row.period === '202605' && row.sex === 'F')
        ?.value ?? 0;
    const saveBirths = (value: number) =>
      writeValues(store.db, [
        { dataElement: 'BIRTHS', combo: 'F', source: 'STAT', orgUnit: 'QS0201', period: '202605', value },
      ]);
    try {
      const before = await overview();
      expect(targetOf(before, 'QS02')?.forecast).not.toBeNull();
      await saveBirths(old + 300);
      const remembered = await overview();
      forgetOutcomes();
      expect(remembered).toEqual(await overview());
      expect(targetOf(remembered, 'QS02')?.forecast?.value).toBeGreaterThan(
        targetOf(before, 'QS02')?.forecast?.value ?? 0,
      );
      expect(targetOf(remembered, 'QS01')).toEqual(targetOf(before, 'QS01'));
    } finally {
      await saveBirths(old);
      await setTargets('DELETE FROM target WHERE year = 2026 AND org_unit_id IN ($UNITS)');
    }
  });

  /** Every aggregate row with values, as text, in one order. */
  const snapshot = async () =>
    (
      await store.db.query<{ row: string }>(
        `SELECT concat_ws('|', data_element_id, option_combo_id, source_id, org_unit_id, month,
                round(sum_num::numeric, 6), round(sum_num_days::numeric, 6), value_count) AS row
         FROM data_value_monthly WHERE value_count > 0 ORDER BY 1`,
      )
    ).map((row) => row.row);

  it('rebuilds the aggregates from raw values to the rows the triggers kept', async () => {
    const kept = await snapshot();
    await store.db.query('SELECT data_value_monthly_rebuild()');
    expect(await snapshot()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(1000);
  });

  it('reads LAST elements as the latest period in range', async () => {
    const rows = await store.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM data_value_monthly m JOIN data_element d ON d.id = m.data_element_id WHERE d.code = 'STOCK'",
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('returns a monthly series beside the previous year', async () => {
    const series = await getAnalyticsSeries(store.db, {
      indicator: 'CBR',
      orgUnit: 'QS01',
      from: '202601',
      to: '202612',
    });
    expect(series.points).toHaveLength(12);
    expect(series.points[0]?.previous.numerator).not.toBeNull();
    expect(series.points[11]?.value).toBeNull();
  });

  it('names an unknown indicator or org unit', async () => {
    await expect(
      getIndicatorAnalytics(store.db, {
        indicator: 'NOPE',
        orgUnit: 'QS',
        level: 'self',
        period: '2025',
        ytd: false,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      getIndicatorAnalytics(store.db, {
        indicator: 'CBR',
        orgUnit: 'NOPE',
        level: 'self',
        period: '2025',
        ytd: false,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  // Last: it changes the fixture's tree.
  it('moves the aggregates with a county that moves, exactly as a rebuild and the raw values give them', async () => {
    await importMetadata(store.db, {
      orgUnits: [
        { code: 'QS02', name: '西山县', parent: 'QS01' },
        { code: 'QS010101', name: '东街一村', parent: 'QS0101' },
      ],
    });
    const moved = await snapshot();
    await store.db.query('SELECT data_value_monthly_rebuild()');
    expect(await snapshot()).toEqual(moved);
    await expectAggregatesAsRaw('202609', true);
    const qs01 = await getIndicatorAnalytics(
      store.db,
      { indicator: 'CBR', orgUnit: 'QS01', level: 'self', period: '2025', ytd: false },
      { today: TODAY },
    );
    // QS01 now holds the whole city's townships.
    expect(qs01.parent.numerator).toBeCloseTo(BIRTHS_2025, 6);
  });
});
