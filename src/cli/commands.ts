import type { Command } from 'commander';
import { registerAnalyticsCommand } from './analytics.command.js';
import { registerApprovalCommands } from './approval.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerExportCommand } from './export.command.js';
import { registerImportCommand } from './import.command.js';
import { registerInitCommand } from './init.command.js';
import { registerMetadataCommand } from './metadata.command.js';
import { registerServeCommand } from './serve.command.js';
import { registerTokenCommand } from './token.command.js';
import { registerUserCommand } from './user.command.js';

/** Every CLI command, one file each. */
export function registerCommands(program: Command): void {
  registerInitCommand(program);
  registerServeCommand(program);
  registerMetadataCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerAnalyticsCommand(program);
  registerBackupCommands(program);
  registerUserCommand(program);
  registerTokenCommand(program);
  registerApprovalCommands(program);
}
