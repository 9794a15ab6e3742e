/** The geo API: org-unit boundaries for the choropleth map. */
import type { TGeoImportResult, TOrgUnitFeatureCollection } from '../../../src/modules/geo/geo.schema.js';
import { apiRequest } from './client.js';

export type { TOrgUnitFeatureCollection };

/** The boundaries of `parent`'s children (those that have one), as a GeoJSON FeatureCollection. */
export function getChildBoundaries(parent: string, signal?: AbortSignal): Promise<TOrgUnitFeatureCollection> {
  return apiRequest('GET', '/api/geo', { query: { parent }, ...(signal ? { signal } : {}) });
}

/** Uploads boundaries (a FeatureCollection keyed by `properties.code`); answers how many were stored. */
export function uploadBoundaries(collection: unknown): Promise<TGeoImportResult> {
  return apiRequest('POST', '/api/geo', { body: collection });
}
