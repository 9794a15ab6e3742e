/**
 * Prints the demo city as files the CLI and the web app import:
 *   npx tsx demo/export-demo.ts metadata [--today 2026-05-15] > qingshan.metadata.json
 *   npx tsx demo/export-demo.ts csv [--today 2026-05-15] [--seed 7] > qingshan.csv
 * The CSV has DHIS2's column order and header; the metadata's targets are for today's year.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TRawDataValueRow } from '../src/modules/data-values/data-values.schema.js';
import { buildDemoMetadata, DEMO_SEED } from './demo-metadata.js';
import { generateDemoRows, resolveToday } from './generate-demo-data.js';

const CSV_HEADER =
  'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup';

/** One DHIS2 CSV line of a demo row (no field needs quoting: codes and integers only). */
export function formatCsvLine(row: TRawDataValueRow): string {
  return [
    row.dataElement,
    row.period,
    row.orgUnit,
    row.categoryOptionCombo,
    row.attributeOptionCombo,
    row.value,
    '',
    '',
    '',
    '',
  ].join(',');
}

/** The demo's values as DHIS2 CSV text chunks (header first, ~1,000 lines a chunk). */
export function* generateDemoCsv(options: Parameters<typeof generateDemoRows>[0] = {}): Generator<string> {
  yield `${CSV_HEADER}\n`;
  let lines: string[] = [];
  for (const row of generateDemoRows(options)) {
    lines.push(formatCsvLine(row));
    if (lines.length === 1000) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { today: { type: 'string' }, seed: { type: 'string' } },
  });
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  const today = resolveToday(values.today);
  if (positionals[0] === 'metadata') {
    const metadata = buildDemoMetadata({ seed, targetYear: today.getUTCFullYear() });
    process.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
  } else if (positionals[0] === 'csv') {
    for (const chunk of generateDemoCsv({ seed, today })) process.stdout.write(chunk);
  } else {
    console.error('usage: npx tsx demo/export-demo.ts metadata|csv [--today YYYY-MM-DD] [--seed N]');
    process.exitCode = 2;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
