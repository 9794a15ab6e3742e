import type { RouteContext } from '../../server/http.js';

/** Data value entry, import and export routes (placeholder until the module lands). */
export async function registerDataValueRoutes(_context: RouteContext): Promise<void> {}
