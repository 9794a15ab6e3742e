import type { Queryable } from '../../../store/db.js';

/** What one merge did (or, for a dry run, would do) to `data_value`. */
export interface MergeCounts {
  /** Distinct keys staged (a repeated key counts once: the first row wins). */
  staged: number;
  imported: number;
  updated: number;
  deleted: number;
  /** Staged rows that changed nothing: same value, comment and follow-up, or a delete of nothing. */
  unchanged: number;
}

const KEY = 'data_element_id, period, org_unit_id, option_combo_id, source_id';

/** The staged rows, first row per key, in key order (the lock order of every merge). */
function firstPerKey(table: string): string {
  return `SELECT DISTINCT ON (${KEY}) ${KEY}, value, num, comment, followup, deleted
          FROM ${table} ORDER BY ${KEY}, line`;
}

/**
 * Merges the staging table into `data_value` in ONE statement: inserts new keys, updates keys
 * whose value, comment or follow-up differ (rows locked in key order so concurrent merges do not
 * deadlock on data_value), deletes keys marked deleted. Every staged period must exist (ensurePeriods).
 * Inserted and updated rows are told apart by `xmax = 0` (a freshly inserted row version).
 */
export async function mergeStaged(
  tx: Queryable,
  table: string,
  storedBy: string | null,
): Promise<MergeCounts> {
  const rows = await tx.query<{
    staged: number;
    deletes: number;
    imported: number;
    updated: number;
    deleted: number;
  }>(
    `WITH staged AS (
       SELECT DISTINCT ON (s.data_element_id, p.id, s.org_unit_id, s.option_combo_id, s.source_id)
              s.data_element_id, p.id AS period_id, s.org_unit_id, s.option_combo_id, s.source_id,
              s.value, s.num, s.comment, s.followup, s.deleted
       FROM ${table} s JOIN period p ON p.iso = s.period
       ORDER BY s.data_element_id, p.id, s.org_unit_id, s.option_combo_id, s.source_id, s.line
     ), upserted AS (
       INSERT INTO data_value AS dv
         (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num, comment, followup, stored_by)
       SELECT data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num, comment, followup, $1
       FROM staged WHERE NOT deleted
       ORDER BY data_element_id, period_id, org_unit_id, option_combo_id, source_id
       ON CONFLICT (data_element_id, period_id, org_unit_id, option_combo_id, source_id) DO UPDATE SET
         value = EXCLUDED.value, num = EXCLUDED.num, comment = EXCLUDED.comment, followup = EXCLUDED.followup,
         stored_by = EXCLUDED.stored_by, last_updated = now(), version = dv.version + 1
       WHERE (dv.value, dv.comment, dv.followup) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.comment, EXCLUDED.followup)
       RETURNING (dv.xmax = 0) AS inserted
     ), removed AS (
       DELETE FROM data_value dv USING staged s
       WHERE s.deleted AND dv.data_element_id = s.data_element_id AND dv.period_id = s.period_id
         AND dv.org_unit_id = s.org_unit_id AND dv.option_combo_id = s.option_combo_id
         AND dv.source_id = s.source_id
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM staged)::int AS staged,
            (SELECT count(*) FROM staged WHERE deleted)::int AS deletes,
            (SELECT count(*) FROM upserted WHERE inserted)::int AS imported,
            (SELECT count(*) FROM upserted WHERE NOT inserted)::int AS updated,
            (SELECT count(*) FROM removed)::int AS deleted`,
    [storedBy],
  );
  return toCounts(rows[0]);
}

/** What `mergeStaged` would do, read-only (dry runs): a join of the staged keys against data_value. */
export async function countStagedChanges(db: Queryable, table: string): Promise<MergeCounts> {
  const rows = await db.query<{
    staged: number;
    deletes: number;
    imported: number;
    updated: number;
    deleted: number;
  }>(
    `SELECT count(*)::int AS staged,
            count(*) FILTER (WHERE s.deleted)::int AS deletes,
            count(*) FILTER (WHERE NOT s.deleted AND dv.value IS NULL)::int AS imported,
            count(*) FILTER (WHERE NOT s.deleted AND dv.value IS NOT NULL AND (dv.value, dv.comment, dv.followup)
                             IS DISTINCT FROM (s.value, s.comment, s.followup))::int AS updated,
            count(*) FILTER (WHERE s.deleted AND dv.value IS NOT NULL)::int AS deleted
     FROM (${firstPerKey(table)}) s
     LEFT JOIN period p ON p.iso = s.period
     LEFT JOIN data_value dv ON dv.data_element_id = s.data_element_id AND dv.period_id = p.id
       AND dv.org_unit_id = s.org_unit_id AND dv.option_combo_id = s.option_combo_id
       AND dv.source_id = s.source_id`,
  );
  return toCounts(rows[0]);
}

function toCounts(
  row: { staged: number; deletes: number; imported: number; updated: number; deleted: number } | undefined,
): MergeCounts {
  if (!row) return { staged: 0, imported: 0, updated: 0, deleted: 0, unchanged: 0 };
  const unchanged = row.staged - row.imported - row.updated - row.deleted;
  return {
    staged: row.staged,
    imported: row.imported,
    updated: row.updated,
    deleted: row.deleted,
    unchanged,
  };
}
