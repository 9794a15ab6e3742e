import type { Db } from '../../../store/db.js';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { copyIntoStaging } from './import-staging.repository.js';
import type { RowValidator } from './row-validator.js';
import { stagedCsvLine } from './staged-csv.js';

/** Rows one at a time or in batches (the built-in readers yield batches: one async step per chunk). */
export type RowSource = AsyncIterable<TRawDataValueRow | readonly TRawDataValueRow[]>;

/** How staging went: rows read, and why reading stopped early if it did. */
export interface StagingResult {
  rowsRead: number;
  /** A reader's failure (a broken file, a body too large), caught so the COPY ends cleanly. */
  failure: { error: unknown } | undefined;
}

const PROGRESS_EVERY = 10_000;
/** Characters per CSV chunk handed to COPY (small enough to keep memory flat). */
const CHUNK_CHARS = 1024 * 1024;

/**
 * Checks every row and COPYs the valid ones, resolved to ids, into the staging table — one
 * streaming COPY, fed in chunks of ~1 MiB of CSV. `onRows` hears the running row count.
 */
export async function stageRows(
  db: Db,
  table: string,
  source: RowSource,
  validator: RowValidator,
  onRows: (rowsRead: number) => void,
): Promise<StagingResult> {
  const result: StagingResult = { rowsRead: 0, failure: undefined };
  async function* chunks(): AsyncGenerator<string> {
    let parts: string[] = [];
    let chars = 0;
    let nextReport = PROGRESS_EVERY;
    try {
      for await (const item of source) {
        const batch: readonly TRawDataValueRow[] = isBatch(item) ? item : [item];
        for (const row of batch) {
          const staged = validator.validate(row);
          if (!staged) continue;
          const line = stagedCsvLine(staged);
          parts.push(line);
          chars += line.length;
        }
        result.rowsRead += batch.length;
        if (result.rowsRead >= nextReport) {
          onRows(result.rowsRead);
          nextReport = result.rowsRead - (result.rowsRead % PROGRESS_EVERY) + PROGRESS_EVERY;
        }
        if (chars >= CHUNK_CHARS) {
          yield parts.join('');
          parts = [];
          chars = 0;
        }
      }
    } catch (error) {
      result.failure = { error };
    }
    if (parts.length > 0) yield parts.join('');
  }
  await copyIntoStaging(db, table, chunks());
  return result;
}

function isBatch(item: TRawDataValueRow | readonly TRawDataValueRow[]): item is readonly TRawDataValueRow[] {
  return Array.isArray(item);
}
