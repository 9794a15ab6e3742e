import type { Queryable } from '../../store/db.js';

/** A checksum of every data value (count and hash), for comparing a restored store with the original. */
export async function dataValueChecksum(db: Queryable): Promise<{ count: number; checksum: string }> {
  const rows = await db.query<{ count: number; checksum: string | null }>(
    `SELECT count(*)::int8 AS count,
            md5(string_agg(concat_ws('|', data_element_id, period_id, org_unit_id, option_combo_id, source_id, value, comment),
                ',' ORDER BY data_element_id, period_id, org_unit_id, option_combo_id, source_id)) AS checksum
       FROM data_value`,
  );
  return { count: rows[0]?.count ?? 0, checksum: rows[0]?.checksum ?? '' };
}

/** How many tables the public schema of a server database has (0 = empty, safe to restore into). */
export async function countPublicTables(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'",
  );
  return rows[0]?.count ?? 0;
}
