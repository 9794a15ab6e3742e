import { auditDataValueFunction, strippedValueJson } from './005-audit.js';

/**
 * A big import's merge without spills to disk and with less JSON work per audit row.
 *
 * - `data_value_monthly_apply` and `data_value_monthly_shift` get their own work_mem: their
 *   GROUP BY holds one hash entry per (element, combo, source, unit, month), ~210 bytes each, and
 *   with the merge's 64 MB (×2 for hashes) a million-value import spilled 138 MB to temporary files
 *   in 1,025 batches. 160 MB (a 320 MB hash) holds a million values; small writes use what they need.
 * - `audit_data_value` builds `{"value": …}` directly when a created or deleted value has no
 *   comment and no follow-up (almost every imported row) instead of building three fields and
 *   stripping the nulls: half the time for that column (2.2 → 1.0 s per million rows). The audit
 *   rows are the same as before; the rest of the function is migration 005's
 *   (`auditDataValueFunction`).
 */

/** The created or deleted value `r` as audit JSON: value, and comment and follow-up when set. */
function valueJson(r: string): string {
  return `CASE WHEN ${r}.comment IS NULL AND NOT ${r}.followup THEN jsonb_build_object('value', ${r}.value)
        ELSE ${strippedValueJson(r)} END`;
}

export const importMergeMemorySchema = `
ALTER FUNCTION data_value_monthly_apply() SET work_mem = '160MB';
ALTER FUNCTION data_value_monthly_shift(integer[], integer) SET work_mem = '160MB';

${auditDataValueFunction({ replace: true, valueJson })}`;
