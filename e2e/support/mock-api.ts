import type { Page, Route } from 'playwright-core';

/**
 * A stand-in for the API, answering in the shapes the web client expects (web/src/api/types.ts).
 * It lets the UI be checked on its own: error display, progress, conflicts, English names.
 */
const ROOTS = [{ code: 'QS', name: '青山市', nameEn: 'Qingshan', level: 1, parent: null, childCount: 1 }];
const CHILDREN: Record<string, unknown[]> = {
  QS: [{ code: 'QS01', name: '东城区', nameEn: 'Dongcheng District', level: 2, parent: 'QS', childCount: 1 }],
  QS01: [
    {
      code: 'QS0101',
      name: '东街街道',
      nameEn: 'Dongjie Subdistrict',
      level: 3,
      parent: 'QS01',
      childCount: 0,
    },
  ],
};
const COMBOS = [
  { code: 'M', name: '男', nameEn: 'Male' },
  { code: 'F', name: '女', nameEn: 'Female' },
];
const DATA_SET = {
  code: 'MONTHLY',
  name: '出生月报',
  nameEn: 'Monthly births report',
  periodType: 'Monthly',
  dueDays: 10,
  orgUnitCount: 1,
  dataElements: [
    {
      code: 'BIRTHS',
      name: '出生人数',
      nameEn: 'Births',
      valueType: 'INTEGER',
      aggregation: 'SUM',
      categories: ['SEX'],
      optionCombos: COMBOS,
    },
  ],
  orgUnits: ['QS0101'],
  sources: [
    { code: 'STAT', name: '统计报表', nameEn: 'Statistics reports' },
    { code: 'HOSP', name: '住院分娩', nameEn: 'Hospital deliveries' },
  ],
};

/** Values posted to the mock, in order. */
export interface TMockApi {
  posted: { value: string; attributeOptionCombo: string }[];
}

function json(route: Route, body: unknown, status = 200): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

function answerDataValuePost(route: Route, api: TMockApi): Promise<void> {
  const body = JSON.parse(route.request().postData() ?? '{}') as TMockApi['posted'][number];
  if (!/^\d+$/.test(body.value)) {
    const reason = 'must be a non-negative integer';
    return json(
      route,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: `value: ${reason}`,
          details: { field: 'value', reason },
        },
      },
      400,
    );
  }
  if (body.value === '999')
    return json(
      route,
      { error: { code: 'SOMETHING_NEW', message: 'the server says no', details: null } },
      500,
    );
  api.posted.push(body);
  return json(route, { ...body, comment: null, followup: false, storedBy: 'api', version: 1 });
}

async function answerImport(route: Route, url: URL): Promise<void> {
  // Answer slowly so the upload progress is on screen long enough to be seen.
  await new Promise((resolve) => setTimeout(resolve, 400));
  const dryRun = url.searchParams.get('dryRun') === 'true';
  const conflicts = [{ object: 'abc', property: 'value', value: 'not an integer', row: 4 }];
  const summary = {
    status: dryRun ? 'ERROR' : 'WARNING',
    description: '',
    dryRun,
    importCount: { imported: dryRun ? 0 : 2, updated: 0, ignored: 1, deleted: 0 },
    conflicts,
    conflictsTruncated: 0,
  };
  return json(route, summary, dryRun ? 409 : 200);
}

/** Routes every `/api/**` request of `page` to the mock and returns what it records. */
export async function mockApi(page: Page): Promise<TMockApi> {
  const api: TMockApi = { posted: [] };
  await page.route('**/api/**', (route) => {
    const url = new URL(route.request().url());
    const method = route.request().method();
    switch (url.pathname) {
      case '/api/orgUnits':
        return json(route, {
          items: url.searchParams.get('parent')
            ? (CHILDREN[url.searchParams.get('parent') ?? ''] ?? [])
            : ROOTS,
        });
      case '/api/orgUnits/QS0101':
        return json(route, { ...(CHILDREN.QS01?.[0] as object), ancestors: [ROOTS[0], CHILDREN.QS?.[0]] });
      case '/api/dataSets':
        return json(route, { items: [{ ...DATA_SET, dataElements: ['BIRTHS'] }] });
      case '/api/dataSets/MONTHLY':
        return json(route, DATA_SET);
      case '/api/dataValues':
        if (method === 'GET') return json(route, { dataValues: [] });
        return answerDataValuePost(route, api);
      case '/api/dataValueSets':
        return answerImport(route, url);
      default:
        return json(
          route,
          { error: { code: 'NOT_FOUND', message: `mock has no ${url.pathname}`, details: null } },
          404,
        );
    }
  });
  return api;
}
