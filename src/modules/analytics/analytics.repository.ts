/**
 * The analytics module's SQL. Values come from `data_value_monthly` (kept fresh by triggers,
 * migration 002) for whole months, and from raw `data_value` for partial months at the edges of
 * a range and for LAST elements. `sumItemRaw` is the same computation over raw values only; tests
 * and the benchmark compare the two.
 */
import type { Queryable } from '../../store/db.js';

/** One item's partial sums for one org unit and option combo over a date range. */
export interface TItemSums {
  orgUnitId: number;
  optionComboId: number;
  /** Σ num × overlap/period days (SUM). */
  sumShare: number;
  /** Σ num × overlap days (AVERAGE numerator). */
  sumNumDays: number;
  /** Days of the range in months that hold data (AVERAGE denominator). */
  coveredDays: number;
  valueCount: number;
}

/** Which values an expression item reads. */
export interface TItemFilter {
  dataElementId: number;
  sourceId: number;
  optionComboIds: readonly number[];
  orgUnitIds: readonly number[];
}

const SUMS_COLUMNS = `org_unit_id AS "orgUnitId", option_combo_id AS "optionComboId",
  sum(sum_share)::float8 AS "sumShare", sum(sum_num_days)::float8 AS "sumNumDays",
  sum(covered_days)::float8 AS "coveredDays", sum(value_count)::float8 AS "valueCount"`;

/** Partial sums over whole months [firstMonth, lastMonth] (first days) from the aggregate table. */
export async function sumItemMonths(
  db: Queryable,
  filter: TItemFilter,
  firstMonth: string,
  lastMonth: string,
): Promise<TItemSums[]> {
  return db.query<TItemSums>(
    `SELECT ${SUMS_COLUMNS} FROM (
       SELECT org_unit_id, option_combo_id, sum_num AS sum_share, sum_num_days, value_count,
              CASE WHEN value_count > 0 THEN (month + interval '1 month')::date - month ELSE 0 END AS covered_days
       FROM data_value_monthly
       WHERE data_element_id = $1 AND source_id = $2 AND option_combo_id = ANY($3::int[])
         AND org_unit_id = ANY($4::int[]) AND month BETWEEN $5::date AND $6::date) m
     GROUP BY org_unit_id, option_combo_id`,
    [filter.dataElementId, filter.sourceId, filter.optionComboIds, filter.orgUnitIds, firstMonth, lastMonth],
  );
}

/**
 * The same partial sums straight from raw values over any range [start, end]: each value split
 * by days into the months of the range, grouped per ancestor org unit — a plain GROUP BY.
 */
export async function sumItemRaw(
  db: Queryable,
  filter: TItemFilter,
  start: string,
  end: string,
): Promise<TItemSums[]> {
  return db.query<TItemSums>(
    `WITH v AS (
       SELECT c.ancestor_id AS org_unit_id, dv.option_combo_id, dv.num, p.start_date, p.end_date
       FROM data_value dv
       JOIN period p ON p.id = dv.period_id
       JOIN org_unit_closure c ON c.descendant_id = dv.org_unit_id
       WHERE dv.data_element_id = $1 AND dv.source_id = $2 AND dv.option_combo_id = ANY($3::int[])
         AND c.ancestor_id = ANY($4::int[]) AND dv.num IS NOT NULL
         AND p.start_date <= $6::date AND p.end_date >= $5::date
     ), monthly AS (
       SELECT v.org_unit_id, v.option_combo_id, m.month_start,
              sum(v.num * m.overlap / (v.end_date - v.start_date + 1)) AS sum_share,
              sum(v.num * m.overlap) AS sum_num_days, count(*) AS value_count, max(m.month_days) AS covered_days
       FROM v CROSS JOIN LATERAL (
         SELECT g::date AS month_start,
                least(v.end_date, (g + interval '1 month')::date - 1, $6::date)
                  - greatest(v.start_date, g::date, $5::date) + 1 AS overlap,
                least((g + interval '1 month')::date - 1, $6::date) - greatest(g::date, $5::date) + 1 AS month_days
         FROM generate_series(date_trunc('month', greatest(v.start_date, $5::date)::timestamp),
                              least(v.end_date, $6::date)::timestamp, interval '1 month') AS g
       ) m
       GROUP BY 1, 2, 3
     )
     SELECT ${SUMS_COLUMNS} FROM monthly GROUP BY org_unit_id, option_combo_id`,
    [filter.dataElementId, filter.sourceId, filter.optionComboIds, filter.orgUnitIds, start, end],
  );
}

/**
 * LAST: per org unit of the tree and combo, the value of the latest period overlapping
 * [start, end]; summed per requested ancestor.
 */
export async function sumItemLast(
  db: Queryable,
  filter: TItemFilter,
  start: string,
  end: string,
): Promise<Array<{ orgUnitId: number; value: number }>> {
  return db.query(
    `SELECT ancestor_id AS "orgUnitId", sum(num)::float8 AS value FROM (
       SELECT DISTINCT ON (c.ancestor_id, dv.org_unit_id, dv.option_combo_id) c.ancestor_id, dv.num
       FROM data_value dv
       JOIN period p ON p.id = dv.period_id
       JOIN org_unit_closure c ON c.descendant_id = dv.org_unit_id
       WHERE dv.data_element_id = $1 AND dv.source_id = $2 AND dv.option_combo_id = ANY($3::int[])
         AND c.ancestor_id = ANY($4::int[]) AND dv.num IS NOT NULL
         AND p.start_date <= $6::date AND p.end_date >= $5::date
       ORDER BY c.ancestor_id, dv.org_unit_id, dv.option_combo_id, p.end_date DESC, p.start_date DESC
     ) latest GROUP BY ancestor_id`,
    [filter.dataElementId, filter.sourceId, filter.optionComboIds, filter.orgUnitIds, start, end],
  );
}

/** Monthly SUM shares and AVERAGE values per org unit and month in [firstMonth, lastMonth]. */
export async function listItemMonths(
  db: Queryable,
  filter: TItemFilter,
  firstMonth: string,
  lastMonth: string,
): Promise<
  Array<{ orgUnitId: number; month: string; sumShare: number; average: number; valueCount: number }>
> {
  return db.query(
    `SELECT org_unit_id AS "orgUnitId", to_char(month, 'YYYY-MM-DD') AS month,
            sum(sum_num)::float8 AS "sumShare",
            (sum(sum_num_days) / ((month + interval '1 month')::date - month))::float8 AS average,
            sum(value_count)::float8 AS "valueCount"
     FROM data_value_monthly
     WHERE data_element_id = $1 AND source_id = $2 AND option_combo_id = ANY($3::int[])
       AND org_unit_id = ANY($4::int[]) AND month BETWEEN $5::date AND $6::date AND value_count > 0
     GROUP BY org_unit_id, month ORDER BY org_unit_id, month`,
    [filter.dataElementId, filter.sourceId, filter.optionComboIds, filter.orgUnitIds, firstMonth, lastMonth],
  );
}

export { ANALYTICS_VERSION_CHANNEL } from '../../store/migrations/010-analytics-version-notify.js';

/**
 * The analytics data version (migration 007-analytics-version): one string that changes with
 * every committed write to data or metadata that analytics reads, and never repeats.
 */
export async function readAnalyticsVersion(db: Queryable): Promise<string> {
  const rows = await db.query<{ version: string }>(
    `SELECT string_agg(version::text, '.' ORDER BY stripe) AS version FROM analytics_version`,
  );
  return rows[0]?.version ?? '';
}
