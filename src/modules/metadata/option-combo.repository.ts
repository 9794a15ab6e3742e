import type { Queryable } from '../../store/db.js';

/** Option combos: one row per cell of a data element's disaggregation. */

export interface StoredOptionCombo {
  id: number;
  dataElement: string;
  code: string;
  options: Record<string, string>;
}

/** Every stored option combo with its data element's code. */
export async function selectOptionCombos(db: Queryable): Promise<StoredOptionCombo[]> {
  return db.query<StoredOptionCombo>(
    `SELECT oc.id, de.code AS "dataElement", oc.code, oc.options
     FROM option_combo oc JOIN data_element de ON de.id = oc.data_element_id
     ORDER BY de.code COLLATE "C", oc.id`,
  );
}

/** Number of data values per option combo id, for the ids that have any. */
export async function countDataValuesByCombo(
  db: Queryable,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: number; count: number }>(
    `SELECT option_combo_id AS id, count(*)::int AS count FROM data_value
     WHERE option_combo_id IN (SELECT jsonb_array_elements_text($1::jsonb)::int) GROUP BY option_combo_id`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, row.count]));
}

/** Adds option combos (data element by code). */
export async function insertOptionCombos(
  db: Queryable,
  combos: readonly Omit<StoredOptionCombo, 'id'>[],
): Promise<void> {
  if (combos.length === 0) return;
  await db.query(
    `INSERT INTO option_combo (data_element_id, code, options)
     SELECT de.id, x.code, x.options FROM jsonb_to_recordset($1::jsonb) AS x("dataElement" text, code text, options jsonb)
     JOIN data_element de ON de.code = x."dataElement"`,
    [JSON.stringify(combos)],
  );
}

/** Removes option combos by id (callers first make sure none has data values). */
export async function deleteOptionCombos(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('DELETE FROM option_combo WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::int)', [
    JSON.stringify(ids),
  ]);
}
