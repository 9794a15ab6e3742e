/**
 * `data_value_monthly` no longer holds a row at a value's own org unit when that unit is a leaf
 * (has no children): it holds rows for every proper ancestor, and for the unit itself only when
 * the unit has children. Values are entered at the leaves (townships), so the own-unit row
 * repeated nearly every monthly value one to one: 94 % of the table at province scale, and most
 * of the aggregate triggers' cost in an import. Analytics read a leaf's own values from
 * `data_value` itself (`analytics.repository.ts`), through its primary key; a unit with children
 * is answered from this table alone, as before, with no lookup in `data_value`.
 *
 * A unit's leafhood changes only when the tree changes: `data_value_monthly_shift(units, -1)`
 * before and `(units, +1)` after rewriting the closure moves the affected units' values from the
 * old shape to the new (`rebuildOrgUnitTree`). The rebuild writes its rows in key order.
 */
const MONTHS_OF_PERIOD = `
  CROSS JOIN LATERAL (
    SELECT g.month::date AS month,
           (least(p.end_date, (g.month + interval '1 month')::date - 1)
            - greatest(p.start_date, g.month::date) + 1) AS overlap
    FROM generate_series(date_trunc('month', p.start_date::timestamp),
                         p.end_date::timestamp, interval '1 month') AS g(month)
  ) s`;

/**
 * The closure rows a value at `d.org_unit_id` adds to: proper ancestors, and itself unless a leaf.
 * Leafhood is read from the closure too (not `parent_id`), so that it changes with the closure.
 */
const AGGREGATED_UNITS = `
  JOIN org_unit_closure c ON c.descendant_id = d.org_unit_id
   AND (c.depth > 0 OR EXISTS (SELECT 1 FROM org_unit_closure k WHERE k.ancestor_id = d.org_unit_id AND k.depth = 1))`;

export const monthlyAboveOwnUnitSchema = `
CREATE OR REPLACE FUNCTION data_value_monthly_sql(deltas text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
  INSERT INTO data_value_monthly AS m
    (data_element_id, option_combo_id, source_id, org_unit_id, month, sum_num, sum_num_days, value_count)
  SELECT d.data_element_id, d.option_combo_id, d.source_id, c.ancestor_id, s.month,
         sum(d.sign * d.num * s.overlap / (p.end_date - p.start_date + 1)),
         sum(d.sign * d.num * s.overlap),
         sum(d.sign)
  FROM (%s) d
  JOIN period p ON p.id = d.period_id
  ${AGGREGATED_UNITS}
  ${MONTHS_OF_PERIOD}
  WHERE d.num IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (data_element_id, org_unit_id, month, option_combo_id, source_id) DO UPDATE SET
    sum_num = m.sum_num + EXCLUDED.sum_num,
    sum_num_days = m.sum_num_days + EXCLUDED.sum_num_days,
    value_count = m.value_count + EXCLUDED.value_count
  $sql$, deltas)
$fn$;

-- Adds (sign 1) or takes away (sign -1) the values of the org units \`unit_ids\` under the tree
-- as it is now: around a change of the tree, the old shape goes and the new one comes.
CREATE FUNCTION data_value_monthly_shift(unit_ids integer[], sign integer) RETURNS void LANGUAGE plpgsql
  SET jit = off AS $fn$
BEGIN
  EXECUTE data_value_monthly_sql(format(
    'SELECT data_element_id, option_combo_id, source_id, org_unit_id, period_id, num, %s AS sign
     FROM data_value WHERE org_unit_id = ANY(%L::integer[])', sign, unit_ids));
END $fn$;

CREATE OR REPLACE FUNCTION data_value_monthly_rebuild() RETURNS void LANGUAGE plpgsql
  SET jit = off SET work_mem = '128MB' SET maintenance_work_mem = '256MB' AS $fn$
BEGIN
  TRUNCATE data_value_monthly;
  ALTER TABLE data_value_monthly DROP CONSTRAINT data_value_monthly_pkey;
  INSERT INTO data_value_monthly
    (data_element_id, option_combo_id, source_id, org_unit_id, month, sum_num, sum_num_days, value_count)
  SELECT d.data_element_id, d.option_combo_id, d.source_id, c.ancestor_id, s.month,
         sum(d.num * s.overlap / (p.end_date - p.start_date + 1)),
         sum(d.num * s.overlap),
         count(*)
  FROM data_value d
  JOIN period p ON p.id = d.period_id
  ${AGGREGATED_UNITS}
  ${MONTHS_OF_PERIOD}
  WHERE d.num IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  -- In key order: an org unit's months then sit on neighbouring pages, and the index scans
  -- analytics make read a few pages instead of one per row (3× faster at province scale).
  ORDER BY 1, 4, 5, 2, 3;
  ALTER TABLE data_value_monthly
    ADD PRIMARY KEY (data_element_id, org_unit_id, month, option_combo_id, source_id);
END $fn$;

SELECT data_value_monthly_rebuild();
`;
