import { registerAnalyticsRoutes } from '../modules/analytics/analytics.routes.js';
import { registerAnalyticsExportRoutes } from '../modules/analytics-export/analytics-export.routes.js';
import { registerApprovalRoutes } from '../modules/approval/approval.routes.js';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerDataValueRoutes } from '../modules/data-values/data-values.routes.js';
import { registerImportRoutes } from '../modules/data-values/import.routes.js';
import { registerGeoRoutes } from '../modules/geo/geo.routes.js';
import { registerMetadataRoutes } from '../modules/metadata/metadata.routes.js';
import type { RouteContext } from './http.js';

/** Every capability's routes, in one list. */
export async function registerAllRoutes(context: RouteContext): Promise<void> {
  await registerMetadataRoutes(context);
  await registerDataValueRoutes(context);
  await registerImportRoutes(context);
  await registerAnalyticsRoutes(context);
  await registerAnalyticsExportRoutes(context);
  await registerGeoRoutes(context);
  registerApprovalRoutes(context);
  registerAuditRoutes(context);
}
