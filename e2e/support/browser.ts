import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Folder of the built web app the server serves in e2e tests. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Folder for screenshots (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));

/** Headless Chromium as installed on the machine; one per test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own storage) pointed at `baseUrl`, with downloads allowed. */
export function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    acceptDownloads: true,
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
  });
}

/** Saves a full-page screenshot of `page` to e2e/artifacts/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Let antd's transitions (tabs, fades) settle so the picture shows the final state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}
