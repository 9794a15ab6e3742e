import type { Command } from 'commander';

/** `tiaodu export` (placeholder until its module lands). */
export function registerExportCommand(_program: Command): void {}
