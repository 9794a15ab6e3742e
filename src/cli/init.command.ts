import type { Command } from 'commander';
import { loadDemo } from '../../demo/load-demo.js';
import { CLI_PRINCIPAL } from '../modules/auth/principal.js';
import { ensureAdminUser } from '../modules/auth/users.service.js';
import type { TConfig } from '../server/config.js';
import type { Db } from '../store/db.js';
import { runAction, withStore } from './command-runner.js';

/**
 * Creates the user `admin` when missing, with TIAODU_ADMIN_PASSWORD or a random password that is
 * printed once. Leaves an existing admin (and its password) alone.
 */
export async function ensureAdminAccount(
  db: Db,
  config: TConfig,
  log: (line: string) => void,
): Promise<void> {
  const result = await ensureAdminUser(db, config.TIAODU_ADMIN_PASSWORD, CLI_PRINCIPAL);
  if (!result.created) return;
  if (result.generatedPassword === null)
    log('tiaodu: created user admin with the password in TIAODU_ADMIN_PASSWORD');
  else
    log(
      `tiaodu: created user admin — password: ${result.generatedPassword} (shown once; change it with \`tiaodu user reset-password admin\`)`,
    );
}

/** True when the store holds no org unit yet. */
async function isStoreEmpty(db: Db): Promise<boolean> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM org_unit');
  return (rows[0]?.count ?? 0) === 0;
}

/** Loads the demo city into an empty store; leaves a store with data alone. Returns whether it loaded. */
export async function initializeStoreIfEmpty(
  db: Db,
  options: { demo: boolean; log: (line: string) => void },
): Promise<boolean> {
  if (!(await isStoreEmpty(db))) return false;
  if (!options.demo) return false;
  options.log('tiaodu: empty store — loading the demo city (青山市 Qingshan)…');
  await loadDemo(db, { log: options.log });
  return true;
}

/** `tiaodu init --demo | --empty`. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'create the store (migrations) and the user admin; --demo loads the demo city, --empty leaves it empty',
    )
    .option('--demo', 'load the demo city 青山市 (Qingshan) when the store is empty')
    .option('--empty', 'create an empty store')
    .action(
      runAction(async (options: { demo?: boolean; empty?: boolean }) => {
        await withStore(async (db, config) => {
          await ensureAdminAccount(db, config, (line) => console.log(line));
          if (options.demo) {
            const loaded = await initializeStoreIfEmpty(db, { demo: true, log: (line) => console.log(line) });
            console.log(
              loaded ? 'tiaodu: demo city loaded' : 'tiaodu: store already has data; left as it is',
            );
          } else {
            console.log(`tiaodu: store ready (${db.kind})`);
          }
        });
      }),
    );
}
