/**
 * Shapes of the API's answers as the web app reads them. Where the server exports a zod
 * schema, the type comes from it (type-only import: no server code reaches the bundle).
 */
export type { TImportConflict, TImportSummary } from '../../../src/modules/data-values/data-values.schema.js';
export type {
  TDataValueInput,
  TDataValueKey,
  TFormValues,
  TStoredDataValue,
} from '../../../src/modules/data-values/entry/entry.schema.js';
export type {
  TDataElement,
  TDataSetDetail,
  TDataSetSummary,
  TIndicator,
  TOptionCombo,
  TOrgUnit,
  TOrgUnitDetail,
} from '../../../src/modules/metadata/metadata-api.schema.js';
