import type { Queryable, Transaction } from '../../../store/db.js';

/** What one merge did (or, for a dry run, would do) to `data_value`. */
export interface MergeCounts {
  imported: number;
  updated: number;
  deleted: number;
}

/**
 * Memory for the merge's sort and for the triggers' transition tables (row sets kept in work_mem):
 * at 64 MB (and still at 128 MB) a million rows spilled both to temporary files (50 + 78 MB),
 * which each of the three insert triggers then read back. 160 MB holds a million-value import.
 */
const MERGE_WORK_MEM = '160MB';
/**
 * How often a server backend checks, during the merge, that its client is still there: a killed
 * import then stops (and rolls back) within a second instead of finishing its statement first.
 */
const CLIENT_CHECK_INTERVAL = '1s';

/** Rows of the staging table joined to their period ids (every period must exist: ensurePeriods). */
function stagedWithPeriods(table: string, deleted: boolean): string {
  return `SELECT s.data_element_id, p.id AS period_id, s.org_unit_id, s.option_combo_id, s.source_id,
                 s.value, s.num, s.comment, s.followup
          FROM ${table} s JOIN period p ON p.iso = s.period
          WHERE ${deleted ? '' : 'NOT '}s.deleted`;
}

/**
 * Merges the staging table (one row per key: see `deleteLaterDuplicates`) into `data_value`, in
 * the caller's transaction: ONE upsert that inserts new keys and updates keys whose value, comment
 * or follow-up differ — rows taken in key order, so concurrent merges lock in the same order and
 * do not deadlock — then ONE delete of the keys marked deleted. Inserted and updated rows are
 * told apart by `xmax = 0` (a row version this statement created rather than replaced).
 */
export async function mergeStaged(
  tx: Transaction,
  table: string,
  options: { storedBy: string | null; hasDeletes: boolean },
): Promise<MergeCounts> {
  await tx.exec(`SET LOCAL work_mem = '${MERGE_WORK_MEM}'`);
  // PGlite has no client socket to watch (and refuses the setting).
  if (tx.kind === 'postgres')
    await tx.exec(`SET LOCAL client_connection_check_interval = '${CLIENT_CHECK_INTERVAL}'`);
  const [upsert] = await tx.query<{ imported: number; updated: number }>(
    `WITH upserted AS (
       INSERT INTO data_value AS dv
         (data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num, comment, followup, stored_by)
       SELECT data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, num, comment, followup, $1
       FROM (${stagedWithPeriods(table, false)}) s
       ORDER BY data_element_id, period_id, org_unit_id, option_combo_id, source_id
       ON CONFLICT (data_element_id, period_id, org_unit_id, option_combo_id, source_id) DO UPDATE SET
         value = EXCLUDED.value, num = EXCLUDED.num, comment = EXCLUDED.comment, followup = EXCLUDED.followup,
         stored_by = EXCLUDED.stored_by, last_updated = now(), version = dv.version + 1
       WHERE (dv.value, dv.comment, dv.followup) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.comment, EXCLUDED.followup)
       RETURNING (dv.xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS imported, count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM upserted`,
    [options.storedBy],
  );
  let deleted = 0;
  if (options.hasDeletes) {
    const [removed] = await tx.query<{ deleted: number }>(
      `WITH removed AS (
         DELETE FROM data_value dv USING (${stagedWithPeriods(table, true)}) s
         WHERE dv.data_element_id = s.data_element_id AND dv.period_id = s.period_id
           AND dv.org_unit_id = s.org_unit_id AND dv.option_combo_id = s.option_combo_id
           AND dv.source_id = s.source_id
         RETURNING 1
       )
       SELECT count(*)::int AS deleted FROM removed`,
    );
    deleted = removed?.deleted ?? 0;
  }
  return { imported: upsert?.imported ?? 0, updated: upsert?.updated ?? 0, deleted };
}

/** What `mergeStaged` would do, read-only (dry runs): the staged keys joined to data_value. */
export async function countStagedChanges(db: Queryable, table: string): Promise<MergeCounts> {
  const [row] = await db.query<MergeCounts>(
    `SELECT count(*) FILTER (WHERE NOT s.deleted AND dv.value IS NULL)::int AS imported,
            count(*) FILTER (WHERE NOT s.deleted AND dv.value IS NOT NULL AND (dv.value, dv.comment, dv.followup)
                             IS DISTINCT FROM (s.value, s.comment, s.followup))::int AS updated,
            count(*) FILTER (WHERE s.deleted AND dv.value IS NOT NULL)::int AS deleted
     FROM ${table} s
     LEFT JOIN period p ON p.iso = s.period
     LEFT JOIN data_value dv ON dv.data_element_id = s.data_element_id AND dv.period_id = p.id
       AND dv.org_unit_id = s.org_unit_id AND dv.option_combo_id = s.option_combo_id
       AND dv.source_id = s.source_id`,
  );
  return row ?? { imported: 0, updated: 0, deleted: 0 };
}
