import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../store/db.js';
import { STAGING_COLUMNS } from './staged-csv.js';
import { STAGED_KEY, stagedKeyCodes, stagedKeyJoins } from './staged-key.sql.js';

const PREFIX = 'import_stage_';
/** Staging tables left by a killed import are dropped by a later import after this long. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Creates an empty UNLOGGED staging table (no WAL; emptied by crash recovery) with a unique name
 * and returns the name; drops staging tables that killed imports left behind long ago.
 */
export async function createStagingTable(db: Queryable, now = Date.now()): Promise<string> {
  await dropStaleStagingTables(db, now);
  const name = `${PREFIX}${now.toString(36)}_${randomBytes(4).toString('hex')}`;
  await db.exec(`CREATE UNLOGGED TABLE ${name} (
    line            integer NOT NULL,
    data_element_id integer NOT NULL,
    period          text NOT NULL,
    org_unit_id     integer NOT NULL,
    option_combo_id integer NOT NULL,
    source_id       integer NOT NULL,
    value           text NOT NULL,
    num             double precision,
    comment         text,
    followup        boolean NOT NULL,
    deleted         boolean NOT NULL
  )`);
  return name;
}

/** Drops a staging table (idempotent). */
export async function dropStagingTable(db: Queryable, name: string): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${name}`);
}

async function dropStaleStagingTables(db: Queryable, now: number): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '${PREFIX}%'`,
  );
  for (const { tablename } of tables) {
    const created = Number.parseInt(tablename.slice(PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(created) && now - created > STALE_AFTER_MS) await dropStagingTable(db, tablename);
  }
}

/** Streams CSV chunks of staged rows into the staging table with COPY; returns the rows copied. */
export async function copyIntoStaging(
  db: Queryable,
  name: string,
  chunks: AsyncIterable<string>,
): Promise<number> {
  return db.copyFromCsv(name, STAGING_COLUMNS, chunks);
}

/** A staged row repeating an earlier row's key (element, period, org unit, combo, source). */
export interface StagedDuplicate {
  line: number;
  firstLine: number;
  /** `BIRTHS 202601 QS0101 M.1 STAT`: the key in codes. */
  key: string;
}

/**
 * Rows whose key an earlier row of the file already has, in line order: the first `limit` of
 * them and how many there are in all. Found in SQL so a million keys never sit in memory.
 */
export async function findStagedDuplicates(
  db: Queryable,
  name: string,
  limit: number,
): Promise<{ total: number; listed: StagedDuplicate[] }> {
  const rows = await db.query<{ line: number; first_line: number; key: string; total: number }>(
    `SELECT d.line, d.first_line, d.total,
            ${stagedKeyCodes('d')} AS key
     FROM (
       SELECT k.*, count(*) OVER () AS total FROM (
         SELECT line, data_element_id, period, org_unit_id, option_combo_id, source_id,
                min(line) OVER (PARTITION BY ${STAGED_KEY}) AS first_line
         FROM ${name}
       ) k WHERE k.line <> k.first_line
       ORDER BY k.line LIMIT greatest($1::int, 1)
     ) d
     ${stagedKeyJoins('d')}
     ORDER BY d.line`,
    [limit],
  );
  return {
    total: rows[0]?.total ?? 0,
    listed: rows.map((row) => ({ line: row.line, firstLine: row.first_line, key: row.key })),
  };
}

/**
 * Deletes every staged row whose key an earlier row already has (the first row of a key wins),
 * so the merge sees each key once. Returns how many rows were deleted.
 */
export async function deleteLaterDuplicates(db: Queryable, name: string): Promise<number> {
  const [row] = await db.query<{ deleted: number }>(
    `WITH removed AS (
       DELETE FROM ${name} WHERE line IN (
         SELECT line FROM (
           SELECT line, min(line) OVER (PARTITION BY ${STAGED_KEY}) AS first_line FROM ${name}
         ) k WHERE k.line <> k.first_line
       ) RETURNING 1
     )
     SELECT count(*)::int AS deleted FROM removed`,
  );
  return row?.deleted ?? 0;
}

/** How many rows are staged, and how many of them are deletes. */
export async function countStagedRows(
  db: Queryable,
  name: string,
): Promise<{ rows: number; deletes: number }> {
  const [row] = await db.query<{ rows: number; deletes: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE deleted)::int AS deletes FROM ${name}`,
  );
  return row ?? { rows: 0, deletes: 0 };
}
