/**
 * Each bump of the analytics data version (007-analytics-version) also NOTIFYs
 * `tiaodu_analytics_version`. A notification is delivered when the writing transaction commits,
 * once per transaction (equal notifications fold), to every listening connection of any process:
 * the analytics cache learns of a write without asking the database on every request.
 */
export const ANALYTICS_VERSION_CHANNEL = 'tiaodu_analytics_version';

export const analyticsVersionNotifySchema = `
CREATE OR REPLACE FUNCTION analytics_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE analytics_version SET version = nextval('analytics_version_seq') WHERE stripe = pg_backend_pid() % 16;
  PERFORM pg_notify('${ANALYTICS_VERSION_CHANNEL}', '');
  RETURN NULL;
END $fn$;
`;
