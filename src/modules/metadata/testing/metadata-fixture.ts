import type { TMetadataFileInput } from '../metadata.schema.js';

/**
 * A small city in the metadata-file format: 青山市 with two counties and four townships,
 * births by sex and birth order, resident population, a monthly data set, the crude birth rate
 * and a target. Returns a fresh copy each time so tests may change it.
 */
export function buildMetadataFixture(): TMetadataFileInput {
  return {
    orgUnits: [
      { code: 'QS', name: '青山市', nameEn: 'Qingshan', parent: null },
      { code: 'QS01', name: '东城区', nameEn: 'Dongcheng District', parent: 'QS' },
      { code: 'QS02', name: '西山县', nameEn: 'Xishan County', parent: 'QS' },
      { code: 'QS0101', name: '东街街道', parent: 'QS01' },
      { code: 'QS0102', name: '南湖镇', parent: 'QS01' },
      { code: 'QS0201', name: '石桥镇', parent: 'QS02' },
      { code: 'QS0202', name: '柳河乡', parent: 'QS02' },
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
        options: [
          { code: '1', name: '一孩' },
          { code: '2', name: '二孩' },
          { code: '3P', name: '三孩及以上' },
        ],
      },
    ],
    sources: [{ code: 'HOSP', name: '住院分娩', nameEn: 'Hospital deliveries' }],
    dataElements: [
      {
        code: 'BIRTHS',
        name: '出生人数',
        valueType: 'INTEGER',
        aggregation: 'SUM',
        categories: ['SEX', 'ORDER'],
      },
      { code: 'POP', name: '常住人口', valueType: 'INTEGER', aggregation: 'AVERAGE' },
    ],
    dataSets: [
      {
        code: 'MONTHLY',
        name: '出生月报',
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
        numerator: '#{BIRTHS}',
        denominator: '#{POP}',
        factor: 1000,
        kind: 'rate',
        unit: '‰',
      },
    ],
    targets: [{ indicator: 'CBR', orgUnit: 'QS', year: 2026, rule: 'BELOW_PREVIOUS_YEAR' }],
  };
}
