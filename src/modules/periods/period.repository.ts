import type { Period } from '../../core/periods/period-types.js';
import type { Queryable } from '../../store/db.js';

/**
 * Makes sure every period has a row and returns the ids by period id (`202609` → 17).
 * Safe under concurrency: rows another writer inserted meanwhile are picked up.
 */
export async function ensurePeriods(db: Queryable, periods: readonly Period[]): Promise<Map<string, number>> {
  const unique = [...new Map(periods.map((period) => [period.id, period])).values()];
  const ids = new Map<string, number>();
  if (unique.length === 0) return ids;
  await db.query(
    `INSERT INTO period (iso, type, start_date, end_date)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])
     ON CONFLICT (iso) DO NOTHING`,
    [
      unique.map((p) => p.id),
      unique.map((p) => p.type),
      unique.map((p) => p.start),
      unique.map((p) => p.end),
    ],
  );
  const rows = await db.query<{ id: number; iso: string }>(
    'SELECT id, iso FROM period WHERE iso = ANY($1::text[])',
    [unique.map((p) => p.id)],
  );
  for (const row of rows) ids.set(row.iso, row.id);
  return ids;
}
