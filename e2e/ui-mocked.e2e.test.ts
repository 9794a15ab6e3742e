import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/server/testing/test-app.js';
import { settledCellStatus } from './support/antd.js';
import { launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';
import { mockApi, type TMockApi } from './support/mock-api.js';

// The built app against a stand-in API (e2e/support/mock-api.ts): what the UI does with each
// kind of answer, independent of the server's progress.
describe('the web app against a mocked API', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: TMockApi;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestApp('pglite', { webRoot: WEB_ROOT }), launchBrowser()]);
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    api = await mockApi(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('opens a linked entry form with the org unit named and saves a value for the chosen source', async () => {
    await page.goto('/data-entry?dataSet=MONTHLY&orgUnit=QS0101&period=202610');
    await page.getByTestId('org-unit-select').getByText('东街街道 (QS0101)').waitFor();
    await page.getByText('住院分娩').click();
    const cell = page.getByTestId('cell-BIRTHS-M-HOSP');
    await cell.fill('8');
    await cell.press('Enter');
    await expect(settledCellStatus(page, 'cell-BIRTHS-M-HOSP')).resolves.toEqual({
      status: 'saved',
      text: '已保存',
    });
    expect(api.posted).toEqual([expect.objectContaining({ value: '8', attributeOptionCombo: 'HOSP' })]);
  });

  it('shows the catalog message and the server reason for VALIDATION_FAILED, in the current language', async () => {
    const cell = page.getByTestId('cell-BIRTHS-F-HOSP');
    await cell.fill('-1');
    await cell.press('Tab');
    await expect(settledCellStatus(page, 'cell-BIRTHS-F-HOSP')).resolves.toEqual({
      status: 'error',
      text: '数据校验未通过: must be a non-negative integer',
    });
    await saveScreenshot(page, 'mocked-data-entry-error');
  });

  it('shows the server message for an error code the catalog does not know', async () => {
    await page.getByTestId('language-switch').click();
    const cell = page.getByTestId('cell-BIRTHS-F-HOSP');
    await cell.fill('999');
    await cell.press('Tab');
    await expect(settledCellStatus(page, 'cell-BIRTHS-F-HOSP')).resolves.toEqual({
      status: 'error',
      text: 'the server says no',
    });
    await page.getByTestId('language-switch').click();
  });

  it('shows upload progress, then the conflicts of a dry run answered with 409, then the import counts', async () => {
    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'births.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"dataValues":[]}'),
    });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-progress').waitFor();
    const row = page.getByTestId('conflicts-table').locator('tbody tr.ant-table-row');
    await row.first().waitFor();
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(['4', 'value', 'abc', 'not an integer']);
    await expect(page.getByTestId('import-summary').getAttribute('data-status')).resolves.toBe('ERROR');
    await page.getByTestId('import-run').click();
    await page.locator('[data-testid="import-summary"][data-status="WARNING"]').waitFor();
    await expect(
      page.locator('.ant-statistic', { hasText: '新增' }).locator('.ant-statistic-content').textContent(),
    ).resolves.toBe('2');
    await saveScreenshot(page, 'mocked-import');
  });
});
