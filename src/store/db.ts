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
  /**
   * Calls `onChange` whenever data may have changed: for each NOTIFY on `channel` that any
   * connection or process commits, and after each of this store's own transactions, `exec`s,
   * COPYs and other statements that changed rows, before that call resolves. A SELECT calling a
   * function that writes is seen through its NOTIFY only, which from another connection arrives
   * a moment after the commit. Extra calls may happen.
   */
  listen(channel: string, onChange: () => void): Promise<ChangeListener>;
  close(): Promise<void>;
}

export interface ChangeListener {
  /** False while notifications may be missed (its connection is down and reconnecting). */
  live(): boolean;
  close(): Promise<void>;
}
