/**
 * Answers cached under the analytics data version. The version is read before the answer is
 * computed, and every committed write changes it (triggers, migration 007-analytics-version), so
 * a cached answer is at least as new as the data a request made after that write can see: a
 * saved value is in the very next answer. Only the store's own connection caches; a caller inside
 * a transaction (which may see its own uncommitted writes) always computes.
 */
import type { Db, Queryable } from '../../store/db.js';
import { readAnalyticsVersion } from './analytics.repository.js';

const MAX_ENTRIES = 256;

interface TCache {
  version: string;
  answers: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<object, TCache>();

function isStore(db: Queryable): db is Db {
  return typeof (db as Partial<Db>).transaction === 'function';
}

/** `compute()`'s answer for `key`, reused while the data version stays the same; a deep copy each call. */
export async function cachedAnswer<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  if (!isStore(db)) return compute();
  const version = await readAnalyticsVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, answers: new Map() };
    caches.set(db, cache);
  }
  let pending = cache.answers.get(key) as Promise<T> | undefined;
  if (!pending) {
    if (cache.answers.size >= MAX_ENTRIES) cache.answers.delete(cache.answers.keys().next().value ?? '');
    const answers = cache.answers;
    pending = compute();
    answers.set(key, pending);
    pending.catch(() => answers.delete(key));
  }
  return structuredClone(await pending);
}
