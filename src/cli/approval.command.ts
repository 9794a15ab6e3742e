import type { Command } from 'commander';
import type { TApprovalAction, TApprovalKey, TApprovalStatus } from '../modules/approval/approval.schema.js';
import { changeApproval, getApprovalStatus } from '../modules/approval/approval.service.js';
import {
  grantLockException,
  listLockExceptionsInScope,
  revokeLockException,
} from '../modules/approval/lock-exception.service.js';
import { CLI_PRINCIPAL } from '../modules/auth/principal.js';
import { printJson, runAction, withStore } from './command-runner.js';

interface KeyOptions {
  dataSet: string;
  period: string;
  orgUnit: string;
  json?: boolean;
}

function keyOf(options: KeyOptions): TApprovalKey {
  return { dataSet: options.dataSet, period: options.period, orgUnit: options.orgUnit };
}

/** One line per approval status: state, who and when, whom it waits for, the lock. */
function describeStatus(status: TApprovalStatus): string {
  const unit = status.approvalOrgUnit
    ? `${status.approvalOrgUnit.name} (${status.approvalOrgUnit.code})`
    : '—';
  const lines = [`${status.dataSet} ${status.period} ${unit}: ${status.state}`];
  if (status.approvedBy) lines.push(`  approved by ${status.approvedBy} at ${status.approvedAt}`);
  if (status.acceptedBy) lines.push(`  accepted by ${status.acceptedBy} at ${status.acceptedAt}`);
  if (status.waitingFor.length > 0)
    lines.push(
      `  waiting for data from ${status.waitingFor.map((ref) => `${ref.name} (${ref.code})`).join(', ')}`,
    );
  if (status.locked.expired) lines.push(`  locked: ${status.locked.reason}`);
  return `${lines.join('\n')}\n`;
}

function withKeyOptions(command: Command): Command {
  return command
    .requiredOption('--data-set <code>', 'data set code')
    .requiredOption('--period <id>', 'period id of the data set’s type (202610)')
    .requiredOption('--org-unit <code>', 'org unit code (the approving county for actions)')
    .option('--json', 'print the answer as JSON');
}

/**
 * `tiaodu approval status|approve|unapprove|accept|unaccept` and `tiaodu lock-exception
 * grant|revoke|list`: the approval and lock-exception services as the local operator.
 */
export function registerApprovalCommands(program: Command): void {
  const approval = program.command('approval').description('data approval of a data set, period and county');
  withKeyOptions(approval.command('status').description('show the approval state and lock')).action(
    runAction(async (options: KeyOptions) => {
      const status = await withStore((db) => getApprovalStatus(db, keyOf(options), CLI_PRINCIPAL));
      if (options.json) printJson(status);
      else process.stdout.write(describeStatus(status));
    }),
  );
  const actions: Array<[TApprovalAction, string]> = [
    ['approve', "approve a county's data once every township has data"],
    ['unapprove', 'withdraw an approval that is not accepted'],
    ['accept', "accept a county's approval (the city)"],
    ['unaccept', 'withdraw an acceptance'],
  ];
  for (const [action, description] of actions) {
    withKeyOptions(approval.command(action).description(description)).action(
      runAction(async (options: KeyOptions) => {
        const status = await withStore((db) => changeApproval(db, action, keyOf(options), CLI_PRINCIPAL));
        if (options.json) printJson(status);
        else process.stdout.write(describeStatus(status));
      }),
    );
  }

  const exceptions = program
    .command('lock-exception')
    .description('re-open an expired period of a data set for an org unit and its subtree');
  withKeyOptions(exceptions.command('grant').description('grant a lock exception')).action(
    runAction(async (options: KeyOptions) => {
      const granted = await withStore((db) => grantLockException(db, keyOf(options), CLI_PRINCIPAL));
      if (options.json) printJson(granted);
      else process.stdout.write(`granted ${granted.dataSet} ${granted.period} ${granted.orgUnit}\n`);
    }),
  );
  withKeyOptions(exceptions.command('revoke').description('revoke a lock exception')).action(
    runAction(async (options: KeyOptions) => {
      await withStore((db) => revokeLockException(db, keyOf(options), CLI_PRINCIPAL));
      if (options.json) printJson(keyOf(options));
      else process.stdout.write(`revoked ${options.dataSet} ${options.period} ${options.orgUnit}\n`);
    }),
  );
  exceptions
    .command('list')
    .description('list lock exceptions, newest first')
    .option('--data-set <code>', 'only this data set')
    .option('--period <id>', 'only this period')
    .option('--org-unit <code>', 'only this org unit')
    .option('--json', 'print JSON')
    .action(
      runAction(async (options: Partial<KeyOptions>) => {
        const filter = {
          ...(options.dataSet ? { dataSet: options.dataSet } : {}),
          ...(options.period ? { period: options.period } : {}),
          ...(options.orgUnit ? { orgUnit: options.orgUnit } : {}),
        };
        const list = await withStore((db) => listLockExceptionsInScope(db, filter, CLI_PRINCIPAL));
        if (options.json) printJson(list);
        else
          for (const item of list)
            process.stdout.write(
              `${item.dataSet}\t${item.period}\t${item.orgUnit}\t${item.createdBy}\t${item.created}\n`,
            );
      }),
    );
}
