import type { Queryable } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import { scopeCondition } from '../../auth/scope.js';
import { isoTimestampSql } from '../entry/entry.repository.js';
import type { TExportedValue } from './export.schema.js';

/** SQL of the data value export: resolve the scope once, then read it in keyset batches. */

/**
 * The resolved ids an export reads; `orgUnitId` undefined means every org unit. Only values of
 * org units in the reader's scope are read.
 */
export interface ExportScope {
  reader: Principal;
  dataElementIds: number[];
  periodIds: number[];
  orgUnitId: number | undefined;
  withChildren: boolean;
  sourceId: number | undefined;
}

/** The primary key of the last value of a batch: the next batch starts after it. */
export type ExportCursor = [number, number, number, number, number];

/** The first cursor: before every value. */
export const START_CURSOR: ExportCursor = [0, 0, 0, 0, 0];

/** Ids of a data set's elements, or undefined when the data set is unknown. */
export async function selectDataSetElementIds(db: Queryable, code: string): Promise<number[] | undefined> {
  const [row] = await db.query<{ ids: number[] }>(
    `SELECT coalesce(array_agg(x.data_element_id ORDER BY x.data_element_id), '{}') AS ids
     FROM data_set s LEFT JOIN data_set_element x ON x.data_set_id = s.id WHERE s.code = $1 GROUP BY s.id`,
    [code],
  );
  return row?.ids;
}

/** Id of the row of `table` with this code, or undefined. */
export async function selectIdByCode(
  db: Queryable,
  table: 'org_unit' | 'source',
  code: string,
): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  return row?.id;
}

/** Ids of the stored periods with these ids (periods never stored hold no values). */
export async function selectPeriodIds(db: Queryable, isos: readonly string[]): Promise<number[]> {
  const rows = await db.query<{ id: number }>('SELECT id FROM period WHERE iso = ANY($1::text[])', [isos]);
  return rows.map((row) => row.id);
}

/** Ids of the stored periods lying entirely inside [start, end]. */
export async function selectPeriodIdsBetween(db: Queryable, start: string, end: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    'SELECT id FROM period WHERE start_date >= $1::date AND end_date <= $2::date',
    [start, end],
  );
  return rows.map((row) => row.id);
}

type BatchRow = TExportedValue & { key: ExportCursor };

/**
 * Up to `limit` values of the scope after `cursor`, in primary-key order, with codes and ISO
 * timestamps. Keyset paging keeps each batch an index range scan however large the export.
 */
export async function selectExportBatch(
  db: Queryable,
  scope: ExportScope,
  cursor: ExportCursor,
  limit: number,
): Promise<BatchRow[]> {
  const params: unknown[] = [
    scope.dataElementIds,
    scope.periodIds,
    scope.orgUnitId ?? null,
    scope.withChildren,
    scope.sourceId ?? null,
    ...cursor,
    limit,
  ];
  const inScope = scopeCondition(scope.reader, 'dv.org_unit_id', params);
  return db.query<BatchRow>(
    `SELECT json_build_array(dv.data_element_id, dv.period_id, dv.org_unit_id, dv.option_combo_id, dv.source_id) AS key,
            e.code AS "dataElement", p.iso AS period, o.code AS "orgUnit", c.code AS "categoryOptionCombo",
            s.code AS "attributeOptionCombo", dv.value, dv.stored_by AS "storedBy",
            ${isoTimestampSql('dv.created')} AS created, ${isoTimestampSql('dv.last_updated')} AS "lastUpdated",
            dv.comment, dv.followup
     FROM data_value dv
     JOIN data_element e ON e.id = dv.data_element_id
     JOIN period p ON p.id = dv.period_id
     JOIN org_unit o ON o.id = dv.org_unit_id
     JOIN option_combo c ON c.id = dv.option_combo_id
     JOIN source s ON s.id = dv.source_id
     WHERE dv.data_element_id = ANY($1::integer[]) AND dv.period_id = ANY($2::integer[])
       AND ($3::integer IS NULL OR dv.org_unit_id IN (
             SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $3 AND ($4::boolean OR depth = 0)))
       AND ($5::integer IS NULL OR dv.source_id = $5)
       AND ${inScope}
       AND (dv.data_element_id, dv.period_id, dv.org_unit_id, dv.option_combo_id, dv.source_id)
           > ($6::integer, $7::integer, $8::integer, $9::integer, $10::integer)
     ORDER BY dv.data_element_id, dv.period_id, dv.org_unit_id, dv.option_combo_id, dv.source_id
     LIMIT $11`,
    params,
  );
}
