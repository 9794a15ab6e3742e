/**
 * The monthly aggregates' upsert (`data_value_monthly_sql`, migration 002) takes its rows in the
 * table's key order, as the rebuild (migration 009) already does.
 *
 * In hash order, a million-value import probes and inserts all over `data_value_monthly`'s primary
 * key. Once that index and its heap outgrow the buffer pool, nearly every row reads a page back:
 * on PGlite, whose 128 MB pool pages through WebAssembly file calls, the trigger took 453 s for
 * 1,000,000 new values against 9.1 s for 300,000. In key order it took 28.9 s. On the server, where
 * the same store fits in memory, the sort costs a few seconds per million rows
 * (docs/performance.md); a large store that no longer fits gains there too. The statement is
 * otherwise migration 002's.
 */
export const monthlyUpsertOrderSchema = `
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
  JOIN org_unit_closure c ON c.descendant_id = d.org_unit_id
  CROSS JOIN LATERAL (
    SELECT g.month::date AS month,
           (least(p.end_date, (g.month + interval '1 month')::date - 1)
            - greatest(p.start_date, g.month::date) + 1) AS overlap
    FROM generate_series(date_trunc('month', p.start_date::timestamp),
                         p.end_date::timestamp, interval '1 month') AS g(month)
  ) s
  WHERE d.num IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 4, 5, 2, 3
  ON CONFLICT (data_element_id, org_unit_id, month, option_combo_id, source_id) DO UPDATE SET
    sum_num = m.sum_num + EXCLUDED.sum_num,
    sum_num_days = m.sum_num_days + EXCLUDED.sum_num_days,
    value_count = m.value_count + EXCLUDED.value_count
  $sql$, deltas)
$fn$;
`;
