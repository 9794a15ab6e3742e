import type { Command } from 'commander';

/** `tiaodu metadata` (placeholder until its module lands). */
export function registerMetadataCommand(_program: Command): void {}
