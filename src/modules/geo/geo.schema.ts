/** GeoJSON shapes the geo API takes and returns (org-unit boundaries for the choropleth map). */
import { z } from 'zod';

/** A [longitude, latitude] position (WGS 84 degrees); a third value (altitude) is allowed. */
export const ZPosition = z
  .array(z.number().finite())
  .min(2, 'a position needs longitude and latitude')
  .max(3, 'a position has at most three numbers')
  .refine(([lon = 0, lat = 0]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90, {
    message: 'longitude must lie within ±180 and latitude within ±90',
  });

/** A closed ring: at least four positions, the last equal to the first. */
export const ZLinearRing = z
  .array(ZPosition)
  .min(4, 'a ring needs at least four positions')
  .refine((ring) => ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1], {
    message: 'a ring must end where it starts',
  });

export const ZPolygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ZLinearRing).min(1, 'a polygon needs an outer ring'),
});

export const ZMultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ZLinearRing).min(1, 'a polygon needs an outer ring')).min(1),
});

/** The boundary of one org unit. */
export const ZGeometry = z.discriminatedUnion('type', [ZPolygon, ZMultiPolygon]);
export type TGeometry = z.infer<typeof ZGeometry>;

/** An uploaded feature: keyed by the org unit's code in `properties.code`. */
export const ZFeatureInput = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ code: z.string().min(1, 'the org unit code is empty') }),
  geometry: ZGeometry,
});

/** An uploaded FeatureCollection (other members, e.g. `crs` or `name`, are ignored). */
export const ZFeatureCollectionInput = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(ZFeatureInput),
});
export type TFeatureCollectionInput = z.infer<typeof ZFeatureCollectionInput>;

/** A feature of an answer: the org unit's code and names. */
export const ZOrgUnitFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  geometry: ZGeometry,
});
export type TOrgUnitFeature = z.infer<typeof ZOrgUnitFeature>;

export const ZOrgUnitFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ZOrgUnitFeature),
});
export type TOrgUnitFeatureCollection = z.infer<typeof ZOrgUnitFeatureCollection>;

/** `GET /api/geo?parent=CODE`: the parent's children; the top-level units without a parent. */
export const ZGeoQuery = z.object({ parent: z.string().min(1).optional() });
export type TGeoQuery = z.infer<typeof ZGeoQuery>;

/** What an import did: boundaries written and codes that match no org unit (not written). */
export const ZGeoImportResult = z.object({
  imported: z.number(),
  unknownCodes: z.array(z.string()),
});
export type TGeoImportResult = z.infer<typeof ZGeoImportResult>;
