/** SQL fragments over rows keyed like a staging table (line, data element, period, org unit, combo, source). */

/** The key of a data value, in staging-table columns. */
export const STAGED_KEY = 'data_element_id, period, org_unit_id, option_combo_id, source_id';

/** `BIRTHS 202601 QS0101 M.1 STAT`: the key of row `alias` in codes (with `stagedKeyJoins(alias)`). */
export function stagedKeyCodes(alias: string): string {
  return `concat_ws(' ', de.code, ${alias}.period, ou.code, oc.code, src.code)`;
}

/** The joins that `stagedKeyCodes(alias)` reads. */
export function stagedKeyJoins(alias: string): string {
  return `JOIN data_element de ON de.id = ${alias}.data_element_id
     JOIN org_unit ou ON ou.id = ${alias}.org_unit_id
     JOIN option_combo oc ON oc.id = ${alias}.option_combo_id
     JOIN source src ON src.id = ${alias}.source_id`;
}

/**
 * A query over `source` (a table or CTE with a `line` and the key columns): each key's first line,
 * in line order, at most `limitParam` (an SQL parameter such as `$1`) of them, with `total` = how
 * many keys there are — so a key repeated in a file is listed once.
 */
export function firstLinePerKey(source: string, limitParam: string): string {
  return `SELECT r.*, count(*) OVER () AS total FROM (
         SELECT ${source}.*, min(line) OVER (PARTITION BY ${STAGED_KEY}) AS first_line FROM ${source}
       ) r WHERE r.line = r.first_line
       ORDER BY r.line LIMIT greatest(${limitParam}::int, 1)`;
}
