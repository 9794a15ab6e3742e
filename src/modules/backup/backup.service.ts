import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPgliteDb, PgliteDb } from '../../store/pglite-driver.js';
import { openPostgresDb } from '../../store/postgres-driver.js';
import { countPublicTables } from './backup.repository.js';

/** Where a backup comes from or goes to: the embedded folder or a server database. */
export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export type BackupFormat = 'pglite-tar-gz' | 'pg-custom';

/** Writes a backup of the store to `file`: a gzipped PGlite data folder, or `pg_dump -Fc` for a server. */
export async function backupStore(
  db: Db,
  target: BackupTarget,
  file: string,
): Promise<{ format: BackupFormat; bytes: number }> {
  if (db instanceof PgliteDb) {
    const dump = await db.pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return { format: 'pglite-tar-gz', bytes: bytes.length };
  }
  if (!target.databaseUrl) throw new AppError('BAD_REQUEST', 'a server backup needs DATABASE_URL');
  await runTool('pg_dump', [
    '--format=custom',
    '--no-owner',
    `--file=${file}`,
    `--dbname=${target.databaseUrl}`,
  ]);
  return { format: 'pg-custom', bytes: readFileSync(file).length };
}

/** Tells a backup's format from its first bytes. */
export function detectBackupFormat(file: string): BackupFormat {
  const head = readFileSync(file).subarray(0, 5);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite-tar-gz';
  if (head.toString('latin1') === 'PGDMP') return 'pg-custom';
  throw new AppError(
    'BAD_REQUEST',
    `${file} is not a tiaodu backup (neither a PGlite archive nor a pg_dump custom file)`,
  );
}

/**
 * Restores `file` into an EMPTY store (a new data folder, or a server database without tables),
 * then applies newer migrations. Refuses to overwrite a store that has data.
 */
export async function restoreStore(target: BackupTarget, file: string): Promise<{ format: BackupFormat }> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `backup file ${file} not found`);
  const format = detectBackupFormat(file);
  if (target.databaseUrl) {
    if (format !== 'pg-custom')
      throw new AppError('BAD_REQUEST', 'this is an embedded-store backup: restore it without DATABASE_URL');
    await assertServerEmpty(target.databaseUrl);
    await runTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.databaseUrl}`, file]);
    const db = openPostgresDb(target.databaseUrl, 2);
    await migrate(db).finally(() => db.close());
    return { format };
  }
  if (format !== 'pglite-tar-gz')
    throw new AppError('BAD_REQUEST', 'this is a server backup: set DATABASE_URL to restore it');
  const dataDir = resolve(target.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new AppError('CONFLICT', `${dataDir} is not empty: restore into a new TIAODU_DATA_DIR`);
  }
  const db = await openPgliteDb({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  await migrate(db).finally(() => db.close());
  return { format };
}

async function assertServerEmpty(databaseUrl: string): Promise<void> {
  const db = openPostgresDb(databaseUrl, 1);
  try {
    if ((await countPublicTables(db)) > 0) {
      throw new AppError('CONFLICT', 'the target database has tables: restore into an empty database');
    }
  } finally {
    await db.close();
  }
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(
        new AppError(
          'INTERNAL',
          `${command} could not start (${error.message}): install the PostgreSQL client tools`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new AppError('INTERNAL', `${command} failed: ${stderr.trim().split('\n')[0] ?? ''}`)),
    );
  });
}
