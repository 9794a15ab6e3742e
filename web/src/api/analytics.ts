/**
 * The analytics API as the web app reads it. The answer types come from the server's zod schemas
 * (type-only imports: no server code reaches the bundle).
 */
import type {
  TAnalyticsAnswer,
  TAnalyticsRow,
  TOverviewAnswer,
  TSeriesAnswer,
  TTargetAnswer,
} from '../../../src/modules/analytics/analytics.schema.js';
import { apiRequest, withQuery } from './client.js';

export type { TAnalyticsAnswer, TAnalyticsRow, TOverviewAnswer, TSeriesAnswer, TTargetAnswer };

/** The indicator description every analytics answer carries. */
export type TIndicatorInfo = TAnalyticsAnswer['indicator'];
/** One indicator's part of the overview: indicator, parent row and children rows. */
export type TOverviewIndicator = TOverviewAnswer['indicators'][number];
/** One month of a series with the same month a year earlier. */
export type TSeriesPoint = TSeriesAnswer['points'][number];
/** A target status, MET … OFF_TRACK or UNKNOWN. */
export type TTargetStatus = TTargetAnswer['status'];

/** What the analytics views ask for: org unit, period (DHIS2 id) and the year-to-date flag. */
export interface TAnalyticsSelection {
  orgUnit: string;
  period: string;
  ytd: boolean;
}

/** One indicator for the org unit and its children. */
export function getIndicatorAnalytics(
  query: TAnalyticsSelection & { indicator: string; level?: 'self' | 'children' | number },
  signal?: AbortSignal,
): Promise<TAnalyticsAnswer> {
  return apiRequest('GET', '/api/analytics', { query: { ...query }, ...(signal ? { signal } : {}) });
}

/** Every indicator for the org unit and its children in one answer. */
export function getAnalyticsOverview(
  query: TAnalyticsSelection,
  signal?: AbortSignal,
): Promise<TOverviewAnswer> {
  return apiRequest('GET', '/api/analytics/overview', { query: { ...query }, ...(signal ? { signal } : {}) });
}

/** The monthly series of one indicator from `from` to `to` (monthly ids), beside last year's. */
export function getAnalyticsSeries(
  query: { indicator: string; orgUnit: string; from: string; to: string },
  signal?: AbortSignal,
): Promise<TSeriesAnswer> {
  return apiRequest('GET', '/api/analytics/series', { query, ...(signal ? { signal } : {}) });
}

/** URL of the XLSX export of one indicator's sub-unit table. */
export function analyticsExportUrl(
  query: TAnalyticsSelection & { indicator: string; language: string },
): string {
  return withQuery('/api/analytics/export.xlsx', { ...query });
}
