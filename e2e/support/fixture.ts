import type { TMetadataFileInput } from '../../src/modules/metadata/metadata.schema.js';

/**
 * A small city for e2e tests in the metadata-file format: 青山市 with two counties and four
 * townships, births by sex and birth order, resident population, one monthly data set.
 */
export const FIXTURE_METADATA: TMetadataFileInput = {
  orgUnits: [
    { code: 'QS', name: '青山市', nameEn: 'Qingshan', parent: null },
    { code: 'QS01', name: '东城区', nameEn: 'Dongcheng District', parent: 'QS' },
    { code: 'QS02', name: '西山县', nameEn: 'Xishan County', parent: 'QS' },
    { code: 'QS0101', name: '东街街道', nameEn: 'Dongjie Subdistrict', parent: 'QS01' },
    { code: 'QS0102', name: '南湖镇', nameEn: 'Nanhu Town', parent: 'QS01' },
    { code: 'QS0201', name: '石桥镇', nameEn: 'Shiqiao Town', parent: 'QS02' },
    { code: 'QS0202', name: '柳河乡', nameEn: 'Liuhe Township', parent: 'QS02' },
  ],
  categories: [
    {
      code: 'SEX',
      name: '性别',
      nameEn: 'Sex',
      options: [
        { code: 'M', name: '男', nameEn: 'Male' },
        { code: 'F', name: '女', nameEn: 'Female' },
      ],
    },
    {
      code: 'ORDER',
      name: '孩次',
      nameEn: 'Birth order',
      options: [
        { code: '1', name: '一孩', nameEn: 'First' },
        { code: '2', name: '二孩', nameEn: 'Second' },
        { code: '3P', name: '三孩及以上', nameEn: 'Third and later' },
      ],
    },
  ],
  sources: [
    { code: 'STAT', name: '统计报表', nameEn: 'Statistics reports' },
    { code: 'HOSP', name: '住院分娩', nameEn: 'Hospital deliveries' },
  ],
  dataElements: [
    {
      code: 'BIRTHS',
      name: '出生人数',
      nameEn: 'Births',
      valueType: 'INTEGER',
      aggregation: 'SUM',
      categories: ['SEX', 'ORDER'],
    },
    {
      code: 'POP',
      name: '常住人口',
      nameEn: 'Resident population',
      valueType: 'INTEGER',
      aggregation: 'AVERAGE',
    },
  ],
  dataSets: [
    {
      code: 'MONTHLY',
      name: '出生月报',
      nameEn: 'Monthly births report',
      periodType: 'Monthly',
      dueDays: 10,
      dataElements: ['BIRTHS', 'POP'],
      orgUnitLevel: 3,
    },
  ],
  indicators: [
    {
      code: 'CBR',
      name: '出生率',
      nameEn: 'Crude birth rate',
      numerator: '#{BIRTHS}',
      denominator: '#{POP}',
      factor: 1000,
      kind: 'rate',
      unit: '‰',
    },
  ],
};

/** Loads the fixture through the API (`POST /api/metadata`); throws when the server refuses it. */
export async function loadFixture(baseUrl: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(`${baseUrl}/api/metadata`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(FIXTURE_METADATA),
  });
  if (!response.ok)
    throw new Error(`loading fixture metadata failed: ${response.status} ${await response.text()}`);
}

/** The month before `now` as a DHIS2 id and its parts (the data-entry test's period). */
export function previousMonth(now = new Date()): { id: string; year: number; month: number } {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return { id: `${year}${String(month).padStart(2, '0')}`, year, month };
}
