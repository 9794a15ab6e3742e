import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { CLI_PRINCIPAL } from '../modules/auth/principal.js';
import { exportDataValues } from '../modules/data-values/export/export.service.js';
import { runAction, withStore } from './command-runner.js';

interface ExportOptions {
  dataSet: string;
  period?: string;
  startDate?: string;
  endDate?: string;
  orgUnit?: string;
  children?: boolean;
  source?: string;
  format?: 'json' | 'csv';
  output?: string;
}

/**
 * `tiaodu export --data-set CODE --period ID [--org-unit CODE --children] [--format json|csv]
 * [--output FILE]`: streams a data set's values as DHIS2 dataValueSets JSON or CSV.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export data values of a data set as DHIS2 dataValueSets JSON or CSV')
    .requiredOption('--data-set <code>', 'data set code')
    .option('--period <ids>', 'period ids, comma separated (202601,202602)')
    .option('--start-date <date>', 'with --end-date: every period inside the range (YYYY-MM-DD)')
    .option('--end-date <date>', 'last day of the range (YYYY-MM-DD)')
    .option('--org-unit <code>', 'only this org unit (default: all)')
    .option('--children', 'with --org-unit: also all its descendants')
    .option('--source <code>', 'only values of this source')
    .option('--format <format>', 'json or csv (default: from the output file name, else json)')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(
      runAction(async (options: ExportOptions) => {
        const format = options.format ?? (options.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
        await withStore(async (db) => {
          const result = await exportDataValues(db, CLI_PRINCIPAL, {
            dataSet: options.dataSet,
            period: options.period,
            startDate: options.startDate,
            endDate: options.endDate,
            orgUnit: options.orgUnit,
            children: options.children ?? false,
            source: options.source,
            format,
          });
          const target = options.output ? createWriteStream(options.output) : process.stdout;
          await pipeline(Readable.from(result.chunks), target, { end: Boolean(options.output) });
          if (options.output)
            process.stderr.write(`wrote ${result.valueCount} values to ${options.output}\n`);
        });
      }),
    );
}
