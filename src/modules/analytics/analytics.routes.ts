import type { RouteContext } from '../../server/http.js';
import { defineRoute } from '../../server/http.js';
import {
  ZAnalyticsAnswer,
  ZAnalyticsQuery,
  ZOverviewAnswer,
  ZOverviewQuery,
  ZSeriesAnswer,
  ZSeriesQuery,
} from './analytics.schema.js';
import { getAnalyticsOverview, getIndicatorAnalytics } from './analytics.service.js';
import { getAnalyticsSeries } from './analytics-series.service.js';

/** GET /api/analytics, /api/analytics/overview and /api/analytics/series. */
export async function registerAnalyticsRoutes(context: RouteContext): Promise<void> {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/analytics',
      summary: 'One indicator for an org unit and its children: values, 95% intervals, change, targets',
      tag: 'analytics',
      query: ZAnalyticsQuery,
      response: ZAnalyticsAnswer,
    },
    ({ query, principal }) => getIndicatorAnalytics(db, query, { principal }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/analytics/overview',
      summary: 'Every indicator for an org unit and its children in one answer',
      tag: 'analytics',
      query: ZOverviewQuery,
      response: ZOverviewAnswer,
    },
    ({ query, principal }) => getAnalyticsOverview(db, query, { principal }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/analytics/series',
      summary: 'Monthly series of one indicator, each month beside the same month a year earlier',
      tag: 'analytics',
      query: ZSeriesQuery,
      response: ZSeriesAnswer,
    },
    ({ query, principal }) => getAnalyticsSeries(db, query, { principal }),
  );
}
