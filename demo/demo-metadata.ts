/**
 * The demo city's metadata file: org units, categories, sources, data elements, data sets, the
 * six core indicators, the "double decline" targets and the births reconciliation.
 */
import type { TMetadataFileInput } from '../src/modules/metadata/metadata.schema.js';
import { buildTownships, CITY, DEMO_COUNTIES } from './demo-city.js';

/** The seed of the published demo city. */
export const DEMO_SEED = 20260101;

/** Data elements of the monthly township report, in form order. */
export const DEMO_DATA_ELEMENTS = [
  'BIRTHS',
  'BIRTHS_MATCHED',
  'BIRTHS_POLICY',
  'POP',
  'LARC_USERS',
  'LARC_WOMEN',
  'VERIF_ITEMS',
  'VERIF_DISCREPANCIES',
] as const;

/** The org-unit tree: city, 10 counties/districts, ~150 townships/subdistricts. */
export function buildDemoOrgUnits(seed = DEMO_SEED): NonNullable<TMetadataFileInput['orgUnits']> {
  return [
    { code: CITY.code, name: CITY.name, nameEn: CITY.nameEn, parent: null },
    ...DEMO_COUNTIES.map((county) => ({
      code: county.code,
      name: county.name,
      nameEn: county.nameEn,
      parent: CITY.code,
    })),
    ...buildTownships(seed).map((township) => ({
      code: township.code,
      name: township.name,
      nameEn: township.nameEn,
      parent: township.county.code,
    })),
  ];
}

const integerElement = (code: string, name: string, nameEn: string, aggregation: 'SUM' | 'AVERAGE') => ({
  code,
  name,
  nameEn,
  valueType: 'INTEGER' as const,
  aggregation,
});

/**
 * The whole metadata file of the demo city, with targets for `targetYear` (the current year).
 * POP is the resident population reported every month (AVERAGE): the yearly average of twelve
 * mid-month values is the annual average population of the official crude birth rate.
 */
export function buildDemoMetadata(options: { seed?: number; targetYear: number }): TMetadataFileInput {
  const units = [CITY.code, ...DEMO_COUNTIES.map((county) => county.code)];
  const year = options.targetYear;
  return {
    sources: [
      { code: 'STAT', name: '统计报表', nameEn: 'Statistics reports' },
      { code: 'HOSP', name: '住院分娩', nameEn: 'Hospital deliveries' },
      { code: 'REG', name: '户籍登记', nameEn: 'Household registration' },
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
    orgUnits: buildDemoOrgUnits(options.seed),
    dataElements: [
      { ...integerElement('BIRTHS', '出生人数', 'Births', 'SUM'), categories: ['SEX', 'ORDER'] },
      integerElement('BIRTHS_MATCHED', '两源匹配出生数', 'Births matched in STAT and HOSP', 'SUM'),
      integerElement('BIRTHS_POLICY', '政策内出生数', 'Births conforming to policy', 'SUM'),
      integerElement('POP', '常住人口', 'Resident population', 'AVERAGE'),
      integerElement('LARC_USERS', '长效避孕措施使用人数', 'LARC users', 'AVERAGE'),
      integerElement('LARC_WOMEN', '长效避孕服务覆盖妇女数', 'Women covered by LARC services', 'AVERAGE'),
      integerElement('VERIF_ITEMS', '核查项目数', 'Verification items checked', 'SUM'),
      integerElement('VERIF_DISCREPANCIES', '核查差错数', 'Verification discrepancies found', 'SUM'),
    ],
    dataSets: [
      {
        code: 'MONTHLY',
        name: '乡镇人口计生月报',
        nameEn: 'Township monthly population report',
        periodType: 'Monthly',
        dueDays: 10,
        expiryDays: 60,
        dataElements: [...DEMO_DATA_ELEMENTS],
        orgUnitLevel: 3,
      },
    ],
    indicators: DEMO_INDICATORS,
    targets: [
      ...units.flatMap((orgUnit) => [
        { indicator: 'CBR', orgUnit, year, rule: 'BELOW_PREVIOUS_YEAR' as const },
        { indicator: 'THIRD_PLUS', orgUnit, year, rule: 'BELOW_PREVIOUS_YEAR' as const },
      ]),
      ...units.flatMap((orgUnit) => [
        { indicator: 'LARC_COVERAGE', orgUnit, year, rule: 'AT_LEAST' as const, threshold: 90 },
        { indicator: 'ACCURACY', orgUnit, year, rule: 'AT_LEAST' as const, threshold: 95 },
      ]),
    ],
    reconciliations: [
      {
        code: 'BIRTH_DSE',
        name: '出生人数两源核对',
        a: { dataElement: 'BIRTHS', source: 'STAT' },
        b: { dataElement: 'BIRTHS', source: 'HOSP' },
        matched: { dataElement: 'BIRTHS_MATCHED' },
      },
    ],
    validationRules: DEMO_VALIDATION_RULES,
  };
}

/** The six core indicators. */
const DEMO_INDICATORS: NonNullable<TMetadataFileInput['indicators']> = [
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
  {
    code: 'POLICY_RATE',
    name: '政策生育率',
    nameEn: 'Policy-conforming birth rate',
    numerator: '#{BIRTHS_POLICY}',
    denominator: '#{BIRTHS}',
    factor: 100,
    kind: 'proportion',
    unit: '%',
  },
  {
    code: 'SRB',
    name: '出生人口性别比',
    nameEn: 'Sex ratio at birth',
    numerator: '#{BIRTHS[SEX=M]}',
    denominator: '#{BIRTHS[SEX=F]}',
    factor: 100,
    kind: 'sexRatio',
    decimals: 1,
  },
  {
    code: 'THIRD_PLUS',
    name: '三孩及以上占比',
    nameEn: 'Share of third and later births',
    numerator: '#{BIRTHS[ORDER=3P]}',
    denominator: '#{BIRTHS}',
    factor: 100,
    kind: 'proportion',
    unit: '%',
  },
  {
    code: 'LARC_COVERAGE',
    name: '长效避孕措施覆盖率',
    nameEn: 'LARC coverage',
    numerator: '#{LARC_USERS}',
    denominator: '#{LARC_WOMEN}',
    factor: 100,
    kind: 'proportion',
    unit: '%',
  },
  {
    code: 'ACCURACY',
    name: '统计准确率',
    nameEn: 'Statistics accuracy rate',
    numerator: '(#{VERIF_ITEMS} - #{VERIF_DISCREPANCIES})',
    denominator: '#{VERIF_ITEMS}',
    factor: 100,
    kind: 'proportion',
    unit: '%',
  },
];

/** Consistency checks of the monthly report that the demo's clean values pass. */
const DEMO_VALIDATION_RULES: NonNullable<TMetadataFileInput['validationRules']> = [
  {
    code: 'MATCHED_LE_HOSP',
    name: '匹配出生数不超过住院分娩数',
    leftSide: { expression: '#{BIRTHS_MATCHED}' },
    operator: 'less_than_or_equal_to',
    rightSide: { expression: '#{BIRTHS@HOSP}' },
    periodType: 'Monthly',
  },
  {
    code: 'POLICY_LE_BIRTHS',
    name: '政策内出生数不超过出生数',
    leftSide: { expression: '#{BIRTHS_POLICY}' },
    operator: 'less_than_or_equal_to',
    rightSide: { expression: '#{BIRTHS}' },
    periodType: 'Monthly',
  },
  {
    code: 'LARC_USERS_LE_WOMEN',
    name: '长效避孕使用人数不超过覆盖妇女数',
    leftSide: { expression: '#{LARC_USERS}' },
    operator: 'less_than_or_equal_to',
    rightSide: { expression: '#{LARC_WOMEN}' },
    periodType: 'Monthly',
  },
  {
    code: 'DISCREPANCIES_LE_ITEMS',
    name: '核查差错数不超过核查项目数',
    leftSide: { expression: '#{VERIF_DISCREPANCIES}' },
    operator: 'less_than_or_equal_to',
    rightSide: { expression: '#{VERIF_ITEMS}' },
    periodType: 'Monthly',
  },
];
