import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, loadApprovalFixture } from '../src/modules/approval/testing/approval-fixture.js';
import type { TestCaller } from '../src/server/testing/test-app.js';
import { type AppSession, openAppSession } from './support/app-session.js';
import { saveScreenshot } from './support/browser.js';

describe('approval on the data-entry page', () => {
  let session: AppSession;
  let page: Page;
  let clerk: TestCaller;
  let approver: TestCaller;
  const period = currentMonth();
  const formUrl = (periodId: string) => `/data-entry?dataSet=MONTHLY&orgUnit=QS0101&period=${periodId}`;

  const post = (caller: TestCaller, path: string, body: unknown) =>
    caller.fetch(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const enter = (orgUnit: string, value: string) =>
    post(clerk, '/api/dataValues', { dataElement: 'POP', period, orgUnit, value });

  beforeAll(async () => {
    session = await openAppSession({
      signInAs: 'east-approver',
      prepare: async (server) => {
        await loadApprovalFixture(server.store.db);
        clerk = await server.createUser({ username: 'east-clerk', roles: ['clerk'], orgUnits: ['QS01'] });
        approver = await server.createUser({
          username: 'east-approver',
          roles: ['approver'],
          orgUnits: ['QS01'],
        });
      },
    });
    ({ page } = session);
  });

  afterAll(() => session?.close());

  it('shows the county as not approved and names the township still without data', async () => {
    expect((await enter('QS0101', '52000')).status).toBe(200);
    await page.goto(formUrl(period));
    const bar = page.getByTestId('approval-bar');
    await bar.waitFor();
    expect(await bar.getAttribute('data-state')).toBe('UNAPPROVED');
    expect(await page.getByTestId('approval-waiting').textContent()).toContain('南湖镇');
    expect(await page.getByTestId('approval-approve').count()).toBe(0);
    expect(await page.getByTestId('cell-POP-default-STAT').isDisabled()).toBe(false);
  });

  it('offers Approve once every township has data, and turns the grid read-only when approved', async () => {
    expect((await enter('QS0102', '31000')).status).toBe(200);
    await page.reload();
    await page.getByTestId('approval-approve').waitFor();
    const approved = await post(approver, '/api/dataApprovals/approve', {
      dataSet: 'MONTHLY',
      period,
      orgUnit: 'QS01',
    });
    expect(approved.status).toBe(200);
    await page.reload();
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('approval-bar').getAttribute('data-state')).toBe('APPROVED');
    expect(await page.getByTestId('read-only-notice').textContent()).toContain('东城区 已审核');
    expect(await page.getByTestId('cell-POP-default-STAT').isDisabled()).toBe(true);
    expect(await page.getByTestId('cell-BIRTHS-M.1-STAT').isDisabled()).toBe(true);
    await page.getByTestId('cell-POP-default-STAT-wrapper').hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('撤销审核');
    await page.getByTestId('approval-unapprove').waitFor();
    await saveScreenshot(page, 'approval-approved');
  });

  it('unapproves from the bar after confirming, and the fields open again', async () => {
    await page.getByTestId('approval-unapprove').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('approval-approve').waitFor();
    expect(await page.getByTestId('approval-bar').getAttribute('data-state')).toBe('UNAPPROVED');
    expect(await page.getByTestId('read-only-notice').count()).toBe(0);
    expect(await page.getByTestId('cell-POP-default-STAT').isDisabled()).toBe(false);
  });

  it('shows an expired period as locked, with the lock date and who can unlock it', async () => {
    await page.goto(formUrl('202401'));
    const notice = page.getByTestId('read-only-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2024-02-11');
    expect(await notice.textContent()).toContain('审核人或管理员');
    expect(await page.getByTestId('cell-POP-default-STAT').isDisabled()).toBe(true);
  });
});
