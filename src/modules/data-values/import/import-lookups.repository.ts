import type { PeriodType } from '../../../core/periods/period-types.js';
import type { Queryable } from '../../../store/db.js';
import type { TValueType } from '../value-rules.js';

/** A data element as the import checks it: ids, value type, combos and the data sets holding it. */
export interface ImportElement {
  id: number;
  code: string;
  valueType: TValueType;
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  /** Option combo id by code (`M.3P`, `default`). */
  optionCombos: Map<string, number>;
  /** Ids of the data sets holding the element. */
  dataSetIds: number[];
}

/** A data set: its period type and the org units that report it. */
export interface ImportDataSet {
  id: number;
  code: string;
  periodType: PeriodType;
  elementIds: Set<number>;
  orgUnitIds: Set<number>;
}

/** Everything an import resolves codes against, loaded once per import (a handful of queries). */
export interface ImportLookups {
  dataElements: Map<string, ImportElement>;
  orgUnits: Map<string, number>;
  sources: Map<string, number>;
  dataSets: Map<number, ImportDataSet>;
  dataSetsByCode: Map<string, ImportDataSet>;
}

/** Loads the code → id maps, value types, option combos and data-set assignments. */
export async function loadImportLookups(db: Queryable): Promise<ImportLookups> {
  const dataElements = new Map<string, ImportElement>();
  const elementsById = new Map<number, ImportElement>();
  const elementRows = await db.query<{
    id: number;
    code: string;
    value_type: TValueType;
    aggregation: ImportElement['aggregation'];
  }>('SELECT id, code, value_type, aggregation FROM data_element');
  for (const row of elementRows) {
    const element: ImportElement = {
      id: row.id,
      code: row.code,
      valueType: row.value_type,
      aggregation: row.aggregation,
      optionCombos: new Map(),
      dataSetIds: [],
    };
    dataElements.set(row.code, element);
    elementsById.set(row.id, element);
  }
  const combos = await db.query<{ id: number; code: string; data_element_id: number }>(
    'SELECT id, code, data_element_id FROM option_combo',
  );
  for (const combo of combos) elementsById.get(combo.data_element_id)?.optionCombos.set(combo.code, combo.id);
  const dataSets = await loadDataSets(db, elementsById);
  return {
    dataElements,
    orgUnits: await loadCodes(db, 'SELECT id, code FROM org_unit'),
    sources: await loadCodes(db, 'SELECT id, code FROM source'),
    dataSets,
    dataSetsByCode: new Map([...dataSets.values()].map((set) => [set.code, set])),
  };
}

async function loadCodes(db: Queryable, sql: string): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; code: string }>(sql);
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function loadDataSets(
  db: Queryable,
  elementsById: Map<number, ImportElement>,
): Promise<Map<number, ImportDataSet>> {
  const sets = new Map<number, ImportDataSet>();
  const rows = await db.query<{ id: number; code: string; period_type: PeriodType }>(
    'SELECT id, code, period_type FROM data_set ORDER BY code',
  );
  for (const row of rows) {
    sets.set(row.id, {
      id: row.id,
      code: row.code,
      periodType: row.period_type,
      elementIds: new Set(),
      orgUnitIds: new Set(),
    });
  }
  const members = await db.query<{ data_set_id: number; data_element_id: number }>(
    'SELECT data_set_id, data_element_id FROM data_set_element ORDER BY data_set_id',
  );
  for (const member of members) {
    sets.get(member.data_set_id)?.elementIds.add(member.data_element_id);
    elementsById.get(member.data_element_id)?.dataSetIds.push(member.data_set_id);
  }
  const assigned = await db.query<{ data_set_id: number; org_unit_id: number }>(
    'SELECT data_set_id, org_unit_id FROM data_set_org_unit',
  );
  for (const row of assigned) sets.get(row.data_set_id)?.orgUnitIds.add(row.org_unit_id);
  return sets;
}
