import { monthlyUpsertFunction } from './002-aggregates.js';

/**
 * The monthly aggregates' upsert (`data_value_monthly_sql`, migration 002) takes its rows in the
 * table's key order, as the rebuild (migration 009) already does.
 *
 * In hash order, a million-value import probes and inserts all over `data_value_monthly`'s primary
 * key. Once that index and its heap outgrow the buffer pool, nearly every row reads a page back:
 * on PGlite, whose 128 MB pool pages through WebAssembly file calls, the trigger took 453 s for
 * 1,000,000 new values against 9.1 s for 300,000. In key order it took 28.9 s. On the server the
 * import benchmark's store fits in memory and took as long as before; at province scale (a 5.9 GB
 * table) the trigger for a million values took 43 s against 88 s from a cold cache
 * (docs/performance.md). The statement is otherwise migration 002's (`monthlyUpsertFunction`).
 */
export const monthlyUpsertOrderSchema = monthlyUpsertFunction({ replace: true, keyOrder: true });
