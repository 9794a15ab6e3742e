import { isAppError, notFound } from '../../../core/errors.js';
import type { Db } from '../../../store/db.js';
import { ensurePeriods } from '../../periods/period.repository.js';
import type {
  TImportConflict,
  TImportOptions,
  TImportSummary,
  TRawDataValueRow,
} from '../data-values.schema.js';
import { ConflictList } from './conflict-list.js';
import { loadImportLookups } from './import-lookups.repository.js';
import { countStagedChanges, type MergeCounts, mergeStaged } from './import-merge.repository.js';
import {
  copyIntoStaging,
  createStagingTable,
  dropStagingTable,
  findStagedDuplicates,
} from './import-staging.repository.js';
import { emptySummary, fileErrorSummary, toSummary } from './import-summary.js';
import { withMergeRetries } from './merge-retry.js';
import { RowValidator, type StagedRow } from './row-validator.js';
import { encodeStagedRows } from './staged-csv.js';

/** The phases an import reports progress in. */
export type TImportPhase = 'copying' | 'checking' | 'merging' | 'done';

/** Import options plus what callers inside the server add. */
export type ImportDataValuesOptions = Partial<TImportOptions> & {
  /** Written to `stored_by` of imported and updated values. */
  storedBy?: string | undefined;
  /** Called every 10,000 rows and at each phase change. */
  onProgress?: ((progress: { rowsRead: number; phase: TImportPhase }) => void) | undefined;
  /** ISO date of today (tests fix it); default the current UTC date. */
  today?: string | undefined;
};

const PROGRESS_EVERY = 10_000;

/**
 * Imports raw rows (from any reader: JSON, CSV, XLSX) in four steps: check each row against the
 * metadata and COPY the good ones into a staging table; find keys repeated in the file (in SQL);
 * then — unless the import is refused (ATOMIC with conflicts) or a dry run — merge the staging
 * table into data_value in one transaction. Returns DHIS2's import summary; never writes half.
 */
export async function importDataValues(
  db: Db,
  rows: AsyncIterable<TRawDataValueRow>,
  options: ImportDataValuesOptions = {},
): Promise<TImportSummary> {
  const dryRun = options.dryRun ?? false;
  const strategy = options.importStrategy ?? 'ATOMIC';
  const lookups = await loadImportLookups(db);
  const dataSet = options.dataSet === undefined ? undefined : lookups.dataSetsByCode.get(options.dataSet);
  if (options.dataSet !== undefined && !dataSet) throw notFound('data set', options.dataSet);
  const conflicts = new ConflictList();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const validator = new RowValidator(lookups, conflicts, { dataSet, today });
  const progress = options.onProgress ?? (() => undefined);
  const reading: ReadingState = { rowsRead: 0, failure: undefined };
  const table = await createStagingTable(db);
  try {
    progress({ rowsRead: 0, phase: 'copying' });
    await copyIntoStaging(db, table, encodeStagedRows(validRows(rows, validator, reading, progress)));
    if (reading.failure)
      return fileErrorSummary(fileConflictOf(reading.failure.error), dryRun, reading.rowsRead);
    if (reading.rowsRead === 0) return emptySummary(dryRun);
    progress({ rowsRead: reading.rowsRead, phase: 'checking' });
    await addDuplicateConflicts(db, table, conflicts);
    const refused = conflicts.total > 0 && strategy === 'ATOMIC';
    let counts: MergeCounts | undefined;
    if (!refused) {
      progress({ rowsRead: reading.rowsRead, phase: 'merging' });
      counts = dryRun
        ? await countStagedChanges(db, table)
        : await withMergeRetries(() =>
            db.transaction(async (tx) => {
              await ensurePeriods(tx, [...validator.periods.values()]);
              return mergeStaged(tx, table, options.storedBy ?? null);
            }),
          );
    }
    progress({ rowsRead: reading.rowsRead, phase: 'done' });
    return toSummary({ counts, conflicts, rowsRead: reading.rowsRead, dryRun, strategy });
  } finally {
    await dropStagingTable(db, table);
  }
}

interface ReadingState {
  rowsRead: number;
  /** Why reading stopped early (a broken file, a body too large): handled after the COPY. */
  failure: { error: unknown } | undefined;
}

/**
 * The valid rows of `rows`, resolved. A reader's failure (bad JSON, a missing CSV column, a body
 * too large) ends the stream quietly and is kept in `reading.failure`, so the COPY under way
 * completes normally instead of being aborted mid-protocol.
 */
async function* validRows(
  rows: AsyncIterable<TRawDataValueRow>,
  validator: RowValidator,
  reading: ReadingState,
  progress: NonNullable<ImportDataValuesOptions['onProgress']>,
): AsyncGenerator<StagedRow> {
  try {
    for await (const row of rows) {
      reading.rowsRead += 1;
      if (reading.rowsRead % PROGRESS_EVERY === 0) progress({ rowsRead: reading.rowsRead, phase: 'copying' });
      const staged = validator.validate(row);
      if (staged) yield staged;
    }
  } catch (error) {
    reading.failure = { error };
  }
}

/** The conflict an INVALID_IMPORT error carries; other errors are rethrown. */
function fileConflictOf(error: unknown): TImportConflict {
  if (!isAppError(error) || error.code !== 'INVALID_IMPORT') throw error;
  const conflict = (error.details as { conflict?: TImportConflict } | undefined)?.conflict;
  return conflict ?? { object: 'file', property: 'file', value: error.message, row: 0 };
}

async function addDuplicateConflicts(db: Db, table: string, conflicts: ConflictList): Promise<void> {
  const duplicates = await findStagedDuplicates(db, table, conflicts.room);
  const listed = duplicates.listed.slice(0, conflicts.room);
  for (const duplicate of listed)
    conflicts.add({
      object: duplicate.key,
      property: 'dataValue',
      value: `duplicate of row ${duplicate.firstLine}: the same data element, period, org unit, option combo and source`,
      row: duplicate.line,
    });
  conflicts.addTruncated(duplicates.total - listed.length);
  conflicts.markInvalid(duplicates.total);
}
