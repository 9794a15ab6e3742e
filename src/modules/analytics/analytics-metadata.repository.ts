/** Reads the metadata analytics needs: indicators, targets, elements, combos, sources, org units. */
import type { Queryable } from '../../store/db.js';

export interface TIndicatorRow {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  numerator: string;
  denominator: string;
  factor: number;
  kind: 'rate' | 'proportion' | 'sexRatio' | 'plain';
  unit: string | null;
  decimals: number;
}

export interface TOrgUnitRow {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: number | null;
  level: number;
}

export interface TTargetRow {
  indicatorId: number;
  orgUnitId: number;
  year: number;
  rule: 'BELOW_PREVIOUS_YEAR' | 'ABOVE_PREVIOUS_YEAR' | 'AT_MOST' | 'AT_LEAST' | 'CHANGE_BY';
  threshold: number | null;
}

export interface TDataElementRow {
  id: number;
  code: string;
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  categories: string[];
}

const INDICATOR_COLUMNS = `id, code, name, name_en AS "nameEn", numerator, denominator, factor, kind, unit, decimals`;
const ORG_UNIT_COLUMNS = `id, code, name, name_en AS "nameEn", parent_id AS "parentId", level`;

/** Every indicator in display order. */
export async function listIndicators(db: Queryable): Promise<TIndicatorRow[]> {
  return db.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator ORDER BY sort_order, code`);
}

/** The indicator with `code`, or undefined. */
export async function findIndicator(db: Queryable, code: string): Promise<TIndicatorRow | undefined> {
  const rows = await db.query<TIndicatorRow>(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE code = $1`, [
    code,
  ]);
  return rows[0];
}

/** The org unit with `code`, or undefined. */
export async function findOrgUnit(db: Queryable, code: string): Promise<TOrgUnitRow | undefined> {
  const rows = await db.query<TOrgUnitRow>(`SELECT ${ORG_UNIT_COLUMNS} FROM org_unit WHERE code = $1`, [
    code,
  ]);
  return rows[0];
}

/** Descendants of `orgUnitId` exactly `depth` levels below it, by code. */
export async function listDescendants(
  db: Queryable,
  orgUnitId: number,
  depth: number,
): Promise<TOrgUnitRow[]> {
  return db.query(
    `SELECT o.id, o.code, o.name, o.name_en AS "nameEn", o.parent_id AS "parentId", o.level
     FROM org_unit_closure c
     JOIN org_unit o ON o.id = c.descendant_id
     WHERE c.ancestor_id = $1 AND c.depth = $2 ORDER BY o.code`,
    [orgUnitId, depth],
  );
}

/** Targets of the given indicators for the given org units and year. */
export async function listTargets(
  db: Queryable,
  indicatorIds: readonly number[],
  orgUnitIds: readonly number[],
  year: number,
): Promise<TTargetRow[]> {
  return db.query(
    `SELECT indicator_id AS "indicatorId", org_unit_id AS "orgUnitId", year, rule, threshold FROM target
     WHERE indicator_id = ANY($1::int[]) AND org_unit_id = ANY($2::int[]) AND year = $3`,
    [indicatorIds, orgUnitIds, year],
  );
}

/** Data elements by code. */
export async function listDataElements(db: Queryable, codes: readonly string[]): Promise<TDataElementRow[]> {
  return db.query(`SELECT id, code, aggregation, categories FROM data_element WHERE code = ANY($1::text[])`, [
    codes,
  ]);
}

/** Option combos of the given data elements with their options. */
export async function listOptionCombos(
  db: Queryable,
  dataElementIds: readonly number[],
): Promise<Array<{ id: number; dataElementId: number; code: string; options: Record<string, string> }>> {
  return db.query(
    `SELECT id, data_element_id AS "dataElementId", code, options FROM option_combo
     WHERE data_element_id = ANY($1::int[])`,
    [dataElementIds],
  );
}

/** Source ids by code. */
export async function listSources(db: Queryable): Promise<Array<{ id: number; code: string }>> {
  return db.query('SELECT id, code FROM source');
}

/** Constant values by code. */
export async function listConstants(db: Queryable): Promise<Array<{ code: string; value: number }>> {
  return db.query('SELECT code, value FROM constant');
}
