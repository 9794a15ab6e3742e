import { notFound } from '../../core/errors.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import type { TMetadataFile } from './metadata.schema.js';
import type {
  TDataElement,
  TDataSetDetail,
  TDataSetSummary,
  TIndicator,
  TOptionCombo,
  TOrgUnit,
  TOrgUnitDetail,
} from './metadata-api.schema.js';
import { readStoredMetadata } from './metadata-export.repository.js';
import * as read from './metadata-read.repository.js';
import { selectOptionCombos } from './option-combo.repository.js';
import { buildOptionCombos } from './option-combos.js';
import { selectDescendantCodes, selectOrgUnit, selectOrgUnits } from './org-unit.repository.js';

export { loadMetadataCatalog, type MetadataCatalog } from './metadata-catalog.js';
export { importMetadata } from './metadata-import.service.js';

/** The whole stored metadata as a metadata file (importing it into an empty store reproduces it). */
export async function exportMetadata(db: Queryable): Promise<Required<TMetadataFile>> {
  return readStoredMetadata(db);
}

/**
 * Children of `parent`, every unit at `level`, or the roots when neither — only units the
 * principal may see: its subtrees and their ancestors (names for breadcrumbs, no data).
 * NOT_FOUND for an unknown parent, FORBIDDEN for a parent it may not see.
 */
export async function listOrgUnits(
  db: Queryable,
  principal: Principal,
  filter: { parent?: string | undefined; level?: number | undefined } = {},
): Promise<TOrgUnit[]> {
  if (filter.parent !== undefined) await getOrgUnit(db, principal, filter.parent);
  return selectOrgUnits(db, principal, filter);
}

/**
 * One org unit with its ancestors (root first) and visible child count; NOT_FOUND when unknown,
 * FORBIDDEN outside the principal's subtrees unless it is an ancestor of one of them.
 */
export async function getOrgUnit(db: Queryable, principal: Principal, code: string): Promise<TOrgUnitDetail> {
  const found = await selectOrgUnit(db, principal, code);
  if (!found) throw notFound('org unit', code);
  const { id, isVisible, ...unit } = found;
  if (!isVisible) await assertOrgUnitsInScope(db, principal, [id]);
  return unit;
}

/** Codes of every unit below `code` (nearest first) in the principal's scope; NOT_FOUND when unknown. */
export async function listDescendantCodes(
  db: Queryable,
  principal: Principal,
  code: string,
): Promise<string[]> {
  await getOrgUnit(db, principal, code);
  return selectDescendantCodes(db, principal, code);
}

/** Every data element with its categories. */
export async function listDataElements(db: Queryable): Promise<TDataElement[]> {
  return (await read.selectDataElements(db)).map(({ id: _id, ...element }) => element);
}

/** Every indicator in display order. */
export async function listIndicators(db: Queryable): Promise<TIndicator[]> {
  return read.selectIndicators(db);
}

/** Every data set with its element codes and number of assigned units. */
export async function listDataSets(db: Queryable): Promise<TDataSetSummary[]> {
  return (await read.selectDataSets(db)).map(({ id: _id, ...set }) => set);
}

/**
 * One data set with its elements (each with its option combos and their display names), the
 * org units it is assigned to in the principal's scope and the sources values may come from;
 * NOT_FOUND when unknown.
 */
export async function getDataSet(db: Queryable, principal: Principal, code: string): Promise<TDataSetDetail> {
  const [set] = await read.selectDataSets(db, code);
  if (!set) throw notFound('data set', code);
  const { id, dataElements: codes, ...summary } = set;
  const elements = new Map((await listDataElements(db)).map((element) => [element.code, element]));
  const categories = await read.selectCategories(db);
  const optionNames = optionNamesOf(categories);
  const combos = await selectOptionCombos(db);
  const dataElements = codes.flatMap((elementCode) => {
    const element = elements.get(elementCode);
    if (!element) return [];
    const axes = element.categories.map((category) => ({
      code: category,
      options: categories.find((c) => c.code === category)?.options.map((o) => o.code) ?? [],
    }));
    const order = buildOptionCombos(axes).map((combo) => combo.code);
    const rank = (code: string) => (order.indexOf(code) + order.length + 1) % (order.length + 1);
    const optionCombos = combos
      .filter((combo) => combo.dataElement === elementCode)
      .sort((a, b) => rank(a.code) - rank(b.code))
      .map((combo) => nameCombo(combo, element.categories, optionNames));
    return [{ ...element, optionCombos }];
  });
  const sources = (await read.selectSources(db)).map(({ id: _id, ...source }) => source);
  return { ...summary, dataElements, orgUnits: await read.selectDataSetOrgUnits(db, id, principal), sources };
}

type OptionNames = Map<string, { name: string; nameEn: string | null }>;

function optionNamesOf(categories: Awaited<ReturnType<typeof read.selectCategories>>): OptionNames {
  const names: OptionNames = new Map();
  for (const category of categories) {
    for (const option of category.options) names.set(`${category.code}=${option.code}`, option);
  }
  return names;
}

/** `男, 三孩及以上` / `Male, Third and later`; the default combo is `合计` / `Total`. */
function nameCombo(
  combo: { code: string; options: Record<string, string> },
  categories: readonly string[],
  names: OptionNames,
): TOptionCombo {
  if (categories.length === 0)
    return { code: combo.code, name: '合计', nameEn: 'Total', options: combo.options };
  const parts = categories.map((category) => {
    const option = combo.options[category] ?? '';
    return names.get(`${category}=${option}`) ?? { name: option, nameEn: null };
  });
  const english = parts.every((part) => part.nameEn !== null)
    ? parts.map((part) => part.nameEn).join(', ')
    : null;
  return {
    code: combo.code,
    name: parts.map((part) => part.name).join(', '),
    nameEn: english,
    options: combo.options,
  };
}
