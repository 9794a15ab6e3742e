import { PGlite } from '@electric-sql/pglite';
import type { ChangeListener, Db, Queryable, Transaction } from './db.js';
import { LocalChanges } from './local-changes.js';

/**
 * Embedded store: PGlite in a folder (or in memory). PGlite has one connection, so every
 * top-level operation waits its turn in one queue; inside a transaction the queue is already held.
 */
export async function openPgliteDb(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteDb> {
  const pglite = await PGlite.create({
    // Same JS types as the pg driver: counts and numerics as numbers, dates as ISO strings.
    parsers: {
      20: (value: string) => Number.parseInt(value, 10),
      1700: (value: string) => Number.parseFloat(value),
      1082: (value: string) => value,
    },
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return new PgliteDb(pglite);
}

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

const COPY_CHUNK_CHARS = 8 * 1024 * 1024;

/** `committed`, when given, is called after each statement that changed rows (see the pg driver). */
function queryableOver(target: PgliteLike, committed: () => void = () => undefined): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await target.query<Row>(sql, params as unknown[]);
      if ((result.affectedRows ?? 0) > 0) committed();
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
      committed();
    },
    async copyFromCsv(
      table: string,
      columns: readonly string[],
      chunks: AsyncIterable<string>,
    ): Promise<number> {
      // PGlite reads COPY input from a blob; batch the stream into blobs of bounded size.
      const statement = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      let pending: string[] = [];
      let pendingChars = 0;
      let copied = 0;
      const flush = async () => {
        if (pendingChars === 0) return;
        const result = await target.query(statement, [], { blob: new Blob(pending) });
        copied += result.affectedRows ?? 0;
        pending = [];
        pendingChars = 0;
      };
      for await (const chunk of chunks) {
        pending.push(chunk);
        pendingChars += chunk.length;
        if (pendingChars >= COPY_CHUNK_CHARS) await flush();
      }
      await flush();
      committed();
      return copied;
    },
  };
}

export class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: Queryable;
  private readonly localChanges = new LocalChanges();

  constructor(readonly pglite: PGlite) {
    this.direct = queryableOver(pglite, () => this.localChanges.committed());
  }

  /** Runs `work` after everything queued before it, whatever their outcome. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]> {
    return this.serialize(() => this.direct.query<Row>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.serialize(() => this.direct.exec(sql));
  }

  copyFromCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<number> {
    return this.serialize(() => this.direct.copyFromCsv(table, columns, chunks));
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const result = await this.serialize(() =>
      this.pglite.transaction(async (pgTx) => work({ kind: 'pglite', ...queryableOver(pgTx) })),
    );
    this.localChanges.committed();
    return result;
  }

  /** PGlite is in this process only: its notifications come from this store's own statements. */
  async listen(channel: string, onChange: () => void): Promise<ChangeListener> {
    const unlisten = await this.serialize(() => this.pglite.listen(channel, onChange));
    const forgetLocal = this.localChanges.add(onChange);
    let open = true;
    return {
      live: () => open && !this.pglite.closed,
      close: async () => {
        if (!open) return;
        open = false;
        forgetLocal();
        if (!this.pglite.closed) await this.serialize(() => unlisten());
      },
    };
  }

  /** A tarball of the whole data directory (for test templates and backups). */
  dumpDataDir(): Promise<Blob> {
    return this.serialize(async () => {
      const dump = await this.pglite.dumpDataDir('none');
      return dump;
    });
  }

  async close(): Promise<void> {
    await this.serialize(() => this.pglite.close());
  }
}
