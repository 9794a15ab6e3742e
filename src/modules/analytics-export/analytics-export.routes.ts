import { z } from 'zod';
import { defineRoute, type RouteContext } from '../../server/http.js';
import { ZAnalyticsQuery } from '../analytics/analytics.schema.js';
import { getIndicatorAnalytics } from '../analytics/analytics.service.js';
import { buildAnalyticsWorkbook } from './analytics-export.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ZAnalyticsExportQuery = ZAnalyticsQuery.extend({
  /** Language of the headers and names. */
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

/** GET /api/analytics/export.xlsx: the indicator page's sub-unit table as a workbook. */
export async function registerAnalyticsExportRoutes(context: RouteContext): Promise<void> {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/analytics/export.xlsx',
      summary:
        "One indicator's table for an org unit and its children as XLSX (same query as /api/analytics)",
      tag: 'analytics',
      query: ZAnalyticsExportQuery,
      produces: [XLSX_TYPE],
    },
    async ({ query, reply, principal }) => {
      const { language, ...analyticsQuery } = query;
      const answer = await getIndicatorAnalytics(db, analyticsQuery, { principal });
      const file = `${answer.indicator.code}-${answer.parent.orgUnit}-${answer.period.id}${answer.period.ytd ? '-ytd' : ''}.xlsx`;
      reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${file}"`);
      return buildAnalyticsWorkbook(answer, language);
    },
  );
}
