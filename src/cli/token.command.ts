import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { TAccessToken } from '../modules/auth/auth.schema.js';
import { CLI_PRINCIPAL } from '../modules/auth/principal.js';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '../modules/auth/tokens.service.js';
import { printJson, runAction, withStore } from './command-runner.js';

/** `7  clerk1  nightly-import  2026-10-01T…  expires …  active` line of `token list`. */
function describeToken(token: TAccessToken, now = new Date()): string {
  const state = token.revoked
    ? `revoked ${token.revoked}`
    : token.expires && new Date(token.expires) <= now
      ? 'expired'
      : 'active';
  return [
    token.id,
    token.username,
    token.name || '—',
    `created ${token.created}`,
    `expires ${token.expires ?? 'never'}`,
    `last used ${token.lastUsed ?? 'never'}`,
    state,
  ].join('\t');
}

/** `tiaodu token create|list|revoke`: personal access tokens for scripts (`Authorization: Bearer …`). */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('personal access tokens for scripts');
  token
    .command('create')
    .description('create a token for a user and print it once')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--expires <duration>', 'lifetime like 30d, 12h, 90m or 2w (default: never expires)')
    .option('--name <name>', 'what the token is for', '')
    .option('--json', 'print as JSON')
    .action(
      runAction(async (options: { user: string; expires?: string; name: string; json?: boolean }) => {
        const created = await withStore((db) =>
          createAccessToken(
            db,
            { username: options.user, name: options.name, expiresIn: options.expires },
            CLI_PRINCIPAL,
          ),
        );
        if (options.json) return printJson({ token: created.token, ...created.details });
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(
          `token ${created.details.id} for ${options.user}, expires ${created.details.expires ?? 'never'} — shown once; send it as "Authorization: Bearer <token>"\n`,
        );
      }),
    );
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--user <name>', 'only this user’s tokens')
    .option('--json', 'print as JSON')
    .action(
      runAction(async (options: { user?: string; json?: boolean }) => {
        const tokens = await withStore((db) => listAccessTokens(db, options.user));
        if (options.json) return printJson(tokens);
        for (const entry of tokens) process.stdout.write(`${describeToken(entry)}\n`);
      }),
    );
  token
    .command('revoke')
    .description('revoke a token by id (from `token list`)')
    .argument('<id>', 'token id')
    .action(
      runAction(async (id: string) => {
        if (!/^\d+$/.test(id)) throw new AppError('VALIDATION_FAILED', `token id "${id}" is not a number`);
        const revoked = await withStore((db) => revokeAccessToken(db, Number(id), CLI_PRINCIPAL));
        process.stdout.write(`${describeToken(revoked)}\n`);
      }),
    );
}
