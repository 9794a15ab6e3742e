/**
 * A small city for analytics tests: 青山 with two counties and three townships, monthly births by
 * sex 2020–2026 (through September), yearly population, weekly hospital births in 2026, and
 * indicators of every kind. Metadata goes through `importMetadata`; values through plain SQL
 * (`data_value` is what every writer fills; the aggregates follow by trigger).
 */

import { createSampler } from '../../../core/forecast/index.js';
import { parsePeriod } from '../../../core/periods/index.js';
import type { Db, Queryable } from '../../../store/db.js';
import { importMetadata } from '../../metadata/metadata.service.js';
import { ensurePeriods } from '../../periods/period.repository.js';

export const FIXTURE_METADATA = {
  orgUnits: [
    { code: 'QS', name: '青山市', nameEn: 'Qingshan', parent: null },
    { code: 'QS01', name: '东城区', parent: 'QS' },
    { code: 'QS02', name: '西山县', parent: 'QS' },
    { code: 'QS0101', name: '东街街道', parent: 'QS01' },
    { code: 'QS0102', name: '南湖镇', parent: 'QS01' },
    { code: 'QS0201', name: '石桥镇', parent: 'QS02' },
  ],
  categories: [
    {
      code: 'SEX',
      name: '性别',
      options: [
        { code: 'M', name: '男' },
        { code: 'F', name: '女' },
      ],
    },
  ],
  sources: [
    { code: 'STAT', name: '统计报表' },
    { code: 'HOSP', name: '住院分娩' },
  ],
  dataElements: [
    { code: 'BIRTHS', name: '出生人数', valueType: 'INTEGER', aggregation: 'SUM', categories: ['SEX'] },
    { code: 'POP', name: '常住人口', valueType: 'INTEGER', aggregation: 'AVERAGE' },
    { code: 'STOCK', name: '库存', valueType: 'INTEGER', aggregation: 'LAST' },
  ],
  indicators: [
    {
      code: 'CBR',
      name: '出生率',
      numerator: '#{BIRTHS}',
      denominator: '#{POP}',
      factor: 1000,
      kind: 'rate',
      unit: '‰',
    },
    {
      code: 'SRB',
      name: '出生性别比',
      numerator: '#{BIRTHS[SEX=M]}',
      denominator: '#{BIRTHS[SEX=F]}',
      factor: 100,
      kind: 'sexRatio',
    },
    {
      code: 'MALE_SHARE',
      name: '男婴占比',
      numerator: '#{BIRTHS[SEX=M]}',
      denominator: '#{BIRTHS}',
      factor: 100,
      kind: 'proportion',
    },
    { code: 'HOSP_BIRTHS', name: '住院分娩数', numerator: '#{BIRTHS@HOSP}', denominator: '1', kind: 'plain' },
  ],
  targets: [
    { indicator: 'CBR', orgUnit: 'QS', year: 2026, rule: 'BELOW_PREVIOUS_YEAR' },
    { indicator: 'CBR', orgUnit: 'QS01', year: 2025, rule: 'AT_MOST', threshold: 9 },
  ],
};

export const TOWNSHIPS = ['QS0101', 'QS0102', 'QS0201'] as const;
/** Population of each township (constant over the years). */
export const POPULATION: Record<string, number> = { QS0101: 60_000, QS0102: 25_000, QS0201: 40_000 };
// Seasonal weights of the months (more births in autumn and winter).
const SEASON = [1.05, 0.85, 0.95, 0.92, 0.95, 0.93, 1.0, 1.02, 1.08, 1.1, 1.05, 1.1];

/** Monthly births per township and sex, seeded and deterministic. */
export function fixtureBirths(): Array<{ orgUnit: string; period: string; sex: 'M' | 'F'; value: number }> {
  const sampler = createSampler(7);
  const rows: Array<{ orgUnit: string; period: string; sex: 'M' | 'F'; value: number }> = [];
  for (let year = 2020; year <= 2026; year++) {
    for (let month = 1; month <= (year === 2026 ? 9 : 12); month++) {
      for (const orgUnit of TOWNSHIPS) {
        const mean =
          ((POPULATION[orgUnit] ?? 0) * (0.0105 - 0.0004 * (year - 2020)) * (SEASON[month - 1] ?? 1)) / 12;
        const period = `${year}${String(month).padStart(2, '0')}`;
        rows.push({ orgUnit, period, sex: 'M', value: sampler.poisson(mean * 0.53) });
        rows.push({ orgUnit, period, sex: 'F', value: sampler.poisson(mean * 0.47) });
      }
    }
  }
  return rows;
}

/** Writes rows of (element, combo, source, org unit, period, value) codes into data_value. */
export async function writeValues(
  db: Queryable,
  rows: ReadonlyArray<{
    dataElement: string;
    combo: string;
    source: string;
    orgUnit: string;
    period: string;
    value: number;
  }>,
): Promise<void> {
  const periodIds = await ensurePeriods(
    db,
    rows.map((row) => parsePeriod(row.period)),
  );
  await db.query(
    `INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
     SELECT de.id, r.period_id, ou.id, oc.id, s.id, r.value::text, r.value
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::float8[])
       AS r(de, combo, source, org_unit, period_id, value)
     JOIN data_element de ON de.code = r.de
     JOIN option_combo oc ON oc.data_element_id = de.id AND oc.code = r.combo
     JOIN source s ON s.code = r.source
     JOIN org_unit ou ON ou.code = r.org_unit
     ON CONFLICT (data_element_id, period_id, org_unit_id, option_combo_id, source_id)
     DO UPDATE SET value = EXCLUDED.value, num = EXCLUDED.num, last_updated = now(), version = data_value.version + 1`,
    [
      rows.map((row) => row.dataElement),
      rows.map((row) => row.combo),
      rows.map((row) => row.source),
      rows.map((row) => row.orgUnit),
      rows.map((row) => periodIds.get(row.period) ?? 0),
      rows.map((row) => row.value),
    ],
  );
}

/** Imports the fixture's metadata and values into `db`. */
export async function loadAnalyticsFixture(db: Db): Promise<void> {
  await importMetadata(db, FIXTURE_METADATA);
  const births = fixtureBirths().map((row) => ({
    dataElement: 'BIRTHS',
    combo: row.sex,
    source: 'STAT',
    ...row,
  }));
  const population = TOWNSHIPS.flatMap((orgUnit) =>
    [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({
      dataElement: 'POP',
      combo: 'default',
      source: 'STAT',
      orgUnit,
      period: String(year),
      value: POPULATION[orgUnit] ?? 0,
    })),
  );
  // Hospital births reported weekly in 2026 (weeks cross month boundaries).
  const weekly = Array.from({ length: 39 }, (_, index) => ({
    dataElement: 'BIRTHS',
    combo: 'M',
    source: 'HOSP',
    orgUnit: 'QS0101',
    period: `2026W${index + 1}`,
    value: 7 + (index % 3),
  }));
  const stock = ['202601', '202602', '202603'].map((period, index) => ({
    dataElement: 'STOCK',
    combo: 'default',
    source: 'STAT',
    orgUnit: 'QS0102',
    period,
    value: 100 - index * 10,
  }));
  await db.transaction(async (tx) => {
    await writeValues(tx, [...births, ...population, ...weekly, ...stock]);
  });
}
