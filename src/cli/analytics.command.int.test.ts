import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndicatorAnalytics } from '../modules/analytics/analytics.service.js';
import { loadAnalyticsFixture } from '../modules/analytics/testing/analytics-fixture.js';
import { openStore } from '../store/open-store.js';
import { createTestStore, type TestStore, testStoreKinds } from '../store/testing/test-store.js';

const run = promisify(execFile);
const QUERY = { indicator: 'CBR', orgUnit: 'QS', level: 'children' as const, period: '2025', ytd: false };

describe.each(testStoreKinds())('tiaodu analytics on %s', (kind) => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-analytics-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TIAODU_DATA_DIR: join(folder, 'data') };
  let store: TestStore | undefined;
  let expected: unknown;
  beforeAll(async () => {
    if (kind === 'postgres') {
      store = await createTestStore(kind);
      env.DATABASE_URL = store.databaseUrl;
    } else delete env.DATABASE_URL;
    const db = store?.db ?? (await openStore({ dataDir: join(folder, 'data') }));
    await loadAnalyticsFixture(db);
    expected = JSON.parse(JSON.stringify(await getIndicatorAnalytics(db, QUERY)));
    if (!store) await db.close();
  });
  afterAll(async () => {
    await store?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the same JSON as GET /api/analytics', async () => {
    const args = [
      '--indicator',
      'CBR',
      '--org-unit',
      'QS',
      '--level',
      'children',
      '--period',
      '2025',
      '--json',
    ];
    const { stdout } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'analytics', ...args], {
      env,
    });
    expect(JSON.parse(stdout)).toEqual(expected);
  });
});
