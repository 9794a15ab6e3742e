import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataEntryFixture } from '../src/modules/data-values/entry/testing/data-entry-fixture.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../src/server/testing/test-app.js';
import { launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';

describe('the audit page', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let importJobId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestApp('pglite', { webRoot: WEB_ROOT }), launchBrowser()]);
    await loadDataEntryFixture(server.store.db);
    await server.createUser({ username: 'city-manager', roles: ['manager'], orgUnits: ['QS'] });
    const save = await server.fetch('/api/dataValues', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dataElement: 'POP', period: '202601', orgUnit: 'QS0101', value: '41000' }),
    });
    expect(save.status).toBe(200);
    const csv = 'dataElement,period,orgUnit,value\nPOP,202601,QS0201,38000\n';
    const imported = await server.fetch('/api/dataValueSets?format=csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    importJobId = String(((await imported.json()) as { importJobId: string }).importJobId);
    context = await newContext(browser, server.baseUrl);
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'city-manager', password: TEST_PASSWORD },
    });
    expect(login.status()).toBe(200);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows who changed a value and how, and filters by the import job through its link', async () => {
    await page.goto('/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('POP 202601 QS0101 default STAT').waitFor();
    expect(await table.textContent()).toContain('41000');
    const link = table.getByTestId('audit-job-link');
    expect(await link.count()).toBe(1);
    await link.click();
    expect(await page.getByTestId('audit-job-filter').inputValue()).toBe(importJobId);
    await table.getByText('POP 202601 QS0201 default STAT').waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('QS0101 default'));
    await saveScreenshot(page, 'audit-page');
  });
});
