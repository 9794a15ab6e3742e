/**
 * The analytics data version: a few counter rows that every statement writing data or metadata
 * analytics reads bumps inside its own transaction (statement-level triggers). The analytics
 * service caches answers under the version it read before computing them, so a cached answer is
 * never older than the data: any commit changes the version, and the next request recomputes.
 *
 * Each bump takes a fresh sequence number (never reused, even after a rollback), so no two
 * committed states share a version. Writers bump the row of their backend (pid mod 16), so
 * concurrent writers on different connections rarely wait on one another's counter row.
 */
export const analyticsVersionSchema = `
CREATE SEQUENCE analytics_version_seq;
CREATE TABLE analytics_version (
  stripe   integer PRIMARY KEY,
  version  bigint NOT NULL
);
INSERT INTO analytics_version (stripe, version) SELECT g, 0 FROM generate_series(0, 15) AS g;

CREATE FUNCTION analytics_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE analytics_version SET version = nextval('analytics_version_seq') WHERE stripe = pg_backend_pid() % 16;
  RETURN NULL;
END $fn$;

DO $do$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['data_value', 'data_value_monthly', 'period', 'org_unit', 'org_unit_closure',
    'category', 'category_option', 'source', 'data_element', 'option_combo', 'constant', 'indicator', 'target']
  LOOP
    -- Named to fire before the table's other AFTER statement triggers (they fire in name order).
    EXECUTE format('CREATE TRIGGER analytics_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION analytics_version_bump()', t);
  END LOOP;
END $do$;
`;
