import type { Command } from 'commander';

/** `tiaodu import` (placeholder until its module lands). */
export function registerImportCommand(_program: Command): void {}
