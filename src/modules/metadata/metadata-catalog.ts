import type { ExpressionCatalog } from '../../core/expressions/index.js';
import type { PeriodType } from '../../core/periods/period-types.js';
import type { Queryable } from '../../store/db.js';
import { CLI_PRINCIPAL } from '../auth/principal.js';
import { DEFAULT_SOURCE, type TTargetEntry } from './metadata.schema.js';
import type { TDataElement, TIndicator } from './metadata-api.schema.js';
import { readTargets } from './metadata-export.repository.js';
import * as read from './metadata-read.repository.js';
import { selectOptionCombos } from './option-combo.repository.js';

/** An org unit as other modules need it: id for SQL, level and path for the tree. */
export interface CatalogOrgUnit {
  id: number;
  code: string;
  level: number;
  /** `/QS/QS01/QS0101`: codes from the root. */
  path: string;
  parent: string | null;
}

export interface CatalogOptionCombo {
  id: number;
  code: string;
  options: Record<string, string>;
}

/** A data element with its categories' options and its option combos by code. */
export interface CatalogDataElementEntry extends TDataElement {
  id: number;
  /** Categories in disaggregation order with their option codes (the expression catalog's shape). */
  categoryOptions: Array<{ code: string; options: string[] }>;
  optionCombos: Map<string, CatalogOptionCombo>;
}

export interface CatalogDataSet {
  id: number;
  code: string;
  periodType: PeriodType;
  dueDays: number;
  expiryDays: number;
  dataElements: string[];
  orgUnits: Set<string>;
}

/** All metadata in memory, keyed by code; also an ExpressionCatalog for validating expressions. */
export interface MetadataCatalog extends ExpressionCatalog {
  orgUnits: Map<string, CatalogOrgUnit>;
  dataElements: Map<string, CatalogDataElementEntry>;
  sources: Map<string, { id: number; code: string; name: string; nameEn: string | null }>;
  /** The source of values that name none (`STAT`). */
  defaultSource: string;
  constants: Map<string, number>;
  indicators: Map<string, TIndicator>;
  dataSets: Map<string, CatalogDataSet>;
  targets: TTargetEntry[];
}

/** Loads every piece of metadata the expression validator, imports and analytics need (a few queries). */
export async function loadMetadataCatalog(db: Queryable): Promise<MetadataCatalog> {
  const categories = new Map(
    (await read.selectCategories(db)).map((c) => [c.code, c.options.map((o) => o.code)]),
  );
  const combos = await selectOptionCombos(db);
  const dataElements = new Map<string, CatalogDataElementEntry>();
  for (const element of await read.selectDataElements(db)) {
    const optionCombos = new Map(
      combos
        .filter((combo) => combo.dataElement === element.code)
        .map((combo) => [combo.code, { id: combo.id, code: combo.code, options: combo.options }]),
    );
    const categoryOptions = element.categories.map((code) => ({ code, options: categories.get(code) ?? [] }));
    dataElements.set(element.code, { ...element, categoryOptions, optionCombos });
  }
  const constants = new Map((await read.selectConstants(db)).map((c) => [c.code, c.value]));
  const sources = new Map((await read.selectSources(db)).map((s) => [s.code, s]));
  return {
    orgUnits: new Map((await read.selectOrgUnitIndex(db)).map((unit) => [unit.code, unit])),
    dataElements,
    sources,
    defaultSource: DEFAULT_SOURCE.code,
    constants,
    indicators: new Map((await read.selectIndicators(db)).map((i) => [i.code, i])),
    dataSets: await loadDataSets(db),
    targets: await readTargets(db),
    findDataElement: (code) => {
      const element = dataElements.get(code);
      return element ? { categories: element.categoryOptions } : undefined;
    },
    hasSource: (code) => sources.has(code),
    hasConstant: (code) => constants.has(code),
  };
}

async function loadDataSets(db: Queryable): Promise<Map<string, CatalogDataSet>> {
  const sets = new Map<string, CatalogDataSet>();
  for (const set of await read.selectDataSets(db)) {
    sets.set(set.code, {
      id: set.id,
      code: set.code,
      periodType: set.periodType,
      dueDays: set.dueDays,
      expiryDays: set.expiryDays,
      dataElements: set.dataElements,
      orgUnits: new Set(await read.selectDataSetOrgUnits(db, set.id, CLI_PRINCIPAL)),
    });
  }
  return sets;
}
