import type { Command } from 'commander';
import { ZAnalyticsQuery } from '../modules/analytics/analytics.schema.js';
import { getIndicatorAnalytics } from '../modules/analytics/analytics.service.js';
import { parseInput } from '../server/http.js';
import { printJson, runAction, withStore } from './command-runner.js';

interface TAnalyticsOptions {
  indicator: string;
  orgUnit: string;
  level: string;
  period: string;
  ytd?: boolean;
  json?: boolean;
}

const format = (value: number | null, decimals: number): string =>
  value === null ? '—' : value.toFixed(decimals);

/** `tiaodu analytics`: the same answer as GET /api/analytics, as JSON or a table. */
export function registerAnalyticsCommand(program: Command): void {
  program
    .command('analytics')
    .description('One indicator for an org unit and its children: value, 95% interval, change, target')
    .requiredOption('--indicator <code>', 'indicator code, e.g. CBR')
    .requiredOption('--org-unit <code>', 'org unit code')
    .option('--level <level>', 'self, children, or levels below', 'children')
    .requiredOption('--period <id>', 'DHIS2 period id: 2026, 2026Q3, 202609, 2026W39')
    .option('--ytd', 'year to date: 1 January through the end of the period')
    .option('--json', 'print the answer as JSON')
    .action(
      runAction(async (options: TAnalyticsOptions) => {
        const query = parseInput(ZAnalyticsQuery, { ...options, ytd: options.ytd === true }, 'query');
        const answer = await withStore((db) => getIndicatorAnalytics(db, query));
        if (options.json) return printJson(answer);
        const decimals = answer.indicator.decimals;
        const lines = [answer.parent, ...answer.rows].map((row) =>
          [
            row.orgUnit.padEnd(12),
            format(row.value, decimals).padStart(10),
            row.ci95 ? `[${format(row.ci95[0], decimals)}, ${format(row.ci95[1], decimals)}]` : '',
            row.change === null ? '' : `Δ ${format(row.change, decimals)} p=${format(row.pValue, 3)}`,
            row.target ? `${row.target.rule} ${row.target.status}` : '',
          ].join('  '),
        );
        process.stdout.write(
          `${answer.indicator.code} ${answer.period.id}${answer.period.ytd ? ' YTD' : ''}\n${lines.join('\n')}\n`,
        );
      }),
    );
}
