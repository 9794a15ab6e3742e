import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../src/server/testing/test-app.js';
import { signIn } from './auth.js';
import { launchBrowser, newContext, WEB_ROOT } from './browser.js';

/** A real server on a fresh PGlite store serving the built web app, and a Chromium page on it. */
export interface AppSession {
  server: TestApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts the server and the browser; runs `prepare` (load metadata, create users) before the
 * page opens; signs the browser in as `signInAs` (default `admin`; null: stay signed out).
 */
export async function openAppSession(
  options: { prepare?: (server: TestApp) => Promise<void>; signInAs?: string | null } = {},
): Promise<AppSession> {
  const [server, browser] = await Promise.all([
    startTestApp('pglite', { webRoot: WEB_ROOT }),
    launchBrowser(),
  ]);
  await options.prepare?.(server);
  const context = await newContext(browser, server.baseUrl);
  const username = options.signInAs === undefined ? 'admin' : options.signInAs;
  if (username !== null) await signIn(context, username);
  const page = await context.newPage();
  return {
    server,
    browser,
    context,
    page,
    close: async () => {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}
