/**
 * Shapes of the API's answers as the web app reads them. Where the server exports a zod
 * schema, the type comes from it (type-only import: no server code reaches the bundle).
 */
export type { TImportConflict, TImportSummary } from '../../../src/modules/data-values/data-values.schema.js';

/** An org unit as listed by `GET /api/orgUnits`. */
export interface TOrgUnit {
  code: string;
  name: string;
  nameEn: string | null;
  level: number;
  parent: string | null;
  childCount: number;
}

/** `GET /api/orgUnits/:code`: the unit and its ancestors from the root down. */
export interface TOrgUnitDetail extends TOrgUnit {
  ancestors: Pick<TOrgUnit, 'code' | 'name' | 'nameEn' | 'level'>[];
}

/** A data element with its disaggregation. */
export interface TDataElement {
  code: string;
  name: string;
  nameEn: string | null;
  valueType: 'INTEGER' | 'NUMBER' | 'PERCENTAGE' | 'BOOLEAN' | 'TEXT';
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  categories: string[];
}

/** An indicator: numerator / denominator × factor. */
export interface TIndicator {
  code: string;
  name: string;
  nameEn: string | null;
  numerator: string;
  denominator: string;
  factor: number;
  kind: 'rate' | 'proportion' | 'sexRatio' | 'plain';
  unit: string | null;
  decimals?: number;
}

/** A data set as listed by `GET /api/dataSets`. */
export interface TDataSetSummary {
  code: string;
  name: string;
  nameEn: string | null;
  periodType: 'Weekly' | 'Monthly' | 'Quarterly' | 'Yearly';
  dueDays: number;
  dataElements: string[];
  orgUnitCount: number;
}

/** One cell of a data element's disaggregation, with its display name. */
export interface TOptionCombo {
  code: string;
  name: string;
  nameEn: string | null;
}

/** `GET /api/dataSets/:code`: the data set with its elements, their option combos and its units. */
export interface TDataSetDetail extends Omit<TDataSetSummary, 'dataElements'> {
  dataElements: (TDataElement & { optionCombos: TOptionCombo[] })[];
  orgUnits: string[];
  sources: { code: string; name: string; nameEn: string | null }[];
}

/** One stored data value (DHIS2 shape, codes as identifiers). */
export interface TDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  comment?: string | null;
}
