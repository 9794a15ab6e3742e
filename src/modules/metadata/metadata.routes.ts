import type { RouteContext } from '../../server/http.js';

/** Metadata read API (placeholder until the metadata module lands). */
export async function registerMetadataRoutes(_context: RouteContext): Promise<void> {}
