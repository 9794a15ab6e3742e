import { isAppError } from '../core/errors.js';
import { loadConfig, type TConfig } from '../server/config.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';

/**
 * Wraps a command's action: on failure it prints one line (`tiaodu: message`) to stderr and
 * exits 1, so scripts can rely on the exit code.
 */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  return async (...args: Args): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      const message = isAppError(error)
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
      process.stderr.write(`tiaodu: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
      process.exitCode = 1;
    }
  };
}

/** Opens the configured store for one command and closes it afterwards. */
export async function withStore<T>(work: (db: Db, config: TConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.TIAODU_DATA_DIR });
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

/** Prints `value` as JSON (for `--json`). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
