import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../../store/db.js';
import type { TImportSummary } from '../data-values.schema.js';
import { readXlsxDataValues } from '../xlsx/xlsx-reader.js';
import { readCsvRowBatches } from './csv-rows.js';
import { type ImportDataValuesOptions, importDataValues } from './import.service.js';
import { readJsonRowBatches } from './json-rows.js';
import type { RowSource } from './stage-rows.js';
import { decodeText } from './text-decoding.js';

/** File formats an import reads. */
export type TImportFormat = 'json' | 'csv' | 'xlsx';

/** An import file as a byte stream. */
export interface ImportFileInput {
  stream: Readable;
  format: TImportFormat;
  fileName?: string | undefined;
  /** Called with the size of each chunk read (progress by bytes). */
  onBytes?: ((bytes: number) => void) | undefined;
}

/** Reads the rows of a JSON, CSV or XLSX stream and imports them (see `importDataValues`). */
export async function importDataValueFile(
  db: Db,
  input: ImportFileInput,
  options: ImportDataValuesOptions = {},
): Promise<TImportSummary> {
  return importDataValues(db, rowsOf(input), options);
}

/** The raw rows of a file in `format`, in batches. */
export function rowsOf(input: ImportFileInput): RowSource {
  switch (input.format) {
    case 'json':
      return readJsonRowBatches(decodeText(input.stream, input.onBytes));
    case 'csv':
      return readCsvRowBatches(decodeText(input.stream, input.onBytes));
    case 'xlsx':
      return readXlsxDataValues(countBytes(input.stream, input.onBytes));
  }
}

/** The format a file name's extension says (`.json`, `.csv`, `.xlsx`), or undefined. */
export function formatOfFileName(fileName: string): TImportFormat | undefined {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  return undefined;
}

/** `stream`, reporting the size of each chunk read to `onBytes` (progress). */
function countBytes(stream: Readable, onBytes: ((bytes: number) => void) | undefined): Readable {
  if (onBytes) stream.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return stream;
}
