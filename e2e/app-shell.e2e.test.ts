import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openAppSession } from './support/app-session.js';
import { saveScreenshot } from './support/browser.js';

describe('the app shell', () => {
  let session: AppSession;
  let page: Page;

  beforeAll(async () => {
    session = await openAppSession();
    ({ page } = session);
  });

  afterAll(() => session?.close());

  it('opens in Chinese with every navigation entry', async () => {
    await page.goto('/');
    const nav = page.locator('.ant-layout-sider');
    for (const label of [
      '仪表盘',
      '指标',
      '数据质量',
      '调度通报',
      '督办事项',
      '考核',
      '数据录入',
      '数据导入',
      '元数据',
      '组织机构',
      '系统管理',
    ]) {
      // waitFor is strict: it fails if the label appears twice, and waits for the first render.
      await nav.getByText(label, { exact: true }).waitFor();
    }
    await saveScreenshot(page, 'shell-zh');
  });

  it('switches to English, keeps it after a reload, and switches back', async () => {
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await page.locator('.ant-layout-sider').getByText('Data entry', { exact: true }).waitFor();
    await page.reload();
    await page.locator('.ant-layout-sider').getByText('Dispatch briefing', { exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await saveScreenshot(page, 'shell-en');
    await page.getByTestId('language-switch').click();
    await page.locator('.ant-layout-sider').getByText('数据录入', { exact: true }).waitFor();
  });

  it('navigates client-side and serves deep links through the SPA fallback', async () => {
    await page.goto('/scorecard');
    await page.getByText('“考核”页面正在建设中，敬请期待。').waitFor();
    await page.locator('.ant-layout-sider').getByText('督办事项', { exact: true }).click();
    await page.waitForURL('**/action-items');
    await page.getByText('“督办事项”页面正在建设中，敬请期待。').waitFor();
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').waitFor();
  });

  it('shows the server status on the administration page', async () => {
    await page.goto('/admin');
    const info = page.getByTestId('system-info');
    await info.getByText('内嵌 PGlite').waitFor();
    await expect(info.getByText('正常').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'admin');
  });
});
