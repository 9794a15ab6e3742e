import type { Queryable } from '../../store/db.js';
import type {
  TCategoryEntry,
  TDataElementEntry,
  TDataSetEntry,
  TIndicatorEntry,
  TMetadataFile,
  TOrgUnitEntry,
  TReconciliationEntry,
  TTargetEntry,
  TValidationRuleEntry,
} from './metadata.schema.js';

/**
 * Reads the stored metadata back in the metadata-file shape (what export writes and what an
 * import is compared against). Orders are fixed and store-independent (`COLLATE "C"`), so an
 * export is the same on PGlite and a PostgreSQL server.
 */

type Named = { code: string; name: string; name_en: string | null };

/** `{code, name, nameEn?}` from a row; nameEn left out when null. */
function named(row: Named): { code: string; name: string; nameEn?: string } {
  return { code: row.code, name: row.name, ...(row.name_en === null ? {} : { nameEn: row.name_en }) };
}

/** Every section of the stored metadata (all present, possibly empty). */
export async function readStoredMetadata(db: Queryable): Promise<Required<TMetadataFile>> {
  return {
    orgUnits: await readOrgUnits(db),
    categories: await readCategories(db),
    sources: (await db.query<Named>('SELECT code, name, name_en FROM source ORDER BY code COLLATE "C"')).map(
      named,
    ),
    dataElements: await readDataElements(db),
    dataSets: await readDataSets(db),
    indicators: await readIndicators(db),
    targets: await readTargets(db),
    reconciliations: await readReconciliations(db),
    constants: await db.query<{ code: string; name: string; value: number }>(
      'SELECT code, name, value FROM constant ORDER BY code COLLATE "C"',
    ),
    validationRules: await readValidationRules(db),
  };
}

async function readOrgUnits(db: Queryable): Promise<TOrgUnitEntry[]> {
  const rows = await db.query<Named & { parent: string | null }>(
    `SELECT o.code, o.name, o.name_en, p.code AS parent
     FROM org_unit o LEFT JOIN org_unit p ON p.id = o.parent_id
     ORDER BY o.path COLLATE "C"`,
  );
  return rows.map((row) => ({ ...named(row), parent: row.parent }));
}

async function readCategories(db: Queryable): Promise<TCategoryEntry[]> {
  const categories = await db.query<Named>(
    'SELECT code, name, name_en FROM category ORDER BY code COLLATE "C"',
  );
  const options = await db.query<Named & { category: string }>(
    `SELECT c.code AS category, o.code, o.name, o.name_en
     FROM category_option o JOIN category c ON c.id = o.category_id
     ORDER BY o.sort_order, o.id`,
  );
  return categories.map((category) => ({
    ...named(category),
    options: options.filter((option) => option.category === category.code).map(named),
  }));
}

async function readDataElements(db: Queryable): Promise<TDataElementEntry[]> {
  const rows = await db.query<Named & Pick<TDataElementEntry, 'valueType' | 'aggregation' | 'categories'>>(
    `SELECT code, name, name_en, value_type AS "valueType", aggregation, categories
     FROM data_element ORDER BY code COLLATE "C"`,
  );
  return rows.map((row) => ({
    ...named(row),
    valueType: row.valueType,
    aggregation: row.aggregation,
    categories: row.categories,
  }));
}

async function readDataSets(db: Queryable): Promise<TDataSetEntry[]> {
  type Row = Named & Pick<TDataSetEntry, 'periodType' | 'dueDays' | 'expiryDays'> & { level: number | null };
  const sets = await db.query<Row>(
    `SELECT code, name, name_en, period_type AS "periodType", due_days AS "dueDays",
            expiry_days AS "expiryDays", org_unit_level AS level
     FROM data_set ORDER BY code COLLATE "C"`,
  );
  const elements = await db.query<{ data_set: string; code: string }>(
    `SELECT s.code AS data_set, e.code FROM data_set_element x
     JOIN data_set s ON s.id = x.data_set_id JOIN data_element e ON e.id = x.data_element_id
     ORDER BY x.sort_order`,
  );
  const units = await db.query<{ data_set: string; code: string }>(
    `SELECT s.code AS data_set, o.code FROM data_set_org_unit x
     JOIN data_set s ON s.id = x.data_set_id JOIN org_unit o ON o.id = x.org_unit_id
     WHERE s.org_unit_level IS NULL ORDER BY o.code COLLATE "C"`,
  );
  const codesOf = (rows: { data_set: string; code: string }[], set: string) =>
    rows.filter((row) => row.data_set === set).map((row) => row.code);
  return sets.map((set) => ({
    ...named(set),
    periodType: set.periodType,
    dueDays: set.dueDays,
    expiryDays: set.expiryDays,
    dataElements: codesOf(elements, set.code),
    ...(set.level === null ? { orgUnits: codesOf(units, set.code) } : { orgUnitLevel: set.level }),
  }));
}

async function readIndicators(db: Queryable): Promise<TIndicatorEntry[]> {
  type Row = Named & Omit<TIndicatorEntry, 'code' | 'name' | 'nameEn' | 'unit'> & { unit: string | null };
  const rows = await db.query<Row>(
    `SELECT code, name, name_en, numerator, denominator, factor, kind, unit, decimals
     FROM indicator ORDER BY sort_order, id`,
  );
  return rows.map((row) => ({
    ...named(row),
    numerator: row.numerator,
    denominator: row.denominator,
    factor: row.factor,
    kind: row.kind,
    ...(row.unit === null ? {} : { unit: row.unit }),
    decimals: row.decimals,
  }));
}

/** Every target with indicator and org-unit codes. */
export async function readTargets(db: Queryable): Promise<TTargetEntry[]> {
  const rows = await db.query<Omit<TTargetEntry, 'threshold'> & { threshold: number | null }>(
    `SELECT i.code AS indicator, o.code AS "orgUnit", t.year, t.rule, t.threshold
     FROM target t JOIN indicator i ON i.id = t.indicator_id JOIN org_unit o ON o.id = t.org_unit_id
     ORDER BY i.code COLLATE "C", o.code COLLATE "C", t.year`,
  );
  return rows.map(({ threshold, ...rest }) => ({ ...rest, ...(threshold === null ? {} : { threshold }) }));
}

async function readReconciliations(db: Queryable): Promise<TReconciliationEntry[]> {
  const rows = await db.query<{
    code: string;
    name: string | null;
    definition: Omit<TReconciliationEntry, 'code' | 'name'>;
  }>('SELECT code, name, definition FROM reconciliation ORDER BY code COLLATE "C"');
  const side = <T extends { dataElement: string; source?: string; options?: Record<string, string> }>(
    value: T,
  ) => ({
    dataElement: value.dataElement,
    ...(value.source === undefined ? {} : { source: value.source }),
    ...(value.options === undefined ? {} : { options: value.options }),
  });
  return rows.map((row) => ({
    code: row.code,
    ...(row.name === null ? {} : { name: row.name }),
    a: side(row.definition.a),
    b: side(row.definition.b),
    matched: side(row.definition.matched),
  }));
}

async function readValidationRules(db: Queryable): Promise<TValidationRuleEntry[]> {
  type Definition = Omit<TValidationRuleEntry, 'code' | 'name'>;
  const rows = await db.query<{ code: string; name: string; definition: Definition }>(
    'SELECT code, name, definition FROM validation_rule ORDER BY code COLLATE "C"',
  );
  const side = (value: Definition['leftSide']) => ({
    expression: value.expression,
    ...(value.description === undefined ? {} : { description: value.description }),
  });
  return rows.map(({ code, name, definition }) => ({
    code,
    name,
    leftSide: side(definition.leftSide),
    operator: definition.operator,
    rightSide: side(definition.rightSide),
    importance: definition.importance,
    ...(definition.periodType === undefined ? {} : { periodType: definition.periodType }),
  }));
}
