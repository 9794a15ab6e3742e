import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { TUser } from '../modules/auth/auth.schema.js';
import { CLI_PRINCIPAL, ROLES, type TRole } from '../modules/auth/principal.js';
import { generatePassword } from '../modules/auth/secrets.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from '../modules/auth/users.service.js';
import { printJson, runAction, withStore } from './command-runner.js';
import { passwordOption } from './password-input.js';

const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value.split(',').filter(Boolean),
];

function toRoles(values: readonly string[]): TRole[] {
  const unknown = values.find((value) => !(ROLES as readonly string[]).includes(value));
  if (unknown !== undefined)
    throw new AppError('VALIDATION_FAILED', `unknown role "${unknown}" (roles: ${ROLES.join(', ')})`);
  return values as TRole[];
}

/** `admin  admin  —  ` style line of `user list`. */
function describeUser(user: TUser): string {
  const units =
    user.orgUnits.map((unit) => unit.code).join(',') || (user.roles.includes('admin') ? 'ALL' : '—');
  return [user.username, user.roles.join(','), units, user.disabled ? 'disabled' : 'active'].join('\t');
}

/** `tiaodu user create|list|disable|enable|reset-password`. */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('manage users, their roles and org units');
  user
    .command('create')
    .description('create a user; without a password option one is asked for, or generated and printed once')
    .argument('<name>', 'user name')
    .requiredOption('--role <role>', `role (repeat or comma-separate: ${ROLES.join(', ')})`, collect)
    .option('--org-unit <code>', 'org unit the user works in (repeat or comma-separate)', collect)
    .option('--password <password>', 'initial password (visible in shell history: prefer --password-stdin)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(
      runAction(
        async (
          name: string,
          options: { role: string[]; orgUnit?: string[]; password?: string; passwordStdin?: boolean },
        ) => {
          const given = await passwordOption(options);
          const password = given ?? generatePassword();
          const created = await withStore((db) =>
            createUser(
              db,
              { username: name, password, roles: toRoles(options.role), orgUnits: options.orgUnit ?? [] },
              CLI_PRINCIPAL,
            ),
          );
          process.stdout.write(`created user ${describeUser(created)}\n`);
          if (!given) process.stdout.write(`password: ${password}\n(shown once)\n`);
        },
      ),
    );
  user
    .command('list')
    .description('list users: name, roles, org units, state')
    .option('--json', 'print as JSON')
    .action(
      runAction(async (options: { json?: boolean }) => {
        const users = await withStore((db) => listUsers(db));
        if (options.json) return printJson(users);
        for (const entry of users) process.stdout.write(`${describeUser(entry)}\n`);
      }),
    );
  for (const [command, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(command)
      .description(
        disabled ? 'disable a user (ends their sessions; tokens stop working)' : 'enable a disabled user',
      )
      .argument('<name>', 'user name')
      .action(
        runAction(async (name: string) => {
          const changed = await withStore((db) =>
            updateUser(db, { username: name }, { disabled }, CLI_PRINCIPAL),
          );
          process.stdout.write(`${describeUser(changed)}\n`);
        }),
      );
  }
  user
    .command('reset-password')
    .description(
      'set a new password (asked for, given, or generated and printed once); ends the user’s sessions',
    )
    .argument('<name>', 'user name')
    .option('--password <password>', 'the new password')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(
      runAction(async (name: string, options: { password?: string; passwordStdin?: boolean }) => {
        const given = await passwordOption(options);
        const password = await withStore(async (db) => {
          await getUser(db, { username: name });
          return resetPassword(db, { username: name }, given, CLI_PRINCIPAL);
        });
        process.stdout.write(`password of ${name} changed\n`);
        if (!given) process.stdout.write(`password: ${password}\n(shown once)\n`);
      }),
    );
}
