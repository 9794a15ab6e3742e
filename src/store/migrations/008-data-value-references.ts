/**
 * The references of `data_value` to its five parents (data element, period, org unit, option
 * combo, source), checked per statement instead of per row. PostgreSQL checks a foreign key with
 * one lookup per inserted row — 5 million lookups for a million-value import, more time than the
 * whole rest of the merge — so the foreign keys are replaced by the same guarantees, set-based:
 *
 * - an INSERT into `data_value` (form, import, COPY, upsert) locks the distinct parents its new
 *   rows name FOR KEY SHARE, as a foreign key check does, and raises foreign_key_violation
 *   (23503) when one does not exist;
 * - the key columns of a stored value never change (an UPDATE that changes one raises), so an
 *   UPDATE needs no check;
 * - a DELETE of parents that values still name raises foreign_key_violation, and a TRUNCATE of a
 *   parent raises while any value exists.
 *
 * The lock is what keeps a concurrent delete of a parent from slipping between the check and the
 * commit: the delete waits for the inserting transaction, then sees its rows and raises.
 */
const PARENTS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'data_element', column: 'data_element_id' },
  { table: 'period', column: 'period_id' },
  { table: 'org_unit', column: 'org_unit_id' },
  { table: 'option_combo', column: 'option_combo_id' },
  { table: 'source', column: 'source_id' },
];

const dropForeignKeys = PARENTS.map(
  ({ column }) => `ALTER TABLE data_value DROP CONSTRAINT IF EXISTS data_value_${column}_fkey;`,
).join('\n');

const checkParents = PARENTS.map(
  ({ table, column }) => `
  WITH wanted AS (SELECT DISTINCT ${column} AS id FROM new_rows),
       locked AS (SELECT p.id FROM ${table} p WHERE p.id IN (SELECT id FROM wanted) FOR KEY SHARE OF p)
  SELECT min(w.id) INTO missing FROM wanted w WHERE w.id NOT IN (SELECT id FROM locked);
  IF missing IS NOT NULL THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('data_value names %s %s, which does not exist', '${table}', missing);
  END IF;`,
).join('\n');

const guardParents = PARENTS.map(
  ({ table, column }) => `
CREATE TRIGGER data_value_parent_delete AFTER DELETE ON ${table}
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION data_value_parent_delete('${column}');
CREATE TRIGGER data_value_parent_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_parent_truncate();`,
).join('\n');

export const dataValueReferencesSchema = `
${dropForeignKeys}

CREATE FUNCTION data_value_check_parents() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  missing integer;
BEGIN
${checkParents}
  RETURN NULL;
END $fn$;

CREATE TRIGGER data_value_check_parents AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_check_parents();

CREATE FUNCTION data_value_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE integrity_constraint_violation USING
    MESSAGE = 'the key of a data value (element, period, org unit, option combo, source) cannot change';
END $fn$;

CREATE TRIGGER data_value_key_fixed BEFORE UPDATE OF data_element_id, period_id, org_unit_id, option_combo_id, source_id
  ON data_value FOR EACH ROW
  WHEN ((OLD.data_element_id, OLD.period_id, OLD.org_unit_id, OLD.option_combo_id, OLD.source_id)
        IS DISTINCT FROM (NEW.data_element_id, NEW.period_id, NEW.org_unit_id, NEW.option_combo_id, NEW.source_id))
  EXECUTE FUNCTION data_value_key_fixed();

CREATE FUNCTION data_value_parent_delete() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  named integer;
BEGIN
  EXECUTE format('SELECT o.id FROM old_rows o WHERE EXISTS (SELECT 1 FROM data_value dv WHERE dv.%I = o.id) LIMIT 1',
                 TG_ARGV[0]) INTO named;
  IF named IS NOT NULL THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('%s %s still has data values', TG_TABLE_NAME, named);
  END IF;
  RETURN NULL;
END $fn$;

CREATE FUNCTION data_value_parent_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM data_value) THEN
    RAISE foreign_key_violation USING MESSAGE = format('%s cannot be truncated while data values exist', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $fn$;
${guardParents}
`;
