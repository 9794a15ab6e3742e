import { Command } from 'commander';
import { VERSION } from '../server/version.js';
import { registerCommands } from './commands.js';

const program = new Command();
program
  .name('tiaodu')
  .description('调度 tiaodu — population statistics against targets, data quality, weekly dispatch')
  .version(VERSION);
registerCommands(program);
await program.parseAsync(process.argv);
