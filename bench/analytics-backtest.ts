/**
 * `node --import tsx bench/analytics-backtest.ts [--today 2026-10-15] [--draws 10000]`
 *
 * Backtests the year-end forecast on the demo city's complete years (townships and counties, every
 * month-end January–November) and prints the 80% interval's coverage and the calibration of
 * P(year total below last year's) as the Markdown tables of docs/forecast.md.
 */
import { parseArgs } from 'node:util';
import { runBacktest } from '../src/core/forecast/backtest.js';
import { demoBacktestData } from '../src/core/forecast/testing/demo-histories.js';

const { values: args } = parseArgs({
  options: { today: { type: 'string', default: '2026-10-15' }, draws: { type: 'string', default: '10000' } },
});
const data = demoBacktestData(args.today);
const started = performance.now();
const result = runBacktest(data, { draws: Number(args.draws), minHistory: 1 });
const log = (line: string) => process.stdout.write(`${line}\n`);
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
log(
  `${data.units.length} units, years ${data.years.join(', ')}: ${result.forecasts} forecasts of ${args.draws} paths in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
log(`80% interval coverage ${percent(result.coverage80)}; Brier score ${result.brier.toFixed(3)}\n`);
log(`| months elapsed | ${result.coverageByMonth.map((_, k) => k + 1).join(' | ')} |`);
log(`| --- | ${result.coverageByMonth.map(() => '---:').join(' | ')} |`);
log(`| coverage | ${result.coverageByMonth.map((value) => percent(value)).join(' | ')} |\n`);
log('| decile | forecasts | mean predicted | observed |\n| --- | ---: | ---: | ---: |');
for (const bucket of result.calibration) {
  const decile = `${(bucket.decile / 10).toFixed(1)}–${((bucket.decile + 1) / 10).toFixed(1)}`;
  const show = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
  log(`| ${decile} | ${bucket.forecasts} | ${show(bucket.predicted)} | ${show(bucket.observed)} |`);
}
