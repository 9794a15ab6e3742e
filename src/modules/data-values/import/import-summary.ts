import type { TImportConflict, TImportSummary } from '../data-values.schema.js';
import type { ConflictList } from './conflict-list.js';
import type { MergeCounts } from './import-merge.repository.js';

/**
 * The summary of an import that was checked: ERROR when it was refused (no counts: ATOMIC with
 * conflicts), WARNING when invalid rows were skipped, SUCCESS otherwise. Invalid and unchanged
 * rows count as ignored, so imported + updated + deleted + ignored = rows read.
 */
export function toSummary(input: {
  counts: (MergeCounts & { unchanged: number }) | undefined;
  conflicts: ConflictList;
  rowsRead: number;
  dryRun: boolean;
}): TImportSummary {
  const { counts, conflicts, rowsRead, dryRun } = input;
  const listed = conflicts.result();
  const conflictWords = `${conflicts.total} conflict${conflicts.total === 1 ? '' : 's'} in ${conflicts.invalidRows} of ${rowsRead} rows`;
  if (!counts) {
    return {
      status: 'ERROR',
      description: `${conflictWords}: nothing was written (the import is atomic; skip invalid rows to import the rest)`,
      dryRun,
      importCount: { imported: 0, updated: 0, ignored: rowsRead, deleted: 0 },
      ...listed,
    };
  }
  const written = dryRun ? 'dry run: nothing was written' : `${rowsRead} rows read`;
  return {
    status: conflicts.total > 0 ? 'WARNING' : 'SUCCESS',
    description:
      conflicts.total > 0 ? `${written}; ${conflictWords} skipped` : `${written}; import completed`,
    dryRun,
    importCount: {
      imported: counts.imported,
      updated: counts.updated,
      ignored: counts.unchanged + conflicts.invalidRows,
      deleted: counts.deleted,
    },
    ...listed,
  };
}

/** The ERROR summary of a file that could not be read (bad JSON, a missing CSV column, an encoding). */
export function fileErrorSummary(
  conflict: TImportConflict,
  dryRun: boolean,
  rowsRead: number,
): TImportSummary {
  return {
    status: 'ERROR',
    description: `the file could not be read: ${conflict.value}; nothing was written`,
    dryRun,
    importCount: { imported: 0, updated: 0, ignored: rowsRead, deleted: 0 },
    conflicts: [conflict],
    conflictsTruncated: 0,
  };
}

/** The ERROR summary of a file without a single data value. */
export function emptySummary(dryRun: boolean): TImportSummary {
  return fileErrorSummary(
    { object: 'file', property: 'file', value: 'the file holds no data values', row: 0 },
    dryRun,
    0,
  );
}
