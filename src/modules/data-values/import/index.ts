// The data-value import pipeline: readers (JSON, CSV; XLSX from ../xlsx), validation, staging, merge.
export { MAX_LISTED_CONFLICTS } from './conflict-list.js';
export { REQUIRED_CSV_COLUMNS, readCsvRows } from './csv-rows.js';
export { type ImportDataValuesOptions, importDataValues, type TImportPhase } from './import.service.js';
export {
  formatOfFileName,
  type ImportFileInput,
  importDataValueFile,
  rowsOf,
  type TImportFormat,
} from './import-file.js';
export { readJsonRowBatches, readJsonRows } from './json-rows.js';
export type { RowSource } from './stage-rows.js';
export { decodeText } from './text-decoding.js';
