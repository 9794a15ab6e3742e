import { defineRoute, type RouteContext } from '../../server/http.js';
import { ZGeoImportResult, ZGeoQuery, ZOrgUnitFeatureCollection } from './geo.schema.js';
import { getChildGeometries, importGeoJson } from './geo.service.js';

/** GET /api/geo?parent=CODE (children's boundaries) and POST /api/geo (upload a FeatureCollection). */
export async function registerGeoRoutes(context: RouteContext): Promise<void> {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/geo',
      summary:
        "GeoJSON boundaries of an org unit's children (top-level units without parent); only units you may see",
      tag: 'geo',
      query: ZGeoQuery,
      response: ZOrgUnitFeatureCollection,
    },
    ({ query, principal }) => getChildGeometries(db, principal, query.parent),
  );
  // Validated by the service (it names each bad feature); admin-only once auth exists.
  defineRoute(
    context,
    {
      method: 'POST',
      access: ['admin'],
      url: '/api/geo',
      summary: 'Upload org-unit boundaries: a GeoJSON FeatureCollection keyed by properties.code',
      tag: 'geo',
      response: ZGeoImportResult,
    },
    ({ body, principal }) => importGeoJson(db, body, principal),
  );
}
