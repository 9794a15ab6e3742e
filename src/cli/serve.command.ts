import type { Command } from 'commander';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openStore } from '../store/open-store.js';
import { runAction } from './command-runner.js';
import { ensureAdminAccount, initializeStoreIfEmpty } from './init.command.js';

/** `tiaodu serve`: the API and the web app on PORT, until SIGINT/SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the API (PORT, default 8080)')
    .option('--init-demo', 'load the demo city first when the store is empty')
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .action(
      runAction(async (options: { initDemo?: boolean; port?: string }) => {
        const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
        const db = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.TIAODU_DATA_DIR });
        await ensureAdminAccount(db, config, (line) => console.log(line));
        if (options.initDemo)
          await initializeStoreIfEmpty(db, { demo: true, log: (line) => console.log(line) });
        const app = await buildApp({ db, config, logger: true });
        let closing = false;
        const shutdown = async (signal: string) => {
          if (closing) return;
          closing = true;
          app.log.info({ signal }, 'shutting down');
          await app.close();
          await db.close();
          process.exit(0);
        };
        process.on('SIGINT', () => void shutdown('SIGINT'));
        process.on('SIGTERM', () => void shutdown('SIGTERM'));
        await app.listen({ port: config.PORT, host: config.HOST });
        console.log(`tiaodu is serving on http://localhost:${config.PORT} (${db.kind} store)`);
      }),
    );
}
