import { randomUUID } from 'node:crypto';
import { isAppError, notFound } from '../../../core/errors.js';
import type { Db } from '../../../store/db.js';
import { mayEditExpiredPeriods } from '../../approval/lock.service.js';
import { lockPeriodsForWriting } from '../../approval/period-write-lock.js';
import { setAuditActor } from '../../audit/audit-actor.js';
import { CLI_PRINCIPAL, type Principal } from '../../auth/principal.js';
import { ensurePeriods } from '../../periods/period.repository.js';
import type { TImportConflict, TImportOptions, TImportSummary } from '../data-values.schema.js';
import { ConflictList } from './conflict-list.js';
import { loadImportLookups } from './import-lookups.repository.js';
import { countStagedChanges, type MergeCounts, mergeStaged } from './import-merge.repository.js';
import {
  countStagedRows,
  createStagingTable,
  deleteLaterDuplicates,
  dropStagingTable,
  findStagedDuplicates,
} from './import-staging.repository.js';
import { emptySummary, fileErrorSummary, toSummary } from './import-summary.js';
import { addLockConflicts } from './lock-conflicts.js';
import { withMergeRetries } from './merge-retry.js';
import { RowValidator } from './row-validator.js';
import { addScopeConflicts } from './scope-conflicts.js';
import { type RowSource, stageRows } from './stage-rows.js';

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
  /** Who imports: rows outside its scope are conflicts; the audit names it. Default: the CLI operator. */
  principal?: Principal | undefined;
};

/**
 * Imports raw rows (from any reader: JSON, CSV, XLSX; one by one or in batches) in four steps:
 * check each row against the metadata and COPY the good ones into a staging table; find keys
 * repeated in the file (in SQL); then — unless the import is refused (ATOMIC with conflicts) —
 * merge the staging table into data_value in ONE transaction (retried on deadlock), or for a dry
 * run only count. Rows of org units outside the principal's scope are conflicts (property orgUnit).
 * Returns DHIS2's import summary with the import's job id, which the audit trail records for
 * every value it changed; never writes half an import.
 */
export async function importDataValues(
  db: Db,
  rows: RowSource,
  options: ImportDataValuesOptions = {},
): Promise<TImportSummary> {
  const importJobId = randomUUID();
  const summary = await runImport(db, rows, options, importJobId);
  return { ...summary, importJobId };
}

async function runImport(
  db: Db,
  rows: RowSource,
  options: ImportDataValuesOptions,
  importJobId: string,
): Promise<TImportSummary> {
  const principal = options.principal ?? CLI_PRINCIPAL;
  const dryRun = options.dryRun ?? false;
  const strategy = options.importStrategy ?? 'ATOMIC';
  const lookups = await loadImportLookups(db);
  const dataSet = options.dataSet === undefined ? undefined : lookups.dataSetsByCode.get(options.dataSet);
  if (options.dataSet !== undefined && !dataSet) throw notFound('data set', options.dataSet);
  const conflicts = new ConflictList();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const validator = new RowValidator(lookups, conflicts, { dataSet, today });
  const progress = options.onProgress ?? (() => undefined);
  const table = await createStagingTable(db);
  try {
    progress({ rowsRead: 0, phase: 'copying' });
    const staging = await stageRows(db, table, rows, validator, (rowsRead) =>
      progress({ rowsRead, phase: 'copying' }),
    );
    const { rowsRead } = staging;
    if (staging.failure) return fileErrorSummary(fileConflictOf(staging.failure.error), dryRun, rowsRead);
    if (rowsRead === 0) return emptySummary(dryRun);
    progress({ rowsRead, phase: 'checking' });
    const duplicates = await addDuplicateConflicts(db, table, conflicts);
    // Org units outside the importer's scope: conflicts, removed before anything reveals their locks.
    await addScopeConflicts(db, table, conflicts, principal);
    // Approved or expired periods: those rows become conflicts and leave the staging table.
    const lockOptions = {
      periods: [...validator.periods.values()],
      today,
      dataSetId: dataSet?.id,
      mayEditExpired: mayEditExpiredPeriods(principal),
    };
    await addLockConflicts(db, table, conflicts, lockOptions);
    if (conflicts.total > 0 && strategy === 'ATOMIC') {
      progress({ rowsRead, phase: 'done' });
      return toSummary({ counts: undefined, conflicts, rowsRead, dryRun });
    }
    if (duplicates > 0) await deleteLaterDuplicates(db, table);
    const staged = await countStagedRows(db, table);
    progress({ rowsRead, phase: 'merging' });
    let merged: { counts: MergeCounts; late: ConflictList | null; lateRows: number };
    try {
      merged = dryRun
        ? { counts: await countStagedChanges(db, table), late: null, lateRows: 0 }
        : await withMergeRetries(() =>
            db.transaction(async (tx) => {
              await setAuditActor(tx, { principal, how: 'import', jobId: importJobId });
              await ensurePeriods(tx, lockOptions.periods);
              // An approval that committed since the checks above: its rows become conflicts now;
              // the period locks keep any further approval waiting until this merge commits.
              await lockPeriodsForWriting(
                tx,
                lockOptions.periods.map((period) => period.id),
              );
              const late = new ConflictList(conflicts.room);
              const lateRows = await addLockConflicts(tx, table, late, lockOptions);
              if (lateRows > 0 && strategy === 'ATOMIC') throw new LateLockConflicts(late);
              const counts = await mergeStaged(tx, table, {
                storedBy: options.storedBy ?? null,
                hasDeletes: staged.deletes > 0,
              });
              return { counts, late, lateRows };
            }),
          );
    } catch (error) {
      if (!(error instanceof LateLockConflicts)) throw error;
      conflicts.absorb(error.conflicts);
      progress({ rowsRead, phase: 'done' });
      return toSummary({ counts: undefined, conflicts, rowsRead, dryRun });
    }
    const { counts } = merged;
    if (merged.late) conflicts.absorb(merged.late);
    progress({ rowsRead, phase: 'done' });
    const unchanged = staged.rows - merged.lateRows - counts.imported - counts.updated - counts.deleted;
    return toSummary({ counts: { ...counts, unchanged }, conflicts, rowsRead, dryRun });
  } finally {
    await dropStagingTable(db, table);
  }
}

/** Rolls an ATOMIC merge back when a period was approved between the checks and the merge. */
class LateLockConflicts extends Error {
  constructor(readonly conflicts: ConflictList) {
    super('rows of a period approved during the import');
  }
}

/** The conflict an INVALID_IMPORT error carries; other errors are rethrown. */
function fileConflictOf(error: unknown): TImportConflict {
  if (!isAppError(error) || error.code !== 'INVALID_IMPORT') throw error;
  const conflict = (error.details as { conflict?: TImportConflict } | undefined)?.conflict;
  return conflict ?? { object: 'file', property: 'file', value: error.message, row: 0 };
}

/** Adds a conflict for each row repeating an earlier row's key; returns how many there are. */
async function addDuplicateConflicts(db: Db, table: string, conflicts: ConflictList): Promise<number> {
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
  return duplicates.total;
}
