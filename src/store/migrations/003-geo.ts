/**
 * Org-unit boundaries for the dashboard's choropleth map: one GeoJSON geometry (Polygon or
 * MultiPolygon, WGS 84 longitude/latitude) per org unit. Stored as jsonb, not PostGIS: the map only
 * draws shapes and the same SQL must run on PGlite.
 */
export const geoSchema = `
CREATE TABLE org_unit_geometry (
  org_unit_id  integer PRIMARY KEY REFERENCES org_unit(id) ON DELETE CASCADE,
  geometry     jsonb NOT NULL,
  updated      timestamptz NOT NULL DEFAULT now()
);
`;
