/**
 * The store's one interface over two drivers: embedded PGlite (a folder on disk) and a
 * PostgreSQL server (`DATABASE_URL`). Only `store/` and `*.repository.ts` files use it.
 */
export type StoreKind = 'pglite' | 'postgres';

/** Something that runs SQL: the store itself or an open transaction. */
export interface Queryable {
  /** Rows of a parameterised statement ($1, $2 …). */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
  /** Runs several statements without parameters (DDL, scripts). */
  exec(sql: string): Promise<void>;
  /**
   * Streams CSV text (no header, PostgreSQL CSV quoting) into `table(columns)` with COPY.
   * Returns the number of rows copied.
   */
  copyFromCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<number>;
}

export interface Transaction extends Queryable {
  readonly kind: StoreKind;
}

export interface Db extends Queryable {
  readonly kind: StoreKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
