/**
 * The synthetic province (or city) the analytics benchmark runs on: a root, counties and
 * townships; births by sex and birth order, population and women 15–49 yearly, and filler
 * monthly elements up to the requested density. Metadata goes through importMetadata; values are
 * streamed with COPY into data_value with its triggers off and its indexes dropped (as a restore
 * would), the indexes are rebuilt, and `data_value_monthly_rebuild()` builds the aggregates.
 */
import { createSampler } from '../src/core/forecast/index.js';
import { parsePeriod } from '../src/core/periods/index.js';
import { importMetadata } from '../src/modules/metadata/metadata.service.js';
import { ensurePeriods } from '../src/modules/periods/period.repository.js';
import type { Db } from '../src/store/db.js';

export interface TScale {
  counties: number;
  townshipsPerCounty: number;
  years: number;
  /** Last year of data; it holds January–September. */
  lastYear: number;
  /** Monthly values per township (6 birth cells + fillers). */
  valuesPerMonth: number;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The metadata file of the scale. */
export function scaleMetadata(scale: TScale) {
  const orgUnits = [{ code: 'P', name: '省', parent: null as string | null }];
  for (let c = 1; c <= scale.counties; c++) {
    orgUnits.push({ code: `P${pad(c, 3)}`, name: `县${c}`, parent: 'P' });
    for (let t = 1; t <= scale.townshipsPerCounty; t++) {
      orgUnits.push({ code: `P${pad(c, 3)}${pad(t, 3)}`, name: `乡${c}-${t}`, parent: `P${pad(c, 3)}` });
    }
  }
  const fillers = Array.from({ length: Math.max(0, scale.valuesPerMonth - 6) }, (_, i) => ({
    code: `F${pad(i + 1, 2)}`,
    name: `指标${i + 1}`,
    valueType: 'INTEGER',
    aggregation: 'SUM',
    categories: [],
  }));
  const rate = (code: string, numerator: string, denominator: string) => ({
    code,
    name: code,
    numerator,
    denominator,
    factor: 1000,
    kind: 'rate',
  });
  return {
    orgUnits,
    categories: [
      {
        code: 'SEX',
        name: '性别',
        options: [
          { code: 'M', name: '男' },
          { code: 'F', name: '女' },
        ],
      },
      {
        code: 'ORDER',
        name: '孩次',
        options: [
          { code: '1', name: '一孩' },
          { code: '2', name: '二孩' },
          { code: '3P', name: '三孩及以上' },
        ],
      },
    ],
    dataElements: [
      {
        code: 'BIRTHS',
        name: '出生',
        valueType: 'INTEGER',
        aggregation: 'SUM',
        categories: ['SEX', 'ORDER'],
      },
      { code: 'POP', name: '常住人口', valueType: 'INTEGER', aggregation: 'AVERAGE', categories: [] },
      { code: 'WOMEN', name: '育龄妇女', valueType: 'INTEGER', aggregation: 'AVERAGE', categories: [] },
      ...fillers,
    ],
    indicators: [
      rate('CBR', '#{BIRTHS}', '#{POP}'),
      rate('GFR', '#{BIRTHS}', '#{WOMEN}'),
      {
        code: 'SRB',
        name: 'SRB',
        numerator: '#{BIRTHS[SEX=M]}',
        denominator: '#{BIRTHS[SEX=F]}',
        factor: 100,
        kind: 'sexRatio',
      },
      {
        code: 'THIRD',
        name: 'THIRD',
        numerator: '#{BIRTHS[ORDER=3P]}',
        denominator: '#{BIRTHS}',
        factor: 100,
        kind: 'proportion',
      },
    ],
    targets: [
      { indicator: 'CBR', orgUnit: 'P', year: scale.lastYear, rule: 'BELOW_PREVIOUS_YEAR' },
      ...Array.from({ length: scale.counties }, (_, c) => ({
        indicator: 'CBR',
        orgUnit: `P${pad(c + 1, 3)}`,
        year: scale.lastYear,
        rule: 'BELOW_PREVIOUS_YEAR',
      })),
    ],
  };
}

/** Every period id the scale's values use. */
export function scalePeriods(scale: TScale): string[] {
  const ids: string[] = [];
  for (let year = scale.lastYear - scale.years + 1; year <= scale.lastYear; year++) {
    ids.push(String(year));
    for (let month = 1; month <= 12; month++) ids.push(`${year}${pad(month, 2)}`);
  }
  return ids;
}

/** Imports the metadata and COPYs the values; returns the number of values. */
export async function buildScale(db: Db, scale: TScale, log: (line: string) => void): Promise<number> {
  await importMetadata(db, scaleMetadata(scale));
  const ids = async (sql: string) =>
    new Map((await db.query<{ code: string; id: number }>(sql)).map((row) => [row.code, row.id]));
  const elements = await ids('SELECT code, id FROM data_element');
  const orgUnits = await ids('SELECT code, id FROM org_unit WHERE level = 3');
  const combos = await ids(
    "SELECT de.code || ':' || oc.code AS code, oc.id FROM option_combo oc JOIN data_element de ON de.id = oc.data_element_id",
  );
  const source = (await ids('SELECT code, id FROM source')).get('STAT') ?? 0;
  const periodIds = await ensurePeriods(db, scalePeriods(scale).map(parsePeriod));
  const sampler = createSampler(42);
  const birthCells = ['M.1', 'M.2', 'M.3P', 'F.1', 'F.2', 'F.3P'].map((code, i) => ({
    id: combos.get(`BIRTHS:${code}`) ?? 0,
    weight: [0.27, 0.21, 0.05, 0.24, 0.19, 0.04][i] ?? 0,
  }));
  const fillers = [...elements]
    .filter(([code]) => code.startsWith('F'))
    .map(([code, id]) => ({ id, combo: combos.get(`${code}:default`) ?? 0 }));
  const births = elements.get('BIRTHS') ?? 0;
  let count = 0;
  async function* csv(): AsyncGenerator<string> {
    for (const [code, orgUnitId] of orgUnits) {
      const population = 20_000 + ((Number(code.slice(-3)) * 997) % 40_000);
      let lines: string[] = [];
      for (let year = scale.lastYear - scale.years + 1; year <= scale.lastYear; year++) {
        for (const [element, share] of [
          ['POP', 1],
          ['WOMEN', 0.24],
        ] as const) {
          const value = Math.round(population * share);
          lines.push(
            `${elements.get(element)},${periodIds.get(String(year))},${orgUnitId},${combos.get(`${element}:default`)},${source},${value},${value}`,
          );
        }
        for (let month = 1; month <= (year === scale.lastYear ? 9 : 12); month++) {
          const period = periodIds.get(`${year}${pad(month, 2)}`);
          const mean = (population * (0.011 - 0.0002 * (scale.lastYear - year))) / 12;
          for (const cell of birthCells) {
            const value = sampler.poisson(mean * cell.weight);
            lines.push(`${births},${period},${orgUnitId},${cell.id},${source},${value},${value}`);
          }
          for (const filler of fillers)
            lines.push(`${filler.id},${period},${orgUnitId},${filler.combo},${source},5,5`);
        }
      }
      count += lines.length;
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  // Bulk load as a restore would: no per-row checks or triggers, indexes built once at the end,
  // then the aggregates rebuilt from the raw values in one statement.
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const started = performance.now();
  await db.exec(`ALTER TABLE data_value DISABLE TRIGGER ALL;
    ALTER TABLE data_value DROP CONSTRAINT data_value_pkey;
    DROP INDEX data_value_org_unit_period_idx;
    DROP INDEX data_value_period_idx;`);
  await db.copyFromCsv(
    'data_value',
    ['data_element_id', 'period_id', 'org_unit_id', 'option_combo_id', 'source_id', 'value', 'num'],
    csv(),
  );
  log(`copied ${count.toLocaleString('en')} values in ${seconds(started)} (no triggers, no indexes)`);
  const indexed = performance.now();
  await db.exec(`SET maintenance_work_mem = '${db.kind === 'pglite' ? '256MB' : '1GB'}';
    ALTER TABLE data_value ADD PRIMARY KEY (data_element_id, period_id, org_unit_id, option_combo_id, source_id);
    CREATE INDEX data_value_org_unit_period_idx ON data_value(org_unit_id, period_id);
    CREATE INDEX data_value_period_idx ON data_value(period_id);
    ALTER TABLE data_value ENABLE TRIGGER ALL;
    RESET maintenance_work_mem;`);
  log(`built the data_value indexes in ${seconds(indexed)}`);
  const rebuilt = performance.now();
  await db.query('SELECT data_value_monthly_rebuild()');
  log(`rebuilt data_value_monthly in ${seconds(rebuilt)}; whole load ${seconds(started)}`);
  return count;
}
