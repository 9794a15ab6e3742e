import type { Queryable } from '../../../store/db.js';
import type { TValueType } from '../value-rules.js';
import type { TDataValueKey, TStoredDataValue } from './entry.schema.js';

/** SQL for single-value entry: resolve codes, upsert, delete, read one form. */

/** An ISO-8601 UTC timestamp text, identical on PGlite and the PostgreSQL server. */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** What the codes of a value's key resolve to; a field is undefined when its code is unknown. */
export interface ResolvedKey {
  dataElement?: { id: number; valueType: TValueType; optionComboId: number | null };
  orgUnitId?: number;
  sourceId?: number;
  /** Data sets holding the element, with their period type and whether the org unit reports them. */
  dataSets: Array<{ code: string; periodType: string; isAssigned: boolean }>;
}

/** Resolves the codes of one value's key to ids (four small indexed lookups). */
export async function resolveKey(db: Queryable, key: Omit<TDataValueKey, 'period'>): Promise<ResolvedKey> {
  const [element] = await db.query<{ id: number; valueType: TValueType; optionComboId: number | null }>(
    `SELECT e.id, e.value_type AS "valueType",
            (SELECT c.id FROM option_combo c WHERE c.data_element_id = e.id AND c.code = $2) AS "optionComboId"
     FROM data_element e WHERE e.code = $1`,
    [key.dataElement, key.categoryOptionCombo],
  );
  const [unit] = await db.query<{ id: number }>('SELECT id FROM org_unit WHERE code = $1', [key.orgUnit]);
  const [source] = await db.query<{ id: number }>('SELECT id FROM source WHERE code = $1', [
    key.attributeOptionCombo,
  ]);
  const dataSets = element
    ? await db.query<{ code: string; periodType: string; isAssigned: boolean }>(
        `SELECT s.code, s.period_type AS "periodType",
                EXISTS (SELECT 1 FROM data_set_org_unit a
                        WHERE a.data_set_id = s.id AND a.org_unit_id = $2) AS "isAssigned"
         FROM data_set s JOIN data_set_element x ON x.data_set_id = s.id
         WHERE x.data_element_id = $1 ORDER BY s.code COLLATE "C"`,
        [element.id, unit?.id ?? -1],
      )
    : [];
  return {
    ...(element ? { dataElement: element } : {}),
    ...(unit ? { orgUnitId: unit.id } : {}),
    ...(source ? { sourceId: source.id } : {}),
    dataSets,
  };
}

/** The ids of a stored value's key. */
export interface ValueIds {
  dataElementId: number;
  periodId: number;
  orgUnitId: number;
  optionComboId: number;
  sourceId: number;
}

export interface UpsertFields {
  value: string;
  num: number | null;
  /** undefined keeps the stored comment (or none for a new value). */
  comment: string | null | undefined;
  followup: boolean | undefined;
  storedBy: string;
  /** When given, an existing value is only updated if it is still at this version. */
  expectedVersion: number | undefined;
}

/** The stored fields of `data_value` (aliased `dv`) as the API names them. */
const RETURNING = `dv.value, dv.comment, dv.followup, dv.stored_by AS "storedBy", dv.version,
  ${isoTimestampSql('dv.created')} AS created, ${isoTimestampSql('dv.last_updated')} AS "lastUpdated"`;

type StoredFields = Pick<
  TStoredDataValue,
  'value' | 'comment' | 'followup' | 'storedBy' | 'version' | 'created' | 'lastUpdated'
>;

/**
 * Inserts or updates one value; an update bumps `version` and `last_updated`. Returns the stored
 * row, or undefined when `expectedVersion` no longer matches.
 */
export async function upsertValue(
  db: Queryable,
  ids: ValueIds,
  fields: UpsertFields,
): Promise<StoredFields | undefined> {
  const [row] = await db.query<StoredFields>(
    `INSERT INTO data_value AS dv (data_element_id, period_id, org_unit_id, option_combo_id, source_id,
                                   value, num, comment, followup, stored_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::boolean, false), $10)
     ON CONFLICT (data_element_id, period_id, org_unit_id, option_combo_id, source_id) DO UPDATE SET
       value = EXCLUDED.value, num = EXCLUDED.num,
       comment = CASE WHEN $11::boolean THEN EXCLUDED.comment ELSE dv.comment END,
       followup = coalesce($9::boolean, dv.followup),
       stored_by = EXCLUDED.stored_by, last_updated = now(), version = dv.version + 1
     WHERE $12::integer IS NULL OR dv.version = $12::integer
     RETURNING ${RETURNING}`,
    [
      ids.dataElementId,
      ids.periodId,
      ids.orgUnitId,
      ids.optionComboId,
      ids.sourceId,
      fields.value,
      fields.num,
      fields.comment ?? null,
      fields.followup ?? null,
      fields.storedBy,
      fields.comment !== undefined,
      fields.expectedVersion ?? null,
    ],
  );
  return row;
}

/** The value currently stored for a key (to explain a refused update), or undefined. */
export async function selectCurrent(db: Queryable, ids: ValueIds): Promise<StoredFields | undefined> {
  const [row] = await db.query<StoredFields>(
    `SELECT ${RETURNING} FROM data_value dv WHERE dv.data_element_id = $1 AND dv.period_id = $2
       AND dv.org_unit_id = $3 AND dv.option_combo_id = $4 AND dv.source_id = $5`,
    [ids.dataElementId, ids.periodId, ids.orgUnitId, ids.optionComboId, ids.sourceId],
  );
  return row;
}

/** Deletes the value with this key (codes); returns what was stored, or undefined when none was. */
export async function deleteValue(db: Queryable, key: TDataValueKey): Promise<StoredFields | undefined> {
  const [row] = await db.query<StoredFields>(
    `DELETE FROM data_value dv USING data_element e, period p, org_unit o, option_combo c, source s
     WHERE e.code = $1 AND p.iso = $2 AND o.code = $3 AND c.data_element_id = e.id AND c.code = $4
       AND s.code = $5 AND dv.data_element_id = e.id AND dv.period_id = p.id AND dv.org_unit_id = o.id
       AND dv.option_combo_id = c.id AND dv.source_id = s.id
     RETURNING ${RETURNING}`,
    [key.dataElement, key.period, key.orgUnit, key.categoryOptionCombo, key.attributeOptionCombo],
  );
  return row;
}

/** The stored values of a data set's elements for one org unit and period, in form order. */
export async function selectFormValues(
  db: Queryable,
  codes: { dataSet: string; period: string; orgUnit: string },
): Promise<TStoredDataValue[]> {
  return db.query<TStoredDataValue>(
    `SELECT e.code AS "dataElement", p.iso AS period, o.code AS "orgUnit", c.code AS "categoryOptionCombo",
            s.code AS "attributeOptionCombo", dv.value, dv.comment, dv.followup, dv.stored_by AS "storedBy",
            dv.version, ${isoTimestampSql('dv.created')} AS created,
            ${isoTimestampSql('dv.last_updated')} AS "lastUpdated"
     FROM data_set ds
     JOIN data_set_element x ON x.data_set_id = ds.id
     JOIN data_element e ON e.id = x.data_element_id
     JOIN org_unit o ON o.code = $3
     JOIN period p ON p.iso = $2
     JOIN data_value dv ON dv.data_element_id = e.id AND dv.period_id = p.id AND dv.org_unit_id = o.id
     JOIN option_combo c ON c.id = dv.option_combo_id
     JOIN source s ON s.id = dv.source_id
     WHERE ds.code = $1
     ORDER BY x.sort_order, c.id, s.code COLLATE "C"`,
    [codes.dataSet, codes.period, codes.orgUnit],
  );
}

/** Whether a data set with this code exists, and the id of the org unit with this code. */
export async function selectExistence(
  db: Queryable,
  codes: { dataSet: string; orgUnit: string },
): Promise<{ hasDataSet: boolean; orgUnitId: number | undefined }> {
  const [row] = await db.query<{ hasDataSet: boolean; orgUnitId: number | null }>(
    `SELECT EXISTS (SELECT 1 FROM data_set WHERE code = $1) AS "hasDataSet",
            (SELECT id FROM org_unit WHERE code = $2) AS "orgUnitId"`,
    [codes.dataSet, codes.orgUnit],
  );
  return { hasDataSet: row?.hasDataSet ?? false, orgUnitId: row?.orgUnitId ?? undefined };
}
