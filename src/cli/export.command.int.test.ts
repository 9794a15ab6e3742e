import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PRINCIPAL } from '../modules/auth/principal.js';
import { saveDataValue } from '../modules/data-values/entry/entry.service.js';
import { loadDataEntryFixture } from '../modules/data-values/entry/testing/data-entry-fixture.js';
import { CSV_HEADER } from '../modules/data-values/export/export.schema.js';
import { migrate } from '../store/migrate.js';
import { openPgliteDb } from '../store/pglite-driver.js';
import { createTestStore, type TestStore } from '../store/testing/test-store.js';

const run = promisify(execFile);

describe('tiaodu export', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-export-cli-'));
  // The server store when there is one (fast); else an embedded store in a folder.
  let store: TestStore | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      store = await createTestStore('postgres');
      env = { ...process.env, DATABASE_URL: store.databaseUrl };
    } else {
      const dataDir = join(folder, 'data');
      const db = await openPgliteDb({ dataDir });
      await migrate(db);
      store = { db, dispose: () => Promise.resolve() };
      env = { ...process.env, TIAODU_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
    }
    await loadDataEntryFixture(store.db);
    await saveDataValue(
      store.db,
      CLI_PRINCIPAL,
      { dataElement: 'BIRTHS', period: '202601', orgUnit: 'QS0101', categoryOptionCombo: 'M.1', value: '12' },
      { storedBy: 'cli' },
    );
    await saveDataValue(
      store.db,
      CLI_PRINCIPAL,
      { dataElement: 'POP', period: '202601', orgUnit: 'QS0201', value: '41000' },
      { storedBy: 'cli' },
    );
    if (!process.env.DATABASE_URL) await store.db.close();
  });
  afterAll(async () => {
    if (process.env.DATABASE_URL) await store?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Runs the CLI as a user would; never throws on exit codes. */
  async function tiaodu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('writes a CSV file of an org unit with its children', async () => {
    const output = join(folder, 'out.csv');
    const written = await tiaodu([
      'export',
      '--data-set',
      'MONTHLY',
      '--period',
      '202601',
      '--org-unit',
      'QS01',
      '--children',
      '--output',
      output,
    ]);
    expect(written).toMatchObject({ code: 0, stderr: `wrote 1 values to ${output}\n` });
    const lines = readFileSync(output, 'utf8').split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines[1]).toMatch(/^BIRTHS,202601,QS0101,M\.1,STAT,12,cli,\d{4}-.*Z,,false$/);
    expect(lines).toHaveLength(3);
  }, 120_000);

  it('prints JSON to standard output, and exits 1 naming an unknown data set', async () => {
    const printed = await tiaodu(['export', '--data-set', 'MONTHLY', '--period', '202601']);
    expect(printed.code).toBe(0);
    const { dataValues } = JSON.parse(printed.stdout) as {
      dataValues: Array<{ orgUnit: string; value: string }>;
    };
    expect(dataValues.map((v) => `${v.orgUnit}=${v.value}`).sort()).toEqual(['QS0101=12', 'QS0201=41000']);
    const refused = await tiaodu(['export', '--data-set', 'NOPE', '--period', '202601']);
    expect(refused).toMatchObject({ code: 1, stderr: 'tiaodu: NOT_FOUND: data set "NOPE" not found\n' });
  }, 120_000);
});
