import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import type { Compilable, QueryResult } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteDialectConfig, SqliteStatement } from 'kysely';
import { Pool, types } from 'pg';
import type { Database as Tables } from './schema';

/** The store's typed connection to SQLite or PostgreSQL (Kysely over better-sqlite3 or pg). */
export type Kdb = Kysely<Tables>;

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  readonly k: Kdb;
  /**
   * SQLite only: runs one statement at once on the connection and returns Kysely's result, or
   * undefined when a transaction is open on it; then the statement must wait its turn through `k`,
   * so that it neither sees that transaction's rows nor joins it. better-sqlite3 is synchronous, so
   * nothing else can run on the connection while the statement does: it is as if it went first.
   */
  readonly direct?: (sql: string, parameters: readonly unknown[]) => QueryResult<unknown> | undefined;
  /**
   * After rows that hold personal data or typed text were deleted or changed: make their old bytes
   * unreadable in the database's files. SQLite runs with secure_delete, so deleted content is zeroed in
   * its pages; this then copies the write-ahead log into the file and empties the log (which still held
   * the old pages), and with `rebuild` also rebuilds the file (VACUUM), so nothing freed before remains.
   * Waits for the query or transaction holding the connection. On PostgreSQL it does nothing: see
   * docs/data-protection.md.
   */
  clearDeleted(options?: { rebuild?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `work` in one write transaction, committed if it resolves and rolled back if it throws. Inside
 * a transaction already, it joins it. SQLite starts it with BEGIN IMMEDIATE (see openSqlite).
 */
export function transaction<T>(db: Kdb, work: (tx: Kdb) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * A query on the answering path, built and compiled by Kysely once; each call only binds its values.
 * `build` marks where they go with `value(i)` (text columns); every other value stays as built.
 * Kysely's builder makes a frozen tree and compiles it on every call, which cost more than the
 * statement itself on SQLite (bench:http). On SQLite the statement also skips Kysely's connection
 * queue when no transaction is open (see `Db.direct`).
 */
export function compiledOnce<Row, Values extends readonly string[]>(
  db: Db,
  build: (k: Kdb, value: (i: number) => string) => Compilable<Row>,
): (...values: Values) => Promise<QueryResult<Row>> {
  const mark = (i: number) => `\u0000value ${i}`;
  const compiled = build(db.k, mark).compile();
  const slots = compiled.parameters.map((p) =>
    typeof p === 'string' && p.startsWith('\u0000value ') ? Number(p.slice('\u0000value '.length)) : -1,
  );
  return (...values) => {
    const parameters = compiled.parameters.map((p, n) => {
      const slot = slots[n] ?? -1;
      return slot < 0 ? p : values[slot];
    });
    let result: QueryResult<unknown> | undefined;
    try {
      result = db.direct?.(compiled.sql, parameters);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return result !== undefined
      ? Promise.resolve(result as QueryResult<Row>)
      : db.k.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
  };
}

/** Rows a statement changed, from Kysely's bigint counts (`executeTakeFirstOrThrow()` of an insert, update or delete). */
export function changed(
  result:
    | { readonly numInsertedOrUpdatedRows?: bigint | undefined }
    | { readonly numUpdatedRows: bigint }
    | { readonly numDeletedRows: bigint },
): number {
  if ('numUpdatedRows' in result) return Number(result.numUpdatedRows);
  if ('numDeletedRows' in result) return Number(result.numDeletedRows);
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

// BIGINT (int8) columns hold millisecond times and counts well inside 2^53: read them as numbers.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

export async function openPostgres(url: string, poolSize = 5): Promise<Db> {
  const pool = new Pool({ connectionString: url, max: poolSize, types: pgTypes });
  pool.on('error', () => {
    /* an idle client lost its connection: the pool replaces it; queries report their own errors */
  });
  // A connection lost while a client is checked out, between two queries, is reported on the client,
  // not the pool: without a listener it would end the process. The next query fails instead, and
  // pg-pool destroys a client that can no longer be queried rather than returning it to the pool
  // (Kysely also discards one whose ROLLBACK failed).
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const client = await pool.connect(); // fail now, with the server's message, if it cannot be reached
  client.release();
  const k = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', k, clearDeleted: async () => undefined, close: () => k.destroy() };
}

/**
 * better-sqlite3 under Kysely: one connection, which Kysely lends to one query or transaction at a
 * time (so an async transaction never interleaves with another), statements prepared once, and
 * write transactions that start with BEGIN IMMEDIATE: a deferred transaction that reads and then
 * writes can fail with SQLITE_BUSY when another process wrote in between.
 */
export function openSqlite(path: string): Db {
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL'); // with WAL: durable across a process crash; a power cut may lose the last commits
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros, not left in free space (erasure and purges: clearDeleted).
  raw.pragma('secure_delete = ON');
  const statements = new Map<string, SqliteStatement>();
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare: (text) => {
      let s = statements.get(text);
      if (!s) {
        s = raw.prepare(text);
        statements.set(text, s);
      }
      return s;
    },
  };
  const k = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database }, () => raw.inTransaction) });
  const direct = (text: string, parameters: readonly unknown[]): QueryResult<unknown> | undefined => {
    if (!raw.open || raw.inTransaction) return undefined;
    const statement = database.prepare(text);
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  };
  let closed: Promise<void> | undefined;
  // Waits for the query or transaction holding the connection, then closes the file.
  return {
    dialect: 'sqlite',
    k,
    direct,
    clearDeleted: (options = {}) =>
      k.connection().execute(async () => {
        if (!raw.open || raw.memory) return;
        if (options.rebuild) raw.exec('VACUUM');
        // Another process (the service, while the command line erases) may be reading for a moment:
        // the log can be emptied only once no one reads from it, so try a few times.
        for (let tries = 0; tries < 10; tries++) {
          const [result] = raw.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
          if (!result?.busy) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    close: () =>
      (closed ??= k
        .connection()
        .execute(async () => undefined)
        .then(() => k.destroy())),
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly inTransaction: () => boolean,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config, this.inTransaction);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly inTransaction: () => boolean,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  /** SQLite has already rolled back after some errors (SQLITE_FULL, a RAISE(ROLLBACK)): nothing left to undo then. */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.inTransaction()) await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
}
