import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs the CLI on an embedded store in `dataDir` with `input` on stdin; never throws on exit codes. */
function tiaodu(
  dataDir: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TIAODU_DATA_DIR: dataDir, ...options.env };
  delete env.DATABASE_URL;
  if (!options.env?.TIAODU_ADMIN_PASSWORD) delete env.TIAODU_ADMIN_PASSWORD;
  return new Promise((resolve) => {
    const child = execFile(
      'node',
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

describe('tiaodu user and token', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tiaodu-user-cli-'));
  const dataDir = join(folder, 'data');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('creates admin with a random password printed once, then manages users and tokens', async () => {
    const first = await tiaodu(dataDir, ['init', '--empty']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created user admin — password: [A-Za-z0-9_-]{20} \(shown once/);
    const second = await tiaodu(dataDir, ['init', '--empty']);
    expect(second.stdout).not.toMatch(/password/);

    const created = await tiaodu(
      dataDir,
      ['user', 'create', "o'brien<script>", '--role', 'analyst,approver', '--password-stdin'],
      {
        input: 'a long enough password\n',
      },
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toBe("created user o'brien<script>\tanalyst,approver\t—\tactive\n");

    const duplicate = await tiaodu(dataDir, [
      'user',
      'create',
      "o'brien<script>",
      '--role',
      'clerk',
      '--password',
      'another password',
    ]);
    expect(duplicate).toMatchObject({
      code: 1,
      stderr: `tiaodu: CONFLICT: user "o'brien<script>" already exists\n`,
    });

    const token = await tiaodu(dataDir, [
      'token',
      'create',
      '--user',
      "o'brien<script>",
      '--expires',
      '30d',
      '--name',
      'nightly',
    ]);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^tdu_[A-Za-z0-9_-]{43}\n$/);

    const listed = await tiaodu(dataDir, ['token', 'list', '--json']);
    const tokens = JSON.parse(listed.stdout) as Array<{
      id: number;
      name: string;
      expires: string;
      revoked: string | null;
    }>;
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'nightly', revoked: null });
    expect(new Date(tokens[0]!.expires).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(listed.stdout).not.toContain(token.stdout.trim());

    const revoked = await tiaodu(dataDir, ['token', 'revoke', String(tokens[0]!.id)]);
    expect(revoked.stdout).toMatch(/\trevoked 20\d\d-/);

    const disabled = await tiaodu(dataDir, ['user', 'disable', "o'brien<script>"]);
    expect(disabled.stdout).toBe("o'brien<script>\tanalyst,approver\t—\tdisabled\n");
    const users = JSON.parse((await tiaodu(dataDir, ['user', 'list', '--json'])).stdout) as Array<{
      username: string;
      disabled: boolean;
    }>;
    expect(users.map((user) => [user.username, user.disabled])).toEqual([
      ['admin', false],
      ["o'brien<script>", true],
    ]);

    const reset = await tiaodu(dataDir, ['user', 'reset-password', 'admin']);
    expect(reset.stdout).toMatch(/^password of admin changed\npassword: [A-Za-z0-9_-]{20}\n/);
  }, 240_000);
});
