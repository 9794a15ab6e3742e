import type { Command } from 'commander';
import { registerInitCommand } from './init.command.js';
import { registerServeCommand } from './serve.command.js';

/** Every CLI command, one file each. */
export function registerCommands(program: Command): void {
  registerInitCommand(program);
  registerServeCommand(program);
}
