import type { TSectionStats } from './metadata-api.schema.js';

/**
 * Which entries of a file section are new or changed against the store. Entries are compared in
 * the file's parsed shape (the same shape export writes), ignoring key order.
 */

/** `value` as JSON with object keys sorted and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const entries = Object.entries(member as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export interface SectionDiff<T> {
  /** Entries to write: new or different from the stored entry with the same key. */
  changed: T[];
  stats: TSectionStats;
}

/** The entries of `entries` that differ from `stored` (matched by `key`), with counts. */
export function diffSection<T>(
  entries: readonly T[] | undefined,
  stored: readonly T[],
  key: (entry: T) => string,
): SectionDiff<T> {
  const storedByKey = new Map(stored.map((entry) => [key(entry), canonicalJson(entry)]));
  const diff: SectionDiff<T> = { changed: [], stats: { created: 0, updated: 0, unchanged: 0 } };
  for (const entry of entries ?? []) {
    const before = storedByKey.get(key(entry));
    if (before === undefined) diff.stats.created += 1;
    else if (before === canonicalJson(entry)) {
      diff.stats.unchanged += 1;
      continue;
    } else diff.stats.updated += 1;
    diff.changed.push(entry);
  }
  return diff;
}
