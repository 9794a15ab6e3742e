import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${baseUrl} within ${timeoutMs} ms`);
}

// What `npm start` runs: the built CLI (dist/, made by `npm test`'s build step) serving the built web app.
describe('tiaodu serve from the build', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiaodu-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the web app at / and the API, and exits 0 on SIGTERM', async () => {
    expect(existsSync('dist/src/cli/main.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const port = await freePort();
    const child = spawn('node', ['bin/tiaodu.js', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        TIAODU_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(baseUrl, 60_000);
      const page = await fetch(`${baseUrl}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('<div id="root">');
      const deepLink = await fetch(`${baseUrl}/data-entry`);
      expect(deepLink.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    await expect(exited).resolves.toBe(0);
  }, 90_000);
});
