/**
 * Answers cached under the analytics data version. The version is read before the answer is
 * computed, and every committed write changes it (triggers, migration 007-analytics-version), so
 * a cached answer is at least as new as the data a request made after that write can see: a
 * saved value is in the very next answer.
 *
 * Reading the version costs a round trip, so it is read only when the store may have changed
 * since: each write NOTIFYs (migration 010) and the store reports its own commits before they
 * resolve (`Db.listen`). While nothing was reported the cached answer is served without asking the
 * database. A write by another process shows once its notification arrives, a moment after its
 * commit. Without a live listener every request reads the version. Only the store's own
 * connection caches; a caller inside a transaction (which may see its own uncommitted writes)
 * always computes.
 */
import type { ChangeListener, Db, Queryable } from '../../store/db.js';
import { ANALYTICS_VERSION_CHANNEL, readAnalyticsVersion } from './analytics.repository.js';

const MAX_ENTRIES = 256;

interface TCache {
  version: string;
  /** The watch's count of reported changes when `version` was read. */
  changes: number;
  answers: Map<string, Promise<unknown>>;
}

interface TWatch {
  /** Changes reported so far: a cache read at an older count may be stale. */
  changes: number;
  listener?: ChangeListener;
}

const caches = new WeakMap<object, TCache>();
const watches = new WeakMap<object, TWatch>();

function isStore(db: Queryable): db is Db {
  return typeof (db as Partial<Db>).transaction === 'function';
}

function watchOf(db: Db): TWatch {
  const known = watches.get(db);
  if (known) return known;
  const watch: TWatch = { changes: 0 };
  watches.set(db, watch);
  db.listen(ANALYTICS_VERSION_CHANNEL, () => {
    watch.changes++;
  }).then(
    (listener) => {
      watch.listener = listener;
    },
    // Not listening: every request reads the version, as without a watch.
    () => undefined,
  );
  return watch;
}

/** The cache valid now, reading the data version only when a change may have happened. */
async function currentCache(db: Db): Promise<TCache | undefined> {
  const watch = watchOf(db);
  const cached = caches.get(db);
  if (cached && watch.listener?.live() && cached.changes === watch.changes) return cached;
  // Counted before reading: a change reported during the read invalidates what it returns.
  const changes = watch.changes;
  const version = await readAnalyticsVersion(db);
  const latest = caches.get(db);
  if (latest && latest.changes > changes) {
    // A newer read finished first; use it only if it saw the same data.
    return latest.version === version ? latest : undefined;
  }
  if (latest?.version === version) {
    latest.changes = changes;
    return latest;
  }
  const fresh: TCache = { version, changes, answers: new Map() };
  caches.set(db, fresh);
  return fresh;
}

/**
 * `compute()`'s answer for `key`, reused while the data version stays the same. Answers are
 * deep-frozen and shared by every caller: read them, never change them.
 */
export async function cachedAnswer<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  if (!isStore(db)) return compute();
  const cache = await currentCache(db);
  if (!cache) return deepFreeze(await compute());
  let pending = cache.answers.get(key) as Promise<T> | undefined;
  if (!pending) {
    if (cache.answers.size >= MAX_ENTRIES) cache.answers.delete(cache.answers.keys().next().value ?? '');
    const answers = cache.answers;
    pending = compute().then(deepFreeze);
    answers.set(key, pending);
    pending.catch(() => answers.delete(key));
  }
  return pending;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
