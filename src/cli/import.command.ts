import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { TImportConflict, TImportSummary } from '../modules/data-values/data-values.schema.js';
import {
  formatOfFileName,
  importDataValueFile,
  type TImportFormat,
} from '../modules/data-values/import/index.js';
import { printJson, runAction, withStore } from './command-runner.js';
import { createImportProgress } from './import-progress.js';

interface ImportCommandOptions {
  format?: TImportFormat;
  dryRun?: boolean;
  skipInvalid?: boolean;
  dataSet?: string;
  json?: boolean;
}

/**
 * `tiaodu import FILE [--format json|csv|xlsx] [--dry-run] [--skip-invalid] [--data-set CODE]
 * [--json]`: imports data values; exit 1 when the import is refused (status ERROR).
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import data values from DHIS2 dataValueSets JSON, CSV or XLSX (atomic by default)')
    .argument('<file>', 'the file to import')
    .option('--format <format>', 'json, csv or xlsx (default: from the file name)')
    .option('--dry-run', 'check and count without writing')
    .option('--skip-invalid', 'write the valid rows even when others have conflicts')
    .option('--data-set <code>', 'check against this data set (period type, org units)')
    .option('--json', 'print the import summary as JSON')
    .action(runAction(importFile));
}

async function importFile(file: string, options: ImportCommandOptions): Promise<void> {
  const format = options.format ?? formatOfFileName(file);
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx')
    throw new AppError('BAD_REQUEST', `cannot tell the format of ${file}: add --format json|csv|xlsx`);
  const size = statSync(file).size;
  const progress = createImportProgress(size);
  const summary = await withStore((db) =>
    importDataValueFile(
      db,
      { stream: createReadStream(file), format, fileName: file, onBytes: (bytes) => progress.bytes(bytes) },
      {
        dryRun: options.dryRun ?? false,
        importStrategy: options.skipInvalid ? 'SKIP_INVALID' : 'ATOMIC',
        dataSet: options.dataSet,
        storedBy: 'cli',
        onProgress: (update) => progress.rows(update),
      },
    ),
  ).finally(() => progress.stop());
  if (options.json) printJson(summary);
  else process.stdout.write(`${describeCounts(summary)}\n`);
  if (summary.conflicts.length > 0) printConflicts(summary);
  if (summary.status === 'ERROR') process.exitCode = 1;
}

/** `imported 9, updated 0, ignored 1, deleted 0 (WARNING; dry run)`. */
function describeCounts(summary: TImportSummary): string {
  const { imported, updated, ignored, deleted } = summary.importCount;
  const notes = [summary.status, ...(summary.dryRun ? ['dry run: nothing written'] : [])].join('; ');
  return `imported ${imported}, updated ${updated}, ignored ${ignored}, deleted ${deleted} (${notes})`;
}

/** On stderr: for ERROR one line `tiaodu: import failed: N conflicts; first: …`, then every listed conflict. */
function printConflicts(summary: TImportSummary): void {
  const total = summary.conflicts.length + summary.conflictsTruncated;
  const first = summary.conflicts[0];
  const lines: string[] = [];
  if (summary.status === 'ERROR' && first)
    lines.push(
      `tiaodu: import failed: ${total} conflict${total === 1 ? '' : 's'}; first: ${describeConflict(first)}`,
    );
  else lines.push(`tiaodu: ${total} row conflict${total === 1 ? '' : 's'} skipped`);
  for (const conflict of summary.conflicts) lines.push(`  ${describeConflict(conflict)}`);
  if (summary.conflictsTruncated > 0) lines.push(`  … and ${summary.conflictsTruncated} more`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

function describeConflict(conflict: TImportConflict): string {
  return `row ${conflict.row} ${conflict.property}: ${conflict.value}`;
}
