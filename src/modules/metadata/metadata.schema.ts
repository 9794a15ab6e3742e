import { z } from 'zod';
import { PERIOD_TYPES } from '../../core/periods/period-types.js';

/**
 * The metadata file ("metadata as code") and the metadata API's answers. Shared by the server,
 * the CLI, the web client and the OpenAPI document. Objects are strict: a misspelt field is an
 * error, not silently ignored.
 */

/** A code: letters, digits, `_` and `-` (the characters expressions accept; `.` joins combo codes). */
export const ZCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'a code may contain only letters, digits, "_" and "-"')
  .max(50);

const ZName = z.string().trim().min(1).max(230);

export const VALUE_TYPES = ['INTEGER', 'NUMBER', 'PERCENTAGE', 'BOOLEAN', 'TEXT'] as const;
export const AGGREGATIONS = ['SUM', 'AVERAGE', 'LAST'] as const;
export const INDICATOR_KINDS = ['rate', 'proportion', 'sexRatio', 'plain'] as const;
export const TARGET_RULES = [
  'BELOW_PREVIOUS_YEAR',
  'ABOVE_PREVIOUS_YEAR',
  'AT_MOST',
  'AT_LEAST',
  'CHANGE_BY',
] as const;
/** Target rules that compare against a number and so need `threshold`. */
export const RULES_WITH_THRESHOLD: readonly TTargetRule[] = ['AT_MOST', 'AT_LEAST', 'CHANGE_BY'];
export const RULE_OPERATORS = [
  'equal_to',
  'not_equal_to',
  'greater_than',
  'greater_than_or_equal_to',
  'less_than',
  'less_than_or_equal_to',
] as const;
export const IMPORTANCES = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** The source a value belongs to when none is named. */
export const DEFAULT_SOURCE = { code: 'STAT', name: '统计报表', nameEn: 'Statistics reports' } as const;

/** A node of the administrative tree; `parent: null` for a root. */
export const ZOrgUnitEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  nameEn: ZName.optional(),
  parent: ZCode.nullable(),
});

export const ZCategoryOptionEntry = z.strictObject({ code: ZCode, name: ZName, nameEn: ZName.optional() });

/** A disaggregation with its options in display order. */
export const ZCategoryEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  nameEn: ZName.optional(),
  options: z.array(ZCategoryOptionEntry).min(1),
});

/** Where a figure comes from (DHIS2's attribute option combo). */
export const ZSourceEntry = z.strictObject({ code: ZCode, name: ZName, nameEn: ZName.optional() });

/** A counted thing; `categories` in disaggregation order. */
export const ZDataElementEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  nameEn: ZName.optional(),
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATIONS),
  categories: z.array(ZCode).default([]),
});

/** What is reported where and when; exactly one of `orgUnitLevel` and `orgUnits`. */
export const ZDataSetEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  nameEn: ZName.optional(),
  periodType: z.enum(PERIOD_TYPES),
  dueDays: z.number().int().min(0),
  expiryDays: z.number().int().min(0).default(0),
  dataElements: z.array(ZCode).min(1),
  orgUnitLevel: z.number().int().min(1).optional(),
  orgUnits: z.array(ZCode).optional(),
});

/** `numerator / denominator × factor`; the kind picks the interval method. */
export const ZIndicatorEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  nameEn: ZName.optional(),
  numerator: z.string().min(1),
  denominator: z.string().min(1),
  factor: z.number().positive().default(1),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.string().min(1).optional(),
  decimals: z.number().int().min(0).max(10).default(2),
});

/** The rule an indicator must meet in a unit and year. */
export const ZTargetEntry = z.strictObject({
  indicator: ZCode,
  orgUnit: ZCode,
  year: z.number().int().min(1900).max(2200),
  rule: z.enum(TARGET_RULES),
  threshold: z.number().optional(),
});

/** One side of a reconciliation: a data element, optionally of a source and restricted to options. */
export const ZReconciliationSide = z.strictObject({
  dataElement: ZCode,
  source: ZCode.optional(),
  options: z.record(ZCode, ZCode).optional(),
});

/** Two sources counting the same events plus the matched count (dual-system estimate). */
export const ZReconciliationEntry = z.strictObject({
  code: ZCode,
  name: ZName.optional(),
  a: ZReconciliationSide,
  b: ZReconciliationSide,
  matched: z.strictObject({ dataElement: ZCode, source: ZCode.optional() }),
});

export const ZConstantEntry = z.strictObject({ code: ZCode, name: ZName, value: z.number() });

const ZRuleSide = z.strictObject({ expression: z.string().min(1), description: z.string().optional() });

/** `leftSide operator rightSide`, checked per org unit and period. */
export const ZValidationRuleEntry = z.strictObject({
  code: ZCode,
  name: ZName,
  leftSide: ZRuleSide,
  operator: z.enum(RULE_OPERATORS),
  rightSide: ZRuleSide,
  importance: z.enum(IMPORTANCES).default('MEDIUM'),
  periodType: z.enum(PERIOD_TYPES).optional(),
});

/** The whole file; every section is optional and entries are matched to the store by code. */
export const ZMetadataFile = z.strictObject({
  orgUnits: z.array(ZOrgUnitEntry).optional(),
  categories: z.array(ZCategoryEntry).optional(),
  sources: z.array(ZSourceEntry).optional(),
  dataElements: z.array(ZDataElementEntry).optional(),
  dataSets: z.array(ZDataSetEntry).optional(),
  indicators: z.array(ZIndicatorEntry).optional(),
  targets: z.array(ZTargetEntry).optional(),
  reconciliations: z.array(ZReconciliationEntry).optional(),
  constants: z.array(ZConstantEntry).optional(),
  validationRules: z.array(ZValidationRuleEntry).optional(),
});

export type TOrgUnitEntry = z.infer<typeof ZOrgUnitEntry>;
export type TCategoryEntry = z.infer<typeof ZCategoryEntry>;
export type TSourceEntry = z.infer<typeof ZSourceEntry>;
export type TDataElementEntry = z.infer<typeof ZDataElementEntry>;
export type TDataSetEntry = z.infer<typeof ZDataSetEntry>;
export type TIndicatorEntry = z.infer<typeof ZIndicatorEntry>;
export type TTargetEntry = z.infer<typeof ZTargetEntry>;
export type TTargetRule = (typeof TARGET_RULES)[number];
export type TReconciliationEntry = z.infer<typeof ZReconciliationEntry>;
export type TConstantEntry = z.infer<typeof ZConstantEntry>;
export type TValidationRuleEntry = z.infer<typeof ZValidationRuleEntry>;
/** A parsed metadata file (defaults filled in). */
export type TMetadataFile = z.infer<typeof ZMetadataFile>;
/** A metadata file as written by hand (defaults optional). */
export type TMetadataFileInput = z.input<typeof ZMetadataFile>;

/** The sections of a metadata file, in the order they are written. */
export const METADATA_SECTIONS = [
  'sources',
  'categories',
  'orgUnits',
  'dataElements',
  'dataSets',
  'constants',
  'indicators',
  'targets',
  'reconciliations',
  'validationRules',
] as const;
export type TMetadataSection = (typeof METADATA_SECTIONS)[number];
