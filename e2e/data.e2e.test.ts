import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/server/testing/test-app.js';
import { chooseOption, settledCellStatus } from './support/antd.js';
import { signIn } from './support/auth.js';
import { ARTIFACTS, launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';
import { loadFixture, previousMonth } from './support/fixture.js';

interface TValue {
  dataElement: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
}

describe('entering and importing data', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const period = previousMonth();

  async function storedValues(orgUnit: string, periodId: string): Promise<TValue[]> {
    const query = new URLSearchParams({ dataSet: 'MONTHLY', period: periodId, orgUnit });
    const response = await server.fetch(`${server.baseUrl}/api/dataValues?${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TValue[] | { items?: TValue[]; dataValues?: TValue[] };
    return Array.isArray(body) ? body : (body.dataValues ?? body.items ?? []);
  }

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

  it('saves a value typed into the entry form, and the API reads it back', async () => {
    await page.goto('/data-entry?orgUnit=QS0101');
    await chooseOption(page, 'data-set-select', '出生月报');
    await chooseOption(page, 'period-year', String(period.year));
    await chooseOption(page, 'period-select', `${period.year}年${period.month}月`);
    await page.waitForURL(`**/data-entry?*period=${period.id}*`);
    const cell = page.getByTestId('cell-BIRTHS-M.1-STAT');
    await cell.fill('12');
    await cell.press('Tab');
    await expect(settledCellStatus(page, 'cell-BIRTHS-M.1-STAT')).resolves.toEqual({
      status: 'saved',
      text: '已保存',
    });
    const values = await storedValues('QS0101', period.id);
    expect(values).toContainEqual(
      expect.objectContaining({
        dataElement: 'BIRTHS',
        categoryOptionCombo: 'M.1',
        attributeOptionCombo: 'STAT',
        value: '12',
      }),
    );
  });

  it('shows the validation error under a field whose value is refused, and stores nothing', async () => {
    const cell = page.getByTestId('cell-BIRTHS-F.1-STAT');
    await cell.fill('abc');
    await cell.press('Tab');
    const settled = await settledCellStatus(page, 'cell-BIRTHS-F.1-STAT');
    expect(settled.status).toBe('error');
    expect(settled.text).toContain('数据校验未通过');
    await saveScreenshot(page, 'data-entry');
    const values = await storedValues('QS0101', period.id);
    expect(values.find((v) => v.categoryOptionCombo === 'F.1')).toBeUndefined();
  });

  it('refuses to overwrite a value someone else changed since the form was loaded', async () => {
    const changedElsewhere = await server.fetch(`${server.baseUrl}/api/dataValues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        dataElement: 'BIRTHS',
        period: period.id,
        orgUnit: 'QS0101',
        categoryOptionCombo: 'M.1',
        value: '20',
      }),
    });
    expect(changedElsewhere.status).toBe(200);
    const cell = page.getByTestId('cell-BIRTHS-M.1-STAT');
    await cell.fill('13');
    await cell.press('Tab');
    const settled = await settledCellStatus(page, 'cell-BIRTHS-M.1-STAT');
    expect(settled).toMatchObject({ status: 'error' });
    expect(settled.text).toContain('数据已被他人修改');
    const values = await storedValues('QS0101', period.id);
    expect(values.find((v) => v.categoryOptionCombo === 'M.1')?.value).toBe('20');
  });

  it('downloads the XLSX entry template of the chosen form', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = `${ARTIFACTS}/template.xlsx`;
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the one bad row of a CSV in a dry run, then imports the valid rows', async () => {
    const csv = [
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup',
      'BIRTHS,202609,QS0201,M.1,STAT,5,,,,',
      'BIRTHS,202609,QS0201,F.1,STAT,4,,,,',
      'BIRTHS,202609,QS0201,M.2,STAT,abc,,,,',
    ].join('\n');
    await page.goto('/import');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'births.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-dry-run').click();
    const conflicts = page.getByTestId('conflicts-table');
    await conflicts.waitFor();
    const rows = conflicts.locator('tbody tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(1);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('value');
    expect(cells[2]).toBe('abc');
    await saveScreenshot(page, 'import-dry-run');
    expect(await storedValues('QS0201', '202609')).toEqual([]);

    await page.getByText('跳过无效行').click();
    await page.getByTestId('import-run').click();
    await page.locator('[data-testid="import-summary"][data-status="WARNING"]').waitFor();
    await saveScreenshot(page, 'import-done');
    const stored = await storedValues('QS0201', '202609');
    expect(stored.map((v) => `${v.categoryOptionCombo}=${v.value}`).sort()).toEqual(['F.1=4', 'M.1=5']);
  });
});
