import type { RouteContext } from '../../server/http.js';
import { registerEntryRoutes } from './entry/entry.routes.js';
import { registerExportRoutes } from './export/export.routes.js';
import { registerTemplateRoutes } from './xlsx/template.routes.js';

/** Data value entry, export and XLSX template routes (the import route is in import.routes.ts). */
export async function registerDataValueRoutes(context: RouteContext): Promise<void> {
  registerEntryRoutes(context);
  registerExportRoutes(context);
  registerTemplateRoutes(context);
}
