import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAnalyticsAnswer, TOverviewAnswer } from '../src/modules/analytics/analytics.schema.js';
import { buildGridTree } from '../src/modules/geo/geo-grid.js';
import type { TMetadataFileInput } from '../src/modules/metadata/metadata.schema.js';
import { startTestApp, type TestApp } from '../src/server/testing/test-app.js';
import { formatMessage } from '../web/src/i18n/messages.js';
import {
  describeChange,
  formatCount,
  formatInterval,
  formatPValue,
  formatValue,
} from '../web/src/pages/dashboard/analytics-format.js';
import { lastCompleteMonth } from '../web/src/pages/dashboard/use-analytics-selection.js';
import { signIn } from './support/auth.js';
import { launchBrowser, newContext, saveScreenshot, WEB_ROOT } from './support/browser.js';
import { FIXTURE_METADATA } from './support/fixture.js';

const TODAY = new Date().toISOString().slice(0, 10);
const PERIOD = lastCompleteMonth(TODAY);
const YEAR = Number(PERIOD.slice(0, 4));
const TOWNSHIPS = ['QS0101', 'QS0102', 'QS0201', 'QS0202'];
const COMBOS = ['M.1', 'M.2', 'M.3P', 'F.1', 'F.2', 'F.3P'];
const zh = (key: Parameters<typeof formatMessage>[1], params?: Record<string, string | number>) =>
  formatMessage('zh-CN', key, params);

/** The e2e city with three indicators (‰ rate, sex ratio, % share) and a target on the birth rate. */
const METADATA: TMetadataFileInput = {
  ...FIXTURE_METADATA,
  indicators: [
    ...(FIXTURE_METADATA.indicators ?? []),
    {
      code: 'SRB',
      name: '出生人口性别比',
      nameEn: 'Sex ratio at birth',
      numerator: '#{BIRTHS[SEX=M]}',
      denominator: '#{BIRTHS[SEX=F]}',
      factor: 100,
      kind: 'sexRatio',
      decimals: 1,
    },
    {
      code: 'THIRD_PLUS',
      name: '三孩及以上占比',
      nameEn: 'Third-and-later birth share',
      numerator: '#{BIRTHS[ORDER=3P]}',
      denominator: '#{BIRTHS}',
      factor: 100,
      kind: 'proportion',
      unit: '%',
      decimals: 1,
    },
  ],
  targets: [{ indicator: 'CBR', orgUnit: 'QS', year: YEAR, rule: 'BELOW_PREVIOUS_YEAR' }],
};

/** Monthly births by sex and order and population for last year and this year to `PERIOD`. */
function dataValues() {
  const values: Array<Record<string, string>> = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const months = [
    ...Array.from({ length: 12 }, (_, i) => `${YEAR - 1}${String(i + 1).padStart(2, '0')}`),
    ...Array.from({ length: Number(PERIOD.slice(4)) }, (_, i) => `${YEAR}${String(i + 1).padStart(2, '0')}`),
  ];
  TOWNSHIPS.forEach((orgUnit, unitIndex) => {
    const population = 30_000 + unitIndex * 15_000;
    for (const period of months) {
      const falling = period.startsWith(String(YEAR)) ? 0.85 : 1;
      const base = (population / 1000 / 12) * (8 + unitIndex) * falling;
      values.push({
        dataElement: 'POP',
        period,
        orgUnit,
        categoryOptionCombo: 'default',
        value: String(population),
      });
      COMBOS.forEach((combo, comboIndex) => {
        const share = [0.25, 0.18, 0.07, 0.24, 0.19, 0.07][comboIndex] ?? 0.1;
        const value = Math.max(0, Math.round(base * share * (0.8 + 0.4 * next())));
        values.push({
          dataElement: 'BIRTHS',
          period,
          orgUnit,
          categoryOptionCombo: combo,
          value: String(value),
        });
      });
    }
  });
  return values.map((value) => ({ ...value, attributeOptionCombo: 'STAT' }));
}

async function post(server: TestApp, path: string, body: unknown): Promise<void> {
  const response = await server.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

async function getJson<T>(server: TestApp, path: string): Promise<T> {
  const response = await server.fetch(path);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('the dashboard and the indicator page', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const query = `orgUnit=QS&period=${PERIOD}&ytd=true`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestApp('pglite', { webRoot: WEB_ROOT }), launchBrowser()]);
    await post(server, '/api/metadata', METADATA);
    await post(server, '/api/dataValueSets', { dataValues: dataValues() });
    const tree: Record<string, string[]> = {
      QS: ['QS01', 'QS02'],
      QS01: ['QS0101', 'QS0102'],
      QS02: ['QS0201', 'QS0202'],
    };
    await post(
      server,
      '/api/geo',
      buildGridTree('QS', (code) => tree[code] ?? [], [112, 28, 114, 29.5]),
    );
    context = await newContext(browser, server.baseUrl);
    await signIn(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows one card per indicator of the overview, with the change worded in the glossary’s register', async () => {
    const overview = await getJson<TOverviewAnswer>(server, `/api/analytics/overview?${query}`);
    expect(overview.indicators.map((item) => item.indicator.code)).toEqual(['CBR', 'SRB', 'THIRD_PLUS']);
    await page.goto('/');
    await page.getByTestId('indicator-card-CBR').waitFor();
    await expect(page.locator('[data-testid^="indicator-card-"]').count()).resolves.toBe(3);
    const cbr = overview.indicators.find((item) => item.indicator.code === 'CBR');
    if (!cbr) throw new Error('no CBR in the overview');
    const change = describeChange(cbr.parent.change, cbr.indicator, zh, 'zh-CN');
    expect(change).toMatch(/^下降[\d.]+个千分点$/);
    const card = page.getByTestId('indicator-card-CBR');
    await expect(card.getByTestId('card-change').textContent()).resolves.toBe(
      zh('indicator.yoy', { change }),
    );
    await expect(card.textContent()).resolves.toContain(
      formatValue(cbr.parent.value, cbr.indicator, 'zh-CN').replace('‰', ''),
    );
    await card.getByTestId('card-target').waitFor();
    await page.getByTestId('ranking-chart').locator('canvas').waitFor();
    await page.getByTestId('choropleth-map').locator('canvas').waitFor();
    await page.getByTestId('series-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await saveScreenshot(page, 'dashboard-city');
  });

  it('drills into a county from the table and comes back up through the breadcrumb', async () => {
    await page.locator('tr[data-org-unit="QS01"]').click();
    await page.waitForURL(/orgUnit=QS01/);
    const breadcrumb = page.getByTestId('drill-breadcrumb');
    // The URL changes first; the breadcrumb names the county once the page has re-rendered.
    await breadcrumb.getByText('东城区').waitFor();
    await expect(breadcrumb.textContent()).resolves.toMatch(/青山市\s*\/\s*东城区/);
    await page.locator('tr[data-org-unit="QS0101"]').waitFor();
    await page.getByTestId('choropleth-map').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await saveScreenshot(page, 'dashboard-county');
    await breadcrumb.getByText('青山市').click();
    await page.locator('tr[data-org-unit="QS02"]').waitFor();
  });

  it('shows in the indicator table the numbers the API answers', async () => {
    const answer = await getJson<TAnalyticsAnswer>(
      server,
      `/api/analytics?indicator=CBR&level=children&${query}`,
    );
    await page.goto(`/indicators/CBR?${query}`);
    const table = page.getByTestId('indicator-table');
    await table.locator('tr[data-org-unit="QS02"]').waitFor();
    const cell = (unit: string, column: string) =>
      table.locator(`tr[data-org-unit="${unit}"] td[data-col="${column}"]`).textContent();
    for (const row of [answer.parent, ...answer.rows]) {
      const { indicator } = answer;
      await expect(cell(row.orgUnit, 'value')).resolves.toBe(formatValue(row.value, indicator, 'zh-CN'));
      await expect(cell(row.orgUnit, 'numerator')).resolves.toBe(formatCount(row.numerator, 'zh-CN'));
      await expect(cell(row.orgUnit, 'denominator')).resolves.toBe(formatCount(row.denominator, 'zh-CN'));
      await expect(cell(row.orgUnit, 'ci95')).resolves.toBe(formatInterval(row.ci95, indicator, 'zh-CN'));
      await expect(cell(row.orgUnit, 'change')).resolves.toBe(
        describeChange(row.change, indicator, zh, 'zh-CN'),
      );
      await expect(cell(row.orgUnit, 'pValue')).resolves.toBe(formatPValue(row.pValue));
      if (row !== answer.parent) await expect(cell(row.orgUnit, 'rank')).resolves.toBe(String(row.rank));
    }
    await saveScreenshot(page, 'indicator-cbr');
  });

  it('sorts the table by value with the total kept on top', async () => {
    const answer = await getJson<TAnalyticsAnswer>(
      server,
      `/api/analytics?indicator=CBR&level=children&${query}`,
    );
    const table = page.getByTestId('indicator-table');
    await table.locator('th', { hasText: '数值' }).click();
    const order = async () =>
      table
        .locator('tbody tr[data-org-unit]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-org-unit')));
    const ascending = [...answer.rows]
      .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))
      .map((row) => row.orgUnit);
    await expect(order()).resolves.toEqual(['QS', ...ascending]);
    await table.locator('th', { hasText: '数值' }).click();
    await expect(order()).resolves.toEqual(['QS', ...[...ascending].reverse()]);
  });

  it('words the change in English after the language switch', async () => {
    const overview = await getJson<TOverviewAnswer>(server, `/api/analytics/overview?${query}`);
    const cbr = overview.indicators.find((item) => item.indicator.code === 'CBR');
    if (!cbr) throw new Error('no CBR in the overview');
    await page.goto(`/?${query}`);
    await page.getByTestId('language-switch').click();
    const change = describeChange(
      cbr.parent.change,
      cbr.indicator,
      (key, params) => formatMessage('en', key, params),
      'en',
    );
    expect(change).toMatch(/^down [\d.]+ points per mille$/);
    const card = page.getByTestId('indicator-card-CBR');
    await card.getByText(`${change} year-on-year`).waitFor();
    await page.getByTestId('choropleth-map').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await saveScreenshot(page, 'dashboard-city-en');
    await page.getByTestId('language-switch').click();
    await card.getByText('同比', { exact: false }).first().waitFor();
  });

  it('exports the table as XLSX with the API’s numbers', async () => {
    const answer = await getJson<TAnalyticsAnswer>(
      server,
      `/api/analytics?indicator=CBR&level=children&${query}`,
    );
    await page.goto(`/indicators/CBR?${query}`);
    const href = await page.getByTestId('export-xlsx').getAttribute('href');
    const response = await server.fetch(`${server.baseUrl}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('CBR');
    const rows = [answer.parent, ...answer.rows];
    rows.forEach((row, index) => {
      const excelRow = sheet?.getRow(index + 3);
      expect(excelRow?.getCell(1).value).toBe(row.orgUnit);
      expect(excelRow?.getCell(3).value).toBe(row.value);
      expect(excelRow?.getCell(5).value).toBe(row.denominator);
    });
  });
});
