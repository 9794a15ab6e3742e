import { AppError } from '../../core/errors.js';
import type { Db, Transaction } from '../../store/db.js';
import { setAuditActor } from '../audit/audit-actor.js';
import { CLI_PRINCIPAL, type Principal } from '../auth/principal.js';
import * as repository from './metadata.repository.js';
import {
  DEFAULT_SOURCE,
  METADATA_SECTIONS,
  type TMetadataFile,
  type TMetadataSection,
  type TOrgUnitEntry,
} from './metadata.schema.js';
import { checkMetadataFile, invalidMetadata, parseMetadataFile } from './metadata.validation.js';
import type { TMetadataError, TMetadataImportResult } from './metadata-api.schema.js';
import { diffSection, type SectionDiff } from './metadata-diff.js';
import { readStoredMetadata } from './metadata-export.repository.js';
import { overlay, targetKey } from './metadata-merge.js';
import * as combos from './option-combo.repository.js';
import { buildOptionCombos } from './option-combos.js';
import { rebuildOrgUnitTree, upsertOrgUnits } from './org-unit.repository.js';
import { computeTree } from './org-unit-tree.js';

/** Thrown inside the transaction to roll a dry run back while keeping its result. */
class DryRunRollback extends Error {
  constructor(readonly result: TMetadataImportResult) {
    super('dry run');
  }
}

/**
 * Imports a metadata file (any JSON value): validates all of it against the store and itself,
 * then writes new and changed entries by code in one transaction. Idempotent: importing the
 * same file again writes nothing and counts every entry unchanged. With `dryRun` the same work
 * runs and is rolled back. Throws INVALID_METADATA listing every problem; nothing is written then.
 * Metadata spans the whole tree: only a principal with scope 'ALL' may import (FORBIDDEN else);
 * the changes are audited as its ('cli' for the operator, else 'api').
 */
export async function importMetadata(
  db: Db,
  input: unknown,
  options: { dryRun?: boolean; principal?: Principal } = {},
): Promise<TMetadataImportResult> {
  const principal = options.principal ?? CLI_PRINCIPAL;
  if (principal.scope !== 'ALL')
    throw new AppError(
      'FORBIDDEN',
      'metadata covers every org unit: only a user without assigned org units may import it',
    );
  const file = normaliseFile(parseMetadataFile(input));
  const dryRun = options.dryRun ?? false;
  try {
    return await db.transaction(async (tx) => {
      await setAuditActor(tx, { principal, how: principal.via === 'cli' ? 'cli' : 'api' });
      await repository.lockMetadata(tx);
      const stored = await readStoredMetadata(tx);
      const errors = checkMetadataFile(file, stored);
      if (errors.length > 0) throw invalidMetadata(errors);
      const result: TMetadataImportResult = { dryRun, stats: await applyFile(tx, file, stored) };
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

/** Assignment lists are sets: sorted and without repeats, as the store gives them back. */
function normaliseFile(file: TMetadataFile): TMetadataFile {
  if (!file.dataSets) return file;
  const dataSets = file.dataSets.map((set) =>
    set.orgUnits ? { ...set, orgUnits: [...new Set(set.orgUnits)].sort() } : set,
  );
  return { ...file, dataSets };
}

type Diffs = { [S in TMetadataSection]: SectionDiff<NonNullable<TMetadataFile[S]>[number]> };

async function applyFile(
  tx: Transaction,
  file: TMetadataFile,
  stored: Required<TMetadataFile>,
): Promise<TMetadataImportResult['stats']> {
  const byCode = (entry: { code: string }) => entry.code;
  const diffs: Diffs = {
    sources: diffSection(withDefaultSource(file, stored), stored.sources, byCode),
    categories: diffSection(file.categories, stored.categories, byCode),
    orgUnits: diffSection(file.orgUnits, stored.orgUnits, byCode),
    dataElements: diffSection(file.dataElements, stored.dataElements, byCode),
    dataSets: diffSection(file.dataSets, stored.dataSets, byCode),
    constants: diffSection(file.constants, stored.constants, byCode),
    indicators: diffSection(file.indicators, stored.indicators, byCode),
    targets: diffSection(file.targets, stored.targets, targetKey),
    reconciliations: diffSection(file.reconciliations, stored.reconciliations, byCode),
    validationRules: diffSection(file.validationRules, stored.validationRules, byCode),
  };
  await repository.upsertSources(tx, diffs.sources.changed);
  await repository.upsertCategories(tx, diffs.categories.changed);
  const treeChanged = await writeOrgUnits(tx, file, stored, diffs.orgUnits.changed);
  await repository.upsertDataElements(tx, diffs.dataElements.changed);
  if (diffs.categories.changed.length + diffs.dataElements.changed.length > 0) {
    await syncOptionCombos(tx, file, stored);
  }
  await repository.upsertDataSets(tx, diffs.dataSets.changed);
  if (treeChanged || diffs.dataSets.changed.length > 0) await repository.refreshLevelAssignments(tx);
  await repository.upsertConstants(tx, diffs.constants.changed);
  await repository.upsertIndicators(tx, diffs.indicators.changed);
  await repository.upsertTargets(tx, diffs.targets.changed);
  await repository.upsertReconciliations(tx, diffs.reconciliations.changed);
  await repository.upsertValidationRules(tx, diffs.validationRules.changed);
  return Object.fromEntries(
    METADATA_SECTIONS.map((section) => [section, diffs[section].stats]),
  ) as TMetadataImportResult['stats'];
}

/** Writes new and changed units; when any was created or moved, updates the tree. Returns whether it did. */
async function writeOrgUnits(
  tx: Transaction,
  file: TMetadataFile,
  stored: Required<TMetadataFile>,
  changed: readonly TOrgUnitEntry[],
): Promise<boolean> {
  const tree = computeTree(
    new Map([...overlay(stored.orgUnits, file.orgUnits)].map(([code, u]) => [code, u.parent])),
  );
  const rows = changed.map((unit) => ({ ...unit, level: 0, path: '', ...tree.get(unit.code) }));
  await upsertOrgUnits(tx, rows);
  const parents = new Map(stored.orgUnits.map((unit) => [unit.code, unit.parent]));
  const placed = changed.filter((unit) => parents.get(unit.code) !== unit.parent).map((unit) => unit.code);
  await rebuildOrgUnitTree(tx, placed);
  return placed.length > 0;
}

/** The file's sources plus the default source when neither the file nor the store has it. */
function withDefaultSource(file: TMetadataFile, stored: Required<TMetadataFile>): TMetadataFile['sources'] {
  const known = [...stored.sources, ...(file.sources ?? [])].some((s) => s.code === DEFAULT_SOURCE.code);
  return known ? file.sources : [...(file.sources ?? []), { ...DEFAULT_SOURCE }];
}

/**
 * Makes every data element's option combos the product of its categories' options. A combo
 * that would disappear while it has data values is refused (INVALID_METADATA) instead.
 */
async function syncOptionCombos(
  tx: Transaction,
  file: TMetadataFile,
  stored: Required<TMetadataFile>,
): Promise<void> {
  const categories = overlay(stored.categories, file.categories);
  const wanted = new Map<string, { dataElement: string; code: string; options: Record<string, string> }>();
  for (const element of overlay(stored.dataElements, file.dataElements).values()) {
    const axes = element.categories.map((code) => ({
      code,
      options: categories.get(code)?.options.map((option) => option.code) ?? [],
    }));
    for (const combo of buildOptionCombos(axes)) {
      wanted.set(`${element.code}|${combo.code}`, { dataElement: element.code, ...combo });
    }
  }
  const existing = await combos.selectOptionCombos(tx);
  const existingKeys = new Set(existing.map((combo) => `${combo.dataElement}|${combo.code}`));
  const removed = existing.filter((combo) => !wanted.has(`${combo.dataElement}|${combo.code}`));
  const counts = await combos.countDataValuesByCombo(
    tx,
    removed.map((combo) => combo.id),
  );
  const refused: TMetadataError[] = removed
    .filter((combo) => counts.has(combo.id))
    .map((combo) => ({
      path: comboPath(
        file,
        combo.dataElement,
        overlay(stored.dataElements, file.dataElements).get(combo.dataElement)?.categories ?? [],
      ),
      message: `would remove option combo "${combo.code}" of data element "${combo.dataElement}", which has ${counts.get(combo.id)} data values`,
    }));
  if (refused.length > 0) throw invalidMetadata(refused);
  await combos.deleteOptionCombos(
    tx,
    removed.map((combo) => combo.id),
  );
  await combos.insertOptionCombos(
    tx,
    [...wanted.entries()].filter(([key]) => !existingKeys.has(key)).map(([, combo]) => combo),
  );
}

/** Where in the file a removed combo comes from: the element's entry, else one of its categories. */
function comboPath(file: TMetadataFile, dataElement: string, categories: readonly string[]): string {
  const elementIndex = (file.dataElements ?? []).findIndex((entry) => entry.code === dataElement);
  if (elementIndex >= 0) return `dataElements[${elementIndex}].categories`;
  const categoryIndex = (file.categories ?? []).findIndex((entry) => categories.includes(entry.code));
  return categoryIndex >= 0 ? `categories[${categoryIndex}].options` : 'dataElements';
}
