import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, isAppError } from '../core/errors.js';
import { exportMetadata, importMetadata } from '../modules/metadata/metadata.service.js';
import type { TMetadataError, TMetadataImportResult } from '../modules/metadata/metadata-api.schema.js';
import { printJson, runAction, withStore } from './command-runner.js';

/** `tiaodu metadata import FILE [--dry-run] [--json]` and `tiaodu metadata export [--output FILE]`. */
export function registerMetadataCommand(program: Command): void {
  const metadata = program.command('metadata').description('import and export the metadata file');
  metadata
    .command('import')
    .description('import a metadata file (idempotent: entries are matched by code)')
    .argument('<file>', 'metadata file (JSON)')
    .option('--dry-run', 'check and count without writing')
    .option('--json', 'print the result as JSON')
    .action(
      runAction(async (file: string, options: { dryRun?: boolean; json?: boolean }) => {
        try {
          const input = await readJsonFile(file);
          const result = await withStore((db) =>
            importMetadata(db, input, { dryRun: options.dryRun ?? false }),
          );
          if (options.json) printJson(result);
          else process.stdout.write(describeResult(result));
        } catch (error) {
          if (!isAppError(error) || error.code !== 'INVALID_METADATA') throw error;
          printInvalid(error);
        }
      }),
    );
  metadata
    .command('export')
    .description('print all metadata as a metadata file')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(
      runAction(async (options: { output?: string }) => {
        const file = await withStore((db) => exportMetadata(db));
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (!options.output) return void process.stdout.write(text);
        await writeFile(options.output, text);
        const count = Object.values(file).reduce((sum, entries) => sum + entries.length, 0);
        process.stdout.write(`wrote ${count} entries to ${options.output}\n`);
      }),
    );
}

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const errors: TMetadataError[] = [{ path: '(file)', message: `not valid JSON: ${reason}` }];
    throw new AppError('INVALID_METADATA', `${file} is not valid JSON: ${reason}`, { errors });
  }
}

/** One line per section: `orgUnits: 7 created, 0 updated, 0 unchanged`. */
function describeResult(result: TMetadataImportResult): string {
  const lines = Object.entries(result.stats).map(
    ([section, stats]) =>
      `${section}: ${stats.created} created, ${stats.updated} updated, ${stats.unchanged} unchanged`,
  );
  if (result.dryRun) lines.unshift('dry run: nothing was written');
  return `${lines.join('\n')}\n`;
}

/** `tiaodu: INVALID_METADATA: N errors`, then each `path: message`; exit code 1. */
function printInvalid(error: AppError): void {
  const errors = (error.details as { errors?: TMetadataError[] } | undefined)?.errors ?? [];
  const lines = [`tiaodu: INVALID_METADATA: ${errors.length} error${errors.length === 1 ? '' : 's'}`];
  for (const entry of errors) lines.push(`  ${entry.path}: ${entry.message}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 1;
}
