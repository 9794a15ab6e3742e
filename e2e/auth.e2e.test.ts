import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../src/server/testing/test-app.js';
import { launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';
import { loadFixture } from './support/fixture.js';

describe('signing in and managing users', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  async function signInWithForm(username: string, password: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestApp('pglite', { webRoot: WEB_ROOT }), launchBrowser()]);
    await loadFixture(server.baseUrl, server.headers);
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the login page and back to the page asked for after signing in', async () => {
    await page.goto('/org-units');
    await page.waitForURL('**/login?next=%2Forg-units');
    await page.getByTestId('login-page').waitFor();
    await signInWithForm('admin', 'not the password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await saveScreenshot(page, 'login-failed');
    await signInWithForm('admin', TEST_PASSWORD);
    await page.waitForURL('**/org-units');
    await page.getByTestId('org-unit-tree').getByText('青山市').waitFor();
    await expect(page.getByTestId('user-menu').textContent()).resolves.toBe('admin');
    expect(cspViolations).toEqual([]);
  });

  it('creates a county clerk on the users page, with a script-like name shown as text', async () => {
    await page.locator('.ant-layout-sider').getByText('用户管理', { exact: true }).click();
    await page.waitForURL('**/users');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('<b>east</b>');
    await page.getByTestId('user-password').fill('east clerk password');
    const orgUnits = page.getByTestId('user-org-units');
    await orgUnits.click();
    await page.locator('.ant-select-tree').getByText('青山市').waitFor();
    await page
      .locator('.ant-select-tree-treenode', { hasText: '青山市' })
      .locator('.ant-select-tree-switcher')
      .click();
    await page.locator('.ant-select-tree').getByText('东城区 (QS01)').click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    const row = page.getByTestId('users-table').locator('tr', { hasText: '<b>east</b>' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('录入员');
    await expect(row.textContent()).resolves.toContain('东城区 (QS01)');
    expect(await page.locator('b', { hasText: 'east' }).count()).toBe(0);
    await saveScreenshot(page, 'users');
    const users = (await (await server.fetch('/api/users')).json()) as Array<{
      username: string;
      orgUnits: Array<{ code: string }>;
    }>;
    expect(users.find((user) => user.username === '<b>east</b>')?.orgUnits.map((unit) => unit.code)).toEqual([
      'QS01',
    ]);
  });

  it('signs out from the user menu, and a clerk sees neither the users page nor its navigation entry', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'tiaodu_session')).toBeUndefined();
    await signInWithForm('<b>east</b>', 'east clerk password');
    await page.getByTestId('user-menu').waitFor();
    const nav = page.locator('.ant-layout-sider');
    // The clerk's own entries first, so that the absence below is not just an unrendered menu.
    await nav.getByText('数据录入', { exact: true }).waitFor();
    await expect(nav.getByText('用户管理', { exact: true }).count()).resolves.toBe(0);
    await page.goto('/users');
    await page.getByText('页面不存在').waitFor();
  });

  it('returns to the login page when the session ends under an open page', async () => {
    await page.goto('/org-units');
    await page.getByTestId('org-unit-tree').waitFor();
    await server.store.db.query('DELETE FROM auth_session');
    await page.goto('/data-entry');
    await page.getByTestId('login-page').waitFor();
    expect(page.url()).toContain('/login?next=');
    expect(cspViolations).toEqual([]);
  });
});
