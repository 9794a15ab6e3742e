import type { Command } from 'commander';
import { backupStore, restoreStore } from '../modules/backup/backup.service.js';
import { loadConfig } from '../server/config.js';
import { printJson, runAction, withStore } from './command-runner.js';

/** `tiaodu backup FILE` and `tiaodu restore FILE`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .description('back up the store (embedded: a gzipped data folder; server: pg_dump custom format)')
    .option('--json', 'print the result as JSON')
    .action(
      runAction(async (file: string, options: { json?: boolean }) => {
        await withStore(async (db, config) => {
          const result = await backupStore(
            db,
            { databaseUrl: config.DATABASE_URL, dataDir: config.TIAODU_DATA_DIR },
            file,
          );
          if (options.json) printJson({ file, ...result });
          else console.log(`tiaodu: backup written to ${file} (${result.format}, ${result.bytes} bytes)`);
        });
      }),
    );
  program
    .command('restore')
    .argument('<file>', 'a backup made by `tiaodu backup`')
    .description(
      'restore a backup into an empty store (a new TIAODU_DATA_DIR, or an empty DATABASE_URL database)',
    )
    .option('--json', 'print the result as JSON')
    .action(
      runAction(async (file: string, options: { json?: boolean }) => {
        const config = loadConfig();
        const result = await restoreStore(
          { databaseUrl: config.DATABASE_URL, dataDir: config.TIAODU_DATA_DIR },
          file,
        );
        if (options.json) printJson({ file, ...result });
        else console.log(`tiaodu: restored ${file} (${result.format})`);
      }),
    );
}
