import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Queryable, Transaction } from './db.js';

// Counts (bigint) and numerics come back as JS numbers; tiaodu's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
// Dates stay ISO strings (YYYY-MM-DD), as PGlite returns them after our casts.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

type ClientLike = pg.Pool | pg.PoolClient;

function queryableOver(client: ClientLike, acquire: () => Promise<pg.PoolClient>): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.query<Row & pg.QueryResultRow>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
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

  constructor(readonly pool: pg.Pool) {
    this.direct = queryableOver(pool, () => pool.connect());
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
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function openPostgresDb(connectionString: string, maxConnections = 10): PostgresDb {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresDb(pool);
}
