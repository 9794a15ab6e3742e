import type { RouteContext } from '../../server/http.js';

/** POST /api/dataValueSets (placeholder until the import pipeline lands). */
export async function registerImportRoutes(_context: RouteContext): Promise<void> {}
