import type { ExpressionCatalog } from '../../core/expressions/index.js';
import type { TMetadataFile, TTargetEntry } from './metadata.schema.js';

/**
 * The store's metadata with a file laid over it, entry by entry (a file entry replaces the stored
 * entry with the same code). References in a file may point at either.
 */
export interface MergedMetadata {
  orgUnitParents: Map<string, string | null>;
  categories: Map<string, string[]>;
  sources: Set<string>;
  dataElements: Map<string, string[]>;
  indicators: Set<string>;
  constants: Set<string>;
}

/** Key of a target: it has no code of its own. */
export function targetKey(target: Pick<TTargetEntry, 'indicator' | 'orgUnit' | 'year'>): string {
  return `${target.indicator}|${target.orgUnit}|${target.year}`;
}

/** The store (`stored`) overlaid with `file`, reduced to what references are checked against. */
export function mergeMetadata(stored: TMetadataFile, file: TMetadataFile): MergedMetadata {
  const codes = <T extends { code: string }>(section: (metadata: TMetadataFile) => T[] | undefined) =>
    overlay(section(stored), section(file));
  return {
    orgUnitParents: mapValues(
      codes((m) => m.orgUnits),
      (unit) => unit.parent,
    ),
    categories: mapValues(
      codes((m) => m.categories),
      (category) => category.options.map((o) => o.code),
    ),
    sources: new Set(codes((m) => m.sources).keys()),
    dataElements: mapValues(
      codes((m) => m.dataElements),
      (element) => element.categories,
    ),
    indicators: new Set(codes((m) => m.indicators).keys()),
    constants: new Set(codes((m) => m.constants).keys()),
  };
}

/** Entries by code: `base` first, then `over` replacing entries with the same code. */
export function overlay<T extends { code: string }>(
  base: T[] | undefined,
  over: T[] | undefined,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of [...(base ?? []), ...(over ?? [])]) map.set(entry.code, entry);
  return map;
}

function mapValues<T, V>(map: Map<string, T>, value: (entry: T) => V): Map<string, V> {
  return new Map([...map].map(([key, entry]) => [key, value(entry)]));
}

/** An expression catalog over merged metadata (the default source counts as known). */
export function mergedCatalog(merged: MergedMetadata, defaultSource: string): ExpressionCatalog {
  return {
    findDataElement(code) {
      const categories = merged.dataElements.get(code);
      if (!categories) return undefined;
      return {
        categories: categories.map((category) => ({
          code: category,
          options: merged.categories.get(category) ?? [],
        })),
      };
    },
    hasSource: (code) => code === defaultSource || merged.sources.has(code),
    hasConstant: (code) => merged.constants.has(code),
  };
}
