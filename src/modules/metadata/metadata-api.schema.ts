import { z } from 'zod';
import { PERIOD_TYPES } from '../../core/periods/period-types.js';
import {
  AGGREGATIONS,
  INDICATOR_KINDS,
  METADATA_SECTIONS,
  type TMetadataSection,
  VALUE_TYPES,
  ZCode,
} from './metadata.schema.js';

/** The metadata API's requests and answers (OpenAPI and the web client read these). */

/** One problem of a metadata file: where (`indicators[3].numerator`) and what. */
export const ZMetadataError = z.object({ path: z.string(), message: z.string() });
export type TMetadataError = z.infer<typeof ZMetadataError>;

const ZSectionStats = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type TSectionStats = z.infer<typeof ZSectionStats>;

/** What an import did (or, with `dryRun`, would do) per section. */
export const ZMetadataImportResult = z.object({
  dryRun: z.boolean(),
  stats: z.object(
    Object.fromEntries(METADATA_SECTIONS.map((section) => [section, ZSectionStats])) as Record<
      TMetadataSection,
      typeof ZSectionStats
    >,
  ),
});
export type TMetadataImportResult = z.infer<typeof ZMetadataImportResult>;

export const ZMetadataImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('check and count without writing'),
});

/** An org unit as listed. */
export const ZOrgUnit = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.number().int(),
  parent: z.string().nullable(),
  path: z.string(),
  childCount: z.number().int(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

const ZOrgUnitRef = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.number().int(),
});

/** One org unit with its ancestors, root first. */
export const ZOrgUnitDetail = ZOrgUnit.extend({ ancestors: z.array(ZOrgUnitRef) });
export type TOrgUnitDetail = z.infer<typeof ZOrgUnitDetail>;

export const ZOrgUnitListQuery = z.object({
  parent: ZCode.optional().describe('children of this unit; roots when neither parent nor level'),
  level: z.coerce.number().int().min(1).optional().describe('every unit at this level'),
});

/** A data element with its disaggregation. */
export const ZDataElement = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATIONS),
  categories: z.array(z.string()),
});
export type TDataElement = z.infer<typeof ZDataElement>;

/** An indicator. */
export const ZIndicator = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  numerator: z.string(),
  denominator: z.string(),
  factor: z.number(),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.string().nullable(),
  decimals: z.number().int(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

/** A data set as listed. */
export const ZDataSetSummary = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  periodType: z.enum(PERIOD_TYPES),
  dueDays: z.number().int(),
  expiryDays: z.number().int(),
  orgUnitLevel: z.number().int().nullable(),
  dataElements: z.array(z.string()),
  orgUnitCount: z.number().int(),
});
export type TDataSetSummary = z.infer<typeof ZDataSetSummary>;

/** One cell of a data element's disaggregation with its display name (`男, 一孩`). */
export const ZOptionCombo = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  options: z.record(z.string(), z.string()),
});
export type TOptionCombo = z.infer<typeof ZOptionCombo>;

const ZNamed = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() });

/** A data set with its elements (and their option combos), assigned units and the sources. */
export const ZDataSetDetail = ZDataSetSummary.omit({ dataElements: true }).extend({
  dataElements: z.array(ZDataElement.extend({ optionCombos: z.array(ZOptionCombo) })),
  orgUnits: z.array(z.string()),
  sources: z.array(ZNamed),
});
export type TDataSetDetail = z.infer<typeof ZDataSetDetail>;

/** The API wraps lists as `{items: [...]}`. */
export function ZList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
