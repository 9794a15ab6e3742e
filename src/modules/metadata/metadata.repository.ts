import type { Queryable } from '../../store/db.js';
import type {
  TCategoryEntry,
  TConstantEntry,
  TDataElementEntry,
  TDataSetEntry,
  TIndicatorEntry,
  TReconciliationEntry,
  TSourceEntry,
  TTargetEntry,
  TValidationRuleEntry,
} from './metadata.schema.js';

/**
 * Writes metadata entries by code, set-based: each function sends its rows as one JSON parameter
 * (`jsonb_to_recordset`), which both drivers pass the same way. Callers pass only entries that
 * are new or changed, inside the import's transaction.
 */

const json = (rows: unknown): string => JSON.stringify(rows);

/** Serialises metadata imports (two concurrent imports would race on the tree and combos). */
export async function lockMetadata(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(7401)');
}

/** Inserts or updates sources by code. */
export async function upsertSources(db: Queryable, entries: readonly TSourceEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO source (code, name, name_en)
     SELECT code, name, name_en FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, name_en text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en`,
    [json(entries.map((e) => ({ code: e.code, name: e.name, name_en: e.nameEn ?? null })))],
  );
}

/** Inserts or updates categories and makes each one's options exactly the listed ones, in order. */
export async function upsertCategories(db: Queryable, entries: readonly TCategoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO category (code, name, name_en)
     SELECT code, name, name_en FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, name_en text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en`,
    [json(entries.map((e) => ({ code: e.code, name: e.name, name_en: e.nameEn ?? null })))],
  );
  const options = entries.flatMap((category) =>
    category.options.map((option, index) => ({
      category: category.code,
      code: option.code,
      name: option.name,
      name_en: option.nameEn ?? null,
      sort_order: index,
    })),
  );
  await db.query(
    `DELETE FROM category_option o USING category c
     WHERE c.id = o.category_id AND c.code IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(category text, code text)
                       WHERE x.category = c.code AND x.code = o.code)`,
    [json(entries.map((e) => e.code)), json(options)],
  );
  await db.query(
    `INSERT INTO category_option (category_id, code, name, name_en, sort_order)
     SELECT c.id, x.code, x.name, x.name_en, x.sort_order
     FROM jsonb_to_recordset($1::jsonb) AS x(category text, code text, name text, name_en text, sort_order int)
     JOIN category c ON c.code = x.category
     ON CONFLICT (category_id, code) DO UPDATE
       SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, sort_order = EXCLUDED.sort_order`,
    [json(options)],
  );
}

/** Inserts or updates data elements by code (option combos are kept separately). */
export async function upsertDataElements(
  db: Queryable,
  entries: readonly TDataElementEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    code: e.code,
    name: e.name,
    name_en: e.nameEn ?? null,
    value_type: e.valueType,
    aggregation: e.aggregation,
    categories: e.categories,
  }));
  await db.query(
    `INSERT INTO data_element (code, name, name_en, value_type, aggregation, categories)
     SELECT code, name, name_en, value_type, aggregation, ARRAY(SELECT jsonb_array_elements_text(categories))
     FROM jsonb_to_recordset($1::jsonb)
       AS x(code text, name text, name_en text, value_type text, aggregation text, categories jsonb)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
       value_type = EXCLUDED.value_type, aggregation = EXCLUDED.aggregation, categories = EXCLUDED.categories`,
    [json(rows)],
  );
}

/**
 * Inserts or updates data sets by code, replacing their element lists; for a set assigned by
 * an explicit list, replaces its org units too (level assignments: `refreshLevelAssignments`).
 */
export async function upsertDataSets(db: Queryable, entries: readonly TDataSetEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    code: e.code,
    name: e.name,
    name_en: e.nameEn ?? null,
    period_type: e.periodType,
    due_days: e.dueDays,
    expiry_days: e.expiryDays,
    org_unit_level: e.orgUnitLevel ?? null,
  }));
  await db.query(
    `INSERT INTO data_set (code, name, name_en, period_type, due_days, expiry_days, org_unit_level)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, name_en text, period_type text,
       due_days int, expiry_days int, org_unit_level int)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
       period_type = EXCLUDED.period_type, due_days = EXCLUDED.due_days,
       expiry_days = EXCLUDED.expiry_days, org_unit_level = EXCLUDED.org_unit_level`,
    [json(rows)],
  );
  const codes = json(entries.map((e) => e.code));
  const inSets =
    'data_set_id IN (SELECT id FROM data_set WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb)))';
  await db.query(`DELETE FROM data_set_element WHERE ${inSets}`, [codes]);
  await db.query(`DELETE FROM data_set_org_unit WHERE ${inSets}`, [codes]);
  const elements = entries.flatMap((e) =>
    e.dataElements.map((code, index) => ({ data_set: e.code, code, sort_order: index })),
  );
  await db.query(
    `INSERT INTO data_set_element (data_set_id, data_element_id, sort_order)
     SELECT s.id, d.id, x.sort_order FROM jsonb_to_recordset($1::jsonb) AS x(data_set text, code text, sort_order int)
     JOIN data_set s ON s.code = x.data_set JOIN data_element d ON d.code = x.code`,
    [json(elements)],
  );
  const units = entries.flatMap((e) => (e.orgUnits ?? []).map((code) => ({ data_set: e.code, code })));
  await db.query(
    `INSERT INTO data_set_org_unit (data_set_id, org_unit_id)
     SELECT DISTINCT s.id, o.id FROM jsonb_to_recordset($1::jsonb) AS x(data_set text, code text)
     JOIN data_set s ON s.code = x.data_set JOIN org_unit o ON o.code = x.code`,
    [json(units)],
  );
}

/** Makes every level-assigned data set's org units exactly the units now at its level. */
export async function refreshLevelAssignments(db: Queryable): Promise<void> {
  await db.exec(
    `DELETE FROM data_set_org_unit d USING data_set s, org_unit o
     WHERE d.data_set_id = s.id AND d.org_unit_id = o.id
       AND s.org_unit_level IS NOT NULL AND o.level <> s.org_unit_level;
     INSERT INTO data_set_org_unit (data_set_id, org_unit_id)
     SELECT s.id, o.id FROM data_set s JOIN org_unit o ON o.level = s.org_unit_level
     ON CONFLICT DO NOTHING;`,
  );
}

/** Inserts or updates constants by code. */
export async function upsertConstants(db: Queryable, entries: readonly TConstantEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO constant (code, name, value)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, value float8)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, value = EXCLUDED.value`,
    [json(entries)],
  );
}

/** Inserts or updates indicators by code; new ones are listed after the existing ones, in file order. */
export async function upsertIndicators(db: Queryable, entries: readonly TIndicatorEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e, index) => ({
    ...e,
    name_en: e.nameEn ?? null,
    unit: e.unit ?? null,
    ord: index,
  }));
  await db.query(
    `INSERT INTO indicator (code, name, name_en, numerator, denominator, factor, kind, unit, decimals, sort_order)
     SELECT code, name, name_en, numerator, denominator, factor, kind, unit, decimals,
            (SELECT coalesce(max(sort_order), -1) + 1 FROM indicator) + ord
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, name_en text, numerator text,
       denominator text, factor float8, kind text, unit text, decimals int, ord int)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
       numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, factor = EXCLUDED.factor,
       kind = EXCLUDED.kind, unit = EXCLUDED.unit, decimals = EXCLUDED.decimals`,
    [json(rows)],
  );
}

/** Inserts or updates targets by (indicator, org unit, year). */
export async function upsertTargets(db: Queryable, entries: readonly TTargetEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ ...e, threshold: e.threshold ?? null }));
  await db.query(
    `INSERT INTO target (indicator_id, org_unit_id, year, rule, threshold)
     SELECT i.id, o.id, x.year, x.rule, x.threshold
     FROM jsonb_to_recordset($1::jsonb) AS x("indicator" text, "orgUnit" text, year int, rule text, threshold float8)
     JOIN indicator i ON i.code = x."indicator" JOIN org_unit o ON o.code = x."orgUnit"
     ON CONFLICT (indicator_id, org_unit_id, year) DO UPDATE SET rule = EXCLUDED.rule, threshold = EXCLUDED.threshold`,
    [json(rows)],
  );
}

/** Inserts or updates reconciliations by code (the definition kept as the file's JSON). */
export async function upsertReconciliations(
  db: Queryable,
  entries: readonly TReconciliationEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ code, name, ...definition }) => ({ code, name: name ?? null, definition }));
  await upsertDefinitions(db, 'reconciliation', rows);
}

/** Inserts or updates validation rules by code (the definition kept as the file's JSON). */
export async function upsertValidationRules(
  db: Queryable,
  entries: readonly TValidationRuleEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ code, name, ...definition }) => ({ code, name, definition }));
  await upsertDefinitions(db, 'validation_rule', rows);
}

async function upsertDefinitions(
  db: Queryable,
  table: 'reconciliation' | 'validation_rule',
  rows: { code: string; name: string | null; definition: unknown }[],
): Promise<void> {
  await db.query(
    `INSERT INTO ${table} (code, name, definition)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, definition jsonb)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition`,
    [json(rows)],
  );
}
