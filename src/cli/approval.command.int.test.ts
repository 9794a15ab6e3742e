import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, loadApprovalFixture } from '../modules/approval/testing/approval-fixture.js';
import { openStore } from '../store/open-store.js';
import { createTestStore, type TestStore, testStoreKinds } from '../store/testing/test-store.js';

const run = promisify(execFile);
const PERIOD = currentMonth();
const KEY = ['--data-set', 'MONTHLY', '--period', PERIOD, '--org-unit', 'QS01'];

describe.each(testStoreKinds())('tiaodu approval on %s', (kind) => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-approval-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TIAODU_DATA_DIR: join(folder, 'data') };
  let store: TestStore | undefined;
  const tiaodu = (...args: string[]) => run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });

  beforeAll(async () => {
    if (kind === 'postgres') {
      store = await createTestStore(kind);
      env.DATABASE_URL = store.databaseUrl;
    } else delete env.DATABASE_URL;
    const db = store?.db ?? (await openStore({ dataDir: join(folder, 'data') }));
    await loadApprovalFixture(db);
    await db.query(
      `INSERT INTO period (iso, type, start_date, end_date) VALUES ($1, 'Monthly', date_trunc('month', now())::date,
         (date_trunc('month', now()) + interval '1 month - 1 day')::date) ON CONFLICT DO NOTHING`,
      [PERIOD],
    );
    await db.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num)
       SELECT e.id, p.id, o.id, c.id, s.id, '100', 100 FROM data_element e, period p, org_unit o, option_combo c, source s
       WHERE e.code = 'POP' AND p.iso = $1 AND o.code = 'QS0101' AND c.data_element_id = e.id AND s.code = 'STAT'`,
      [PERIOD],
    );
    if (!store) await db.close();
  }, 120_000);
  afterAll(async () => {
    await store?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the status as JSON, naming the township without data', async () => {
    const { stdout } = await tiaodu('approval', 'status', ...KEY, '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      state: 'UNAPPROVED',
      waitingFor: [{ code: 'QS0102' }],
      canApprove: false,
    });
  });

  it('exits 1 with one line when the approval is not ready', async () => {
    const failure = await tiaodu('approval', 'approve', ...KEY).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe(
      `tiaodu: APPROVAL_NOT_READY: 东城区 (QS01) cannot approve MONTHLY for ${PERIOD} yet: no data from 南湖镇 (QS0102)\n`,
    );
  });

  it('grants, lists and revokes a lock exception', { timeout: 240_000 }, async () => {
    const exception = ['--data-set', 'MONTHLY', '--period', '202401', '--org-unit', 'QS0101'];
    expect((await tiaodu('lock-exception', 'grant', ...exception)).stdout).toBe(
      'granted MONTHLY 202401 QS0101\n',
    );
    const listed = JSON.parse((await tiaodu('lock-exception', 'list', '--json')).stdout) as unknown[];
    expect(listed).toEqual([
      expect.objectContaining({ dataSet: 'MONTHLY', period: '202401', createdBy: 'cli' }),
    ]);
    await tiaodu('lock-exception', 'revoke', ...exception);
    expect(JSON.parse((await tiaodu('lock-exception', 'list', '--json')).stdout)).toEqual([]);
  });
});
