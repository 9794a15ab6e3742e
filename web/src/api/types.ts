/**
 * Shapes of the API's answers as the web app reads them. Where the server exports a zod
 * schema, the type comes from it (type-only import: no server code reaches the bundle).
 */
export type { TImportConflict, TImportSummary } from '../../../src/modules/data-values/data-values.schema.js';

export type {
  TDataElement,
  TDataSetDetail,
  TDataSetSummary,
  TIndicator,
  TOptionCombo,
  TOrgUnit,
  TOrgUnitDetail,
} from '../../../src/modules/metadata/metadata-api.schema.js';

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
