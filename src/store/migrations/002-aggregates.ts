/**
 * The lateral join `s(month, overlap)` over a value's period `p`: each calendar month the period
 * overlaps, with the days of overlap. Shared by the monthly upsert and the rebuilds (007, 009).
 */
export const MONTH_OVERLAPS = `  CROSS JOIN LATERAL (
    SELECT g.month::date AS month,
           (least(p.end_date, (g.month + interval '1 month')::date - 1)
            - greatest(p.start_date, g.month::date) + 1) AS overlap
    FROM generate_series(date_trunc('month', p.start_date::timestamp),
                         p.end_date::timestamp, interval '1 month') AS g(month)
  ) s`;

/**
 * Always-fresh aggregates: `data_value_monthly` holds, for every data value's org unit AND each
 * of its ancestors, the value's share of every calendar month its period overlaps. Statement-level
 * triggers with transition tables keep it in step with `data_value` inside the writing
 * transaction (INSERT, UPDATE, DELETE, COPY and INSERT … ON CONFLICT alike), so analytics read
 * this small table and a saved value is visible at once — there is no analytics job.
 *
 * Per (element, combo, source, org unit, month):
 *   sum_num       Σ num × overlap days / period days   (SUM: a weekly value split by days)
 *   sum_num_days  Σ num × overlap days                (AVERAGE: time-weighted by days)
 *   value_count   how many values overlap the month   (0 = no data)
 */
export const aggregatesSchema = `
CREATE TABLE data_value_monthly (
  data_element_id  integer NOT NULL,
  option_combo_id  integer NOT NULL,
  source_id        integer NOT NULL,
  org_unit_id      integer NOT NULL,          -- the value's org unit or one of its ancestors
  month            date NOT NULL,             -- first day of the month
  sum_num          double precision NOT NULL DEFAULT 0,
  sum_num_days     double precision NOT NULL DEFAULT 0,
  value_count      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (data_element_id, org_unit_id, month, option_combo_id, source_id)
);

-- The statement adding the monthly rows of the data values in \`deltas\` (a query over the
-- transition tables with a sign column: old rows -1, new rows +1) for each ancestor: one upsert
-- of the netted deltas, because an upsert may not touch the same key twice. The trigger itself
-- must EXECUTE it: transition tables are visible only to the trigger function's own queries.
${monthlyUpsertFunction({ replace: false, keyOrder: false })}
-- jit off: generate_series' default estimate (1,000 rows) makes the planner JIT-compile the
-- upsert, which costs ~2 s per statement and saves nothing on a few thousand rows.
CREATE FUNCTION data_value_monthly_apply() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  cols text := 'data_element_id, option_combo_id, source_id, org_unit_id, period_id, num';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE data_value_monthly_sql(format('SELECT %s, 1 AS sign FROM new_rows', cols));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE data_value_monthly_sql(format('SELECT %s, -1 AS sign FROM old_rows', cols));
  ELSE
    EXECUTE data_value_monthly_sql(format(
      'SELECT %s, -1 AS sign FROM old_rows UNION ALL SELECT %s, 1 FROM new_rows', cols, cols));
  END IF;
  RETURN NULL;
END $fn$;

-- Rebuilds every aggregate from the raw values (after an org unit moves in the tree).
CREATE FUNCTION data_value_monthly_rebuild() RETURNS void LANGUAGE plpgsql SET jit = off AS $fn$
BEGIN
  DELETE FROM data_value_monthly;
  EXECUTE data_value_monthly_sql(
    'SELECT data_element_id, option_combo_id, source_id, org_unit_id, period_id, num, 1 AS sign FROM data_value');
END $fn$;

CREATE TRIGGER data_value_monthly_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_monthly_apply();
CREATE TRIGGER data_value_monthly_update AFTER UPDATE ON data_value
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION data_value_monthly_apply();
CREATE TRIGGER data_value_monthly_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_monthly_apply();
`;

/**
 * The function that writes the monthly rows of data value changes: `data_value_monthly_sql(deltas)`
 * returns the upsert to EXECUTE. Migration 012 replaces it with `keyOrder`, its rows sorted by the
 * table's primary key.
 */
export function monthlyUpsertFunction(options: { replace: boolean; keyOrder: boolean }): string {
  const create = options.replace ? 'CREATE OR REPLACE' : 'CREATE';
  const keyOrder = options.keyOrder;
  return `${create} FUNCTION data_value_monthly_sql(deltas text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
  INSERT INTO data_value_monthly AS m
    (data_element_id, option_combo_id, source_id, org_unit_id, month, sum_num, sum_num_days, value_count)
  SELECT d.data_element_id, d.option_combo_id, d.source_id, c.ancestor_id, s.month,
         sum(d.sign * d.num * s.overlap / (p.end_date - p.start_date + 1)),
         sum(d.sign * d.num * s.overlap),
         sum(d.sign)
  FROM (%s) d
  JOIN period p ON p.id = d.period_id
  JOIN org_unit_closure c ON c.descendant_id = d.org_unit_id
${MONTH_OVERLAPS}
  WHERE d.num IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5${keyOrder ? '\n  ORDER BY 1, 4, 5, 2, 3' : ''}
  ON CONFLICT (data_element_id, org_unit_id, month, option_combo_id, source_id) DO UPDATE SET
    sum_num = m.sum_num + EXCLUDED.sum_num,
    sum_num_days = m.sum_num_days + EXCLUDED.sum_num_days,
    value_count = m.value_count + EXCLUDED.value_count
  $sql$, deltas)
$fn$;
`;
}
