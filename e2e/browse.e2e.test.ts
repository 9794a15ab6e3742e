import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/server/testing/test-app.js';
import { signIn } from './support/auth.js';
import { launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';
import { loadFixture } from './support/fixture.js';

describe('browsing org units and metadata', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestApp('pglite', { webRoot: WEB_ROOT }), launchBrowser()]);
    await loadFixture(server.baseUrl, server.headers);
    context = await newContext(browser, server.baseUrl);
    await signIn(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('expands a county in the org-unit tree to show its townships and the selected unit’s path', async () => {
    await page.goto('/org-units');
    const tree = page.getByTestId('org-unit-tree');
    await tree.getByText('青山市').waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: '青山市' }).locator('.ant-tree-switcher').click();
    await tree.getByText('东城区').waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: '东城区' }).locator('.ant-tree-switcher').click();
    await tree.getByText('南湖镇').waitFor();
    await tree.getByText('南湖镇').click();
    const details = page.getByTestId('org-unit-details');
    await details.getByText('QS0102').waitFor();
    await expect(details.locator('.ant-breadcrumb').textContent()).resolves.toMatch(
      /青山市\s*\/\s*东城区\s*\/\s*南湖镇/,
    );
    await expect(details.getByText('乡镇(街道)').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'org-units');
  });

  it('shows English names in the tree after the language switch', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId('org-unit-tree').getByText('Qingshan').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('org-unit-tree').getByText('青山市').waitFor();
  });

  it('lists data elements, indicators and data sets in the metadata tabs', async () => {
    await page.goto('/metadata');
    await page.getByText('出生人数').waitFor();
    await expect(page.getByText('求和').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'metadata-data-elements');
    await page.getByRole('tab', { name: '指标' }).click();
    await page.getByText('#{BIRTHS}').waitFor();
    await expect(page.getByText('‰').first().isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'metadata-indicators');
    await page.getByRole('tab', { name: '报表' }).click();
    await page.getByText('出生月报').waitFor();
    await expect(page.getByText('月报', { exact: true }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'metadata-data-sets');
  });
});
