import type { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { DEFAULT_SOURCE, type TMetadataFile, ZMetadataFile } from './metadata.schema.js';
import type { TMetadataError } from './metadata-api.schema.js';
import { mergeMetadata } from './metadata-merge.js';
import { checkReferences } from './metadata-references.js';
import { describeCycle, findCycles } from './org-unit-tree.js';

/** `indicators[3].factor`: a JSON path as users read it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(file)' : text;
}

/** The INVALID_METADATA error listing every problem (`details.errors`). */
export function invalidMetadata(errors: readonly TMetadataError[]): AppError {
  const shown = errors.slice(0, 3).map((error) => `${error.path}: ${error.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return new AppError('INVALID_METADATA', `${count} in the metadata file: ${shown.join('; ')}${more}`, {
    errors,
  });
}

/** The file parsed with defaults filled in, or INVALID_METADATA naming the path of every bad field. */
export function parseMetadataFile(input: unknown): TMetadataFile {
  const parsed = ZMetadataFile.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidMetadata(parsed.error.issues.map(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): TMetadataError {
  const message = issue.message.replace(/^Invalid input: /, '');
  return { path: formatPath(issue.path), message };
}

/**
 * Every problem of a parsed file that its schema cannot see: duplicate codes, unknown references
 * (checked against the store and the file together), cycles in the org-unit tree, bad expressions.
 */
export function checkMetadataFile(file: TMetadataFile, stored: TMetadataFile): TMetadataError[] {
  const merged = mergeMetadata(stored, file);
  const errors = [...findDuplicates(file), ...findTreeCycles(file, merged.orgUnitParents)];
  errors.push(...checkReferences(file, stored, merged, DEFAULT_SOURCE.code));
  return errors;
}

function findDuplicates(file: TMetadataFile): TMetadataError[] {
  const errors: TMetadataError[] = [];
  const check = (section: string, keys: string[], describe: (key: string) => string) => {
    const first = new Map<string, number>();
    keys.forEach((key, index) => {
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else
        errors.push({
          path: `${section}[${index}]`,
          message: `${describe(key)} (also at ${section}[${earlier}])`,
        });
    });
  };
  const byCode = (key: string) => `duplicate code "${key}"`;
  check(
    'orgUnits',
    (file.orgUnits ?? []).map((entry) => entry.code),
    byCode,
  );
  check(
    'categories',
    (file.categories ?? []).map((entry) => entry.code),
    byCode,
  );
  (file.categories ?? []).forEach((category, index) => {
    const options = category.options.map((option) => option.code);
    check(`categories[${index}].options`, options, (key) => `duplicate option "${key}"`);
  });
  for (const section of ['sources', 'dataElements', 'dataSets', 'indicators', 'reconciliations'] as const) {
    check(
      section,
      (file[section] ?? []).map((entry) => entry.code),
      byCode,
    );
  }
  check(
    'constants',
    (file.constants ?? []).map((entry) => entry.code),
    byCode,
  );
  check(
    'validationRules',
    (file.validationRules ?? []).map((entry) => entry.code),
    byCode,
  );
  const targetKeys = (file.targets ?? []).map((t) => `${t.indicator}, ${t.orgUnit}, ${t.year}`);
  check('targets', targetKeys, (key) => `duplicate target for ${key}`);
  return errors;
}

function findTreeCycles(file: TMetadataFile, parents: Map<string, string | null>): TMetadataError[] {
  const units = file.orgUnits ?? [];
  const errors: TMetadataError[] = [];
  for (const cycle of findCycles(parents)) {
    const index = units.findIndex((unit) => cycle.includes(unit.code));
    const path = index < 0 ? 'orgUnits' : `orgUnits[${index}].parent`;
    errors.push({ path, message: `cycle in the org-unit tree: ${describeCycle(cycle)} (each → its parent)` });
  }
  return errors;
}
