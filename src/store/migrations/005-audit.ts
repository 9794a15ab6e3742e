/**
 * The audit trail: one append-only row per created, updated or deleted data value, metadata
 * entry, target, user, role, org-unit assignment and access token — who (user id and name, from
 * the transaction-local settings `setAuditActor` writes), how (form, import, api, cli; 'system'
 * when no actor was set), the import's job id, the entity's key in codes, old and new value.
 *
 * Statement-level triggers with transition tables write it: one INSERT … SELECT per statement,
 * so a million-row import adds one set-based insert, not a million trigger calls. Nothing may
 * UPDATE, DELETE or TRUNCATE audit_log: a trigger raises (on every store, for every role that
 * does not disable triggers) and the privileges are revoked.
 */
export const auditSchema = `
CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),       -- start of the writing transaction
  user_id          integer,                                  -- app_user id; null: CLI or system
  username         text NOT NULL,
  how              text NOT NULL CHECK (how IN ('form','import','api','cli','system')),
  job_id           text,                                     -- the import's job id
  entity           text NOT NULL,                            -- data_value, org_unit, target, user …
  entity_key       jsonb NOT NULL,                           -- codes: {"dataElement","period","orgUnit",…}
  action           text NOT NULL CHECK (action IN ('create','update','delete')),
  old_value        jsonb,                                    -- update: only the changed fields
  new_value        jsonb,
  org_unit_id      integer,                                  -- the unit it concerns (scope, filter)
  data_element_id  integer,                                  -- data values only
  period_id        integer                                   -- data values only
);
CREATE INDEX audit_log_at_idx ON audit_log(at);
CREATE INDEX audit_log_org_unit_idx ON audit_log(org_unit_id, id);
CREATE INDEX audit_log_job_idx ON audit_log(job_id) WHERE job_id IS NOT NULL;

-- The actor of the current transaction (setAuditActor); the database user and 'system' when unset.
CREATE FUNCTION audit_actor(OUT user_id integer, OUT username text, OUT how text, OUT job_id text)
LANGUAGE sql STABLE AS $fn$
  SELECT nullif(current_setting('tiaodu.user_id', true), '')::integer,
         coalesce(nullif(current_setting('tiaodu.username', true), ''), current_user::text),
         coalesce(nullif(current_setting('tiaodu.how', true), ''), 'system'),
         nullif(current_setting('tiaodu.job_id', true), '')
$fn$;

-- A row as JSON without the ignored columns, secrets replaced by a short fingerprint (so that a
-- change shows without the stored hash).
CREATE FUNCTION audit_row_json(row_json jsonb, hidden text[], ignored text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(jsonb_object_agg(key, CASE
           WHEN key = ANY(hidden) AND jsonb_typeof(value) = 'string'
             THEN to_jsonb('sha256:' || left(encode(sha256(convert_to(value #>> '{}', 'UTF8')), 'hex'), 12))
           ELSE value END), '{}')
  FROM jsonb_each(row_json) WHERE NOT key = ANY(ignored)
$fn$;

-- The fields of \`a\` whose value differs in \`b\`.
CREATE FUNCTION audit_changed_fields(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(a)
  WHERE b -> key IS DISTINCT FROM value
$fn$;

-- Data values: one INSERT … SELECT per statement over the transition tables. Keys are codes; an
-- update is recorded when value, comment or follow-up changed, with the value and whichever of
-- comment and follow-up changed (a removed comment shows as null). Each kind of statement sees only
-- its own transition tables, so the trigger EXECUTEs the query of its kind. No nested loops: the
-- planner, misjudging the five-column join of the transition tables as one row, would look each
-- of 100,000 rows' codes up by index (twice as slow as hashing the small code tables).
${auditDataValueFunction({ replace: false, valueJson: strippedValueJson })}
-- The transition tables exist only for the statements of one kind, so each kind has its trigger.
CREATE TRIGGER data_value_audit_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_data_value();
CREATE TRIGGER data_value_audit_update AFTER UPDATE ON data_value
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_data_value();
CREATE TRIGGER data_value_audit_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_data_value();

-- Any other audited table. Arguments: entity; the key (a jsonb expression over the row alias r);
-- the org unit id (an expression over r, or NULL); the columns identifying a row across an
-- update (comma-separated); columns shown only as a fingerprint; columns left out and not compared.
CREATE FUNCTION audit_row_changes() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  actor record;
  entity text := TG_ARGV[0];
  key_sql text := TG_ARGV[1];
  unit_sql text := TG_ARGV[2];
  join_sql text;
  hidden text[] := string_to_array(coalesce(TG_ARGV[4], ''), ',');
  ignored text[] := string_to_array(coalesce(TG_ARGV[5], ''), ',');
  insert_sql text := 'INSERT INTO audit_log (user_id, username, how, job_id, entity, entity_key, action,
    old_value, new_value, org_unit_id) ';
BEGIN
  SELECT * INTO actor FROM audit_actor();
  IF TG_OP = 'INSERT' THEN
    EXECUTE insert_sql || format(
      'SELECT $1, $2, $3, $4, $5, %s, ''create'', NULL, audit_row_json(to_jsonb(r), $6, $7), %s FROM new_rows r',
      key_sql, unit_sql)
      USING actor.user_id, actor.username, actor.how, actor.job_id, entity, hidden, ignored;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE insert_sql || format(
      'SELECT $1, $2, $3, $4, $5, %s, ''delete'', audit_row_json(to_jsonb(r), $6, $7), NULL, %s FROM old_rows r',
      key_sql, unit_sql)
      USING actor.user_id, actor.username, actor.how, actor.job_id, entity, hidden, ignored;
  ELSE
    SELECT string_agg(format('o.%1$I = r.%1$I', col), ' AND ') INTO join_sql
    FROM unnest(string_to_array(TG_ARGV[3], ',')) AS col;
    EXECUTE insert_sql || format(
      'SELECT $1, $2, $3, $4, $5, %s, ''update'', audit_changed_fields(oj, nj), audit_changed_fields(nj, oj), %s
       FROM new_rows r JOIN old_rows o ON %s
       CROSS JOIN LATERAL (SELECT audit_row_json(to_jsonb(o), $6, $7) AS oj, audit_row_json(to_jsonb(r), $6, $7) AS nj) j
       WHERE oj IS DISTINCT FROM nj',
      key_sql, unit_sql, join_sql)
      USING actor.user_id, actor.username, actor.how, actor.job_id, entity, hidden, ignored;
  END IF;
  RETURN NULL;
END $fn$;

-- audit_row_triggers(table, entity, key, org unit, identity, hidden, ignored): the three triggers.
CREATE FUNCTION audit_row_triggers(tbl text, entity text, key_sql text, unit_sql text, identity text,
                                   hidden text DEFAULT '', ignored text DEFAULT '') RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  args text := format('%L, %L, %L, %L, %L, %L', entity, key_sql, unit_sql, identity, hidden, ignored);
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl || '_audit_insert', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl || '_audit_update', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_row_changes(%s)', tbl || '_audit_delete', tbl, args);
END $fn$;

SELECT audit_row_triggers('org_unit', 'org_unit', 'jsonb_build_object(''code'', r.code)', 'r.id', 'id');
SELECT audit_row_triggers('category', 'category', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('category_option', 'category_option',
  'jsonb_build_object(''category'', (SELECT code FROM category WHERE id = r.category_id), ''code'', r.code)',
  'NULL', 'id');
SELECT audit_row_triggers('source', 'source', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('data_element', 'data_element', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('data_set', 'data_set', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('data_set_element', 'data_set_element',
  'jsonb_build_object(''dataSet'', (SELECT code FROM data_set WHERE id = r.data_set_id),
     ''dataElement'', (SELECT code FROM data_element WHERE id = r.data_element_id))',
  'NULL', 'data_set_id,data_element_id');
SELECT audit_row_triggers('data_set_org_unit', 'data_set_org_unit',
  'jsonb_build_object(''dataSet'', (SELECT code FROM data_set WHERE id = r.data_set_id),
     ''orgUnit'', (SELECT code FROM org_unit WHERE id = r.org_unit_id))',
  'r.org_unit_id', 'data_set_id,org_unit_id');
SELECT audit_row_triggers('constant', 'constant', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('indicator', 'indicator', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('target', 'target',
  'jsonb_build_object(''indicator'', (SELECT code FROM indicator WHERE id = r.indicator_id),
     ''orgUnit'', (SELECT code FROM org_unit WHERE id = r.org_unit_id), ''year'', r.year)',
  'r.org_unit_id', 'id');
SELECT audit_row_triggers('reconciliation', 'reconciliation', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('validation_rule', 'validation_rule', 'jsonb_build_object(''code'', r.code)', 'NULL', 'id');
SELECT audit_row_triggers('app_user', 'user', 'jsonb_build_object(''username'', r.username)', 'NULL', 'id',
  'password_hash');
SELECT audit_row_triggers('user_role', 'user_role',
  'jsonb_build_object(''username'', (SELECT username FROM app_user WHERE id = r.user_id), ''role'', r.role)',
  'NULL', 'user_id,role');
SELECT audit_row_triggers('user_org_unit', 'user_org_unit',
  'jsonb_build_object(''username'', (SELECT username FROM app_user WHERE id = r.user_id),
     ''orgUnit'', (SELECT code FROM org_unit WHERE id = r.org_unit_id))',
  'r.org_unit_id', 'user_id,org_unit_id');
SELECT audit_row_triggers('access_token', 'token',
  'jsonb_build_object(''id'', r.id, ''username'', (SELECT username FROM app_user WHERE id = r.user_id),
     ''name'', r.name)',
  'NULL', 'id', 'token_hash', 'last_used');

-- Append-only: every UPDATE, DELETE and TRUNCATE of audit_log raises, whoever runs it.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $fn$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;
`;

/**
 * The created or deleted value of row alias `r` as migration 005 writes it: value, comment and
 * follow-up, nulls stripped.
 */
export function strippedValueJson(r: string): string {
  return `jsonb_strip_nulls(jsonb_build_object('value', ${r}.value, 'comment', ${r}.comment,
        'followup', nullif(${r}.followup, false)))`;
}

/**
 * The audit trigger function of data values. `valueJson(alias)` is the JSON of a created or
 * deleted value; migration 011 replaces the function with a cheaper one.
 */
export function auditDataValueFunction(options: {
  replace: boolean;
  valueJson: (alias: string) => string;
}): string {
  return `${options.replace ? 'CREATE OR REPLACE' : 'CREATE'} FUNCTION audit_data_value() RETURNS trigger LANGUAGE plpgsql SET jit = off SET enable_nestloop = off
AS $fn$
DECLARE
  actor record;
  cols text := 'data_element_id, period_id, org_unit_id, option_combo_id, source_id';
  changes text;
BEGIN
  SELECT * INTO actor FROM audit_actor();
  IF TG_OP = 'INSERT' THEN
    changes := format($sql$SELECT 'create' AS action, NULL::jsonb AS old_value,
      ${options.valueJson('n')} AS new_value, %s FROM new_rows n$sql$, cols);
  ELSIF TG_OP = 'DELETE' THEN
    changes := format($sql$SELECT 'delete' AS action,
      ${options.valueJson('d')} AS old_value, NULL::jsonb AS new_value, %s FROM old_rows d$sql$, cols);
  ELSE
    changes := format($sql$SELECT 'update' AS action,
      jsonb_build_object('value', d.value)
        || CASE WHEN d.comment IS DISTINCT FROM n.comment THEN jsonb_build_object('comment', d.comment) ELSE '{}' END
        || CASE WHEN d.followup IS DISTINCT FROM n.followup THEN jsonb_build_object('followup', d.followup) ELSE '{}' END
        AS old_value,
      jsonb_build_object('value', n.value)
        || CASE WHEN d.comment IS DISTINCT FROM n.comment THEN jsonb_build_object('comment', n.comment) ELSE '{}' END
        || CASE WHEN d.followup IS DISTINCT FROM n.followup THEN jsonb_build_object('followup', n.followup) ELSE '{}' END
        AS new_value,
      %s
      FROM old_rows d JOIN new_rows n USING (%s)
      WHERE (d.value, d.comment, d.followup) IS DISTINCT FROM (n.value, n.comment, n.followup)$sql$,
      cols, cols);
  END IF;
  EXECUTE format($sql$
    INSERT INTO audit_log (user_id, username, how, job_id, entity, entity_key, action, old_value, new_value,
                           org_unit_id, data_element_id, period_id)
    SELECT $1, $2, $3, $4, 'data_value',
           jsonb_build_object('dataElement', de.code, 'period', p.iso, 'orgUnit', o.code,
                              'optionCombo', oc.code, 'source', s.code),
           c.action, c.old_value, c.new_value, c.org_unit_id, c.data_element_id, c.period_id
    FROM (%s) c
    JOIN data_element de ON de.id = c.data_element_id
    JOIN period p ON p.id = c.period_id
    JOIN org_unit o ON o.id = c.org_unit_id
    JOIN option_combo oc ON oc.id = c.option_combo_id
    JOIN source s ON s.id = c.source_id$sql$, changes)
    USING actor.user_id, actor.username, actor.how, actor.job_id;
  RETURN NULL;
END $fn$;
`;
}
