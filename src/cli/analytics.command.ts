import type { Command } from 'commander';

/** `tiaodu analytics` (placeholder until its module lands). */
export function registerAnalyticsCommand(_program: Command): void {}
