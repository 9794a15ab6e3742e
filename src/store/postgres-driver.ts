import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ChangeListener, Db, Queryable, Transaction } from './db.js';
import { LocalChanges } from './local-changes.js';
import { PostgresChannelListener } from './postgres-listener.js';

// Counts (bigint) and numerics come back as JS numbers; tiaodu's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
// Dates stay ISO strings (YYYY-MM-DD), as PGlite returns them after our casts.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

type ClientLike = pg.Pool | pg.PoolClient;

/**
 * `committed`, when given, is called after each statement that may have changed rows: outside a
 * transaction each statement commits on its own. A SELECT counts as a read (one calling a
 * function that writes is seen through its NOTIFY only), as does a statement that changed no row.
 */
function queryableOver(
  client: ClientLike,
  acquire: () => Promise<pg.PoolClient>,
  committed: () => void = () => undefined,
): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.query<Row & pg.QueryResultRow>(sql, params as unknown[]);
      if (result.command !== 'SELECT' && result.rowCount !== 0) committed();
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
      committed();
    },
    async copyFromCsv(
      table: string,
      columns: readonly string[],
      chunks: AsyncIterable<string>,
    ): Promise<number> {
      const connection = await acquire();
      try {
        const sink = connection.query(
          copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from(chunks), sink);
        committed();
        return Number(sink.rowCount ?? 0);
      } finally {
        if (connection !== client) connection.release();
      }
    },
  };
}

/** A PostgreSQL server store (`DATABASE_URL`), with a connection pool. */
export class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  private readonly direct: Queryable;
  private readonly localChanges = new LocalChanges();
  private readonly listeners = new Set<PostgresChannelListener>();

  constructor(readonly pool: pg.Pool) {
    this.direct = queryableOver(
      pool,
      () => pool.connect(),
      () => this.localChanges.committed(),
    );
  }

  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]> {
    return this.direct.query<Row>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  copyFromCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<number> {
    return this.direct.copyFromCsv(table, columns, chunks);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({ kind: 'postgres', ...queryableOver(client, async () => client) });
      await client.query('COMMIT');
      this.localChanges.committed();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onChange: () => void): Promise<ChangeListener> {
    const listener = new PostgresChannelListener(this.pool.options, channel, onChange);
    // Known before it connects, so that a close() meanwhile ends it too.
    this.listeners.add(listener);
    try {
      await listener.start();
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    const forgetLocal = this.localChanges.add(onChange);
    return {
      live: () => listener.live(),
      close: async () => {
        forgetLocal();
        this.listeners.delete(listener);
        await listener.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener.close()));
    await this.pool.end();
  }
}

export function openPostgresDb(connectionString: string, maxConnections = 10): PostgresDb {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresDb(pool);
}
