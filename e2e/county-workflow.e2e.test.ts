import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, loadApprovalFixture } from '../src/modules/approval/testing/approval-fixture.js';
import { TEST_PASSWORD, type TestApp } from '../src/server/testing/test-app.js';
import { settledCellStatus } from './support/antd.js';
import { type AppSession, openAppSession } from './support/app-session.js';
import { saveScreenshot } from './support/browser.js';

// Issue 3's flow: a county clerk sees and edits only the county; the county's approver approves;
// the form becomes read-only.
describe('a county clerk enters data and the county approver approves it', () => {
  let session: AppSession;
  let server: TestApp;
  let page: Page;
  const period = currentMonth();
  const formUrl = (orgUnit: string) => `/data-entry?dataSet=MONTHLY&orgUnit=${orgUnit}&period=${period}`;

  async function signInWithForm(username: string): Promise<void> {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  async function enterValue(cellTestId: string, value: string): Promise<void> {
    const cell = page.getByTestId(cellTestId);
    await cell.fill(value);
    await cell.press('Enter');
    await expect(settledCellStatus(page, cellTestId)).resolves.toEqual({ status: 'saved', text: '已保存' });
  }

  beforeAll(async () => {
    session = await openAppSession({
      signInAs: null,
      prepare: async (app) => {
        await loadApprovalFixture(app.store.db);
        await app.createUser({ username: 'east-clerk', roles: ['clerk'], orgUnits: ['QS01'] });
        await app.createUser({ username: 'east-approver', roles: ['approver'], orgUnits: ['QS01'] });
      },
    });
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('shows the clerk only the county’s part of the tree', async () => {
    await signInWithForm('east-clerk');
    await page.goto('/org-units');
    const tree = page.getByTestId('org-unit-tree');
    await tree.getByText('青山市').waitFor();
    await tree.locator('.ant-tree-treenode', { hasText: '青山市' }).locator('.ant-tree-switcher').click();
    await tree.getByText('东城区').waitFor();
    expect(await tree.getByText('西山县').count()).toBe(0);
    await saveScreenshot(page, 'county-clerk-tree');
  });

  it('refuses the clerk another county’s entry form', async () => {
    await page.goto(formUrl('QS0201'));
    await page.getByText('没有权限').first().waitFor();
    expect(await page.getByTestId('cell-POP-default-STAT').count()).toBe(0);
  });

  it('saves the values the clerk types for the county’s townships', async () => {
    await page.goto(formUrl('QS0101'));
    await enterValue('cell-POP-default-STAT', '52000');
    await page.goto(formUrl('QS0102'));
    await enterValue('cell-POP-default-STAT', '31000');
    const stored = await server.fetch(`/api/dataValues?dataSet=MONTHLY&period=${period}&orgUnit=QS0102`);
    expect(JSON.stringify(await stored.json())).toContain('31000');
  });

  it('lets the approver approve the county, after which the form is read-only', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    await signInWithForm('east-approver');
    await page.goto(formUrl('QS0101'));
    await page.getByTestId('approval-approve').click();
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('approval-bar').getAttribute('data-state')).toBe('APPROVED');
    expect(await page.getByTestId('cell-POP-default-STAT').isDisabled()).toBe(true);
    await saveScreenshot(page, 'county-approved');
  });
});
