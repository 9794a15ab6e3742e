import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataEntryFixture } from '../src/modules/data-values/entry/testing/data-entry-fixture.js';
import type { TestApp } from '../src/server/testing/test-app.js';
import { type AppSession, openAppSession } from './support/app-session.js';
import { saveScreenshot } from './support/browser.js';

describe('the audit page', () => {
  let session: AppSession;
  let page: Page;
  let importJobId = '';

  /** The fixture, a city manager, one value saved through the form API and one imported. */
  async function prepare(server: TestApp): Promise<void> {
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
  }

  beforeAll(async () => {
    session = await openAppSession({ prepare, signInAs: 'city-manager' });
    ({ page } = session);
  });

  afterAll(() => session?.close());

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
