import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMetadataFixture } from '../modules/metadata/testing/metadata-fixture.js';

const run = promisify(execFile);

/** Runs the CLI as a user would, on an embedded store in `dataDir`; never throws on exit codes. */
async function tiaodu(
  dataDir: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TIAODU_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('tiaodu metadata import', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-metadata-cli-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 0 with JSON stats for a good file and 1 with every error listed for a bad one', async () => {
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify(buildMetadataFixture()));
    const imported = await tiaodu(join(folder, 'data'), ['metadata', 'import', good, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ dryRun: false, stats: { orgUnits: { created: 7 } } });

    const fixture = buildMetadataFixture();
    fixture.indicators![0]!.denominator = '#{BIRHTS}';
    fixture.orgUnits!.push({ code: 'QS', name: 'again', parent: null });
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify(fixture));
    const refused = await tiaodu(join(folder, 'data'), ['metadata', 'import', bad, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      'tiaodu: INVALID_METADATA: 2 errors',
      '  orgUnits[7]: duplicate code "QS" (also at orgUnits[0])',
      '  indicators[0].denominator: unknown data element "BIRHTS" at 3',
      '',
    ]);
  }, 120_000);
});
