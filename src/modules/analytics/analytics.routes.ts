import type { RouteContext } from '../../server/http.js';

/** Analytics routes (placeholder until the analytics module lands). */
export async function registerAnalyticsRoutes(_context: RouteContext): Promise<void> {}
