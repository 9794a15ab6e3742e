/**
 * The DuckDB comparison: the raw values (with their period dates) and the org-unit closure are
 * exported to Parquet, and DuckDB computes the overview's item sums per org unit by scanning them.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Db } from '../src/store/db.js';

export interface TDuckBench {
  /** Item sums for the given ancestors and range; returns rows found. */
  query(ancestorIds: readonly number[], start: string, end: string): Promise<number>;
  close(): void;
}

/** Exports raw values in batches to CSV, converts to Parquet, opens DuckDB over it. */
export async function openDuckBench(db: Db, log: (line: string) => void): Promise<TDuckBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tiaodu-duck-'));
  const started = performance.now();
  const valuesCsv = join(dir, 'values.csv');
  writeFileSync(valuesCsv, 'de,coc,src,ou,start_date,end_date,num\n');
  const { appendFileSync } = await import('node:fs');
  const periods = await db.query<{ id: number }>('SELECT id FROM period ORDER BY id');
  for (const period of periods) {
    const rows = await db.query<{ line: string }>(
      `SELECT concat_ws(',', dv.data_element_id, dv.option_combo_id, dv.source_id, dv.org_unit_id,
                        to_char(p.start_date, 'YYYY-MM-DD'), to_char(p.end_date, 'YYYY-MM-DD'), dv.num) AS line
       FROM data_value dv JOIN period p ON p.id = dv.period_id WHERE dv.period_id = $1 AND dv.num IS NOT NULL`,
      [period.id],
    );
    if (rows.length > 0) appendFileSync(valuesCsv, `${rows.map((row) => row.line).join('\n')}\n`);
  }
  const closure = await db.query<{ line: string }>(
    "SELECT ancestor_id || ',' || descendant_id AS line FROM org_unit_closure",
  );
  writeFileSync(
    join(dir, 'closure.csv'),
    `ancestor,descendant\n${closure.map((row) => row.line).join('\n')}\n`,
  );
  const elements = await db.query<{ code: string; id: number }>('SELECT code, id FROM data_element');
  const combos = await db.query<{ id: number; code: string; de: number }>(
    'SELECT id, code, data_element_id AS de FROM option_combo',
  );
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_csv('${valuesCsv}', header = true)) TO '${join(dir, 'values.parquet')}' (FORMAT parquet)`,
  );
  await connection.run(`CREATE VIEW v AS SELECT * FROM '${join(dir, 'values.parquet')}'`);
  await connection.run(
    `CREATE TABLE closure AS SELECT * FROM read_csv('${join(dir, 'closure.csv')}', header = true)`,
  );
  log(`exported raw values to Parquet for DuckDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const id = (code: string) => elements.find((element) => element.code === code)?.id ?? 0;
  const comboIds = (predicate: (code: string) => boolean) =>
    combos
      .filter((combo) => combo.de === id('BIRTHS') && predicate(combo.code))
      .map((combo) => combo.id)
      .join(',');
  const males = comboIds((code) => code.startsWith('M.'));
  const third = comboIds((code) => code.endsWith('.3P'));
  return {
    async query(ancestorIds, start, end) {
      const reader = await connection.runAndReadAll(`
        WITH s AS (
          SELECT c.ancestor AS ou, v.de, v.coc, v.num,
                 (least(v.end_date, DATE '${end}') - greatest(v.start_date, DATE '${start}') + 1) AS ov,
                 (v.end_date - v.start_date + 1) AS len
          FROM v JOIN closure c ON c.descendant = v.ou
          WHERE c.ancestor IN (${ancestorIds.join(',')}) AND v.start_date <= DATE '${end}' AND v.end_date >= DATE '${start}')
        SELECT ou,
          sum(num * ov / len) FILTER (WHERE de = ${id('BIRTHS')}) AS births,
          sum(num * ov / len) FILTER (WHERE de = ${id('BIRTHS')} AND coc IN (${males})) AS males,
          sum(num * ov / len) FILTER (WHERE de = ${id('BIRTHS')} AND coc IN (${third})) AS third,
          sum(num * ov) FILTER (WHERE de = ${id('POP')}) / (DATE '${end}' - DATE '${start}' + 1) AS pop,
          sum(num * ov) FILTER (WHERE de = ${id('WOMEN')}) / (DATE '${end}' - DATE '${start}' + 1) AS women
        FROM s GROUP BY ou`);
      return reader.getRows().length;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
