import Database from 'better-sqlite3';
import { Pool, types } from 'pg';
import type { PoolClient } from 'pg';

/**
 * The little SQL both backends share. Statements use `?` placeholders (rewritten to $1… for
 * PostgreSQL), integer milliseconds for times and TEXT ids made by the application, so one set of
 * statements serves SQLite and PostgreSQL alike.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** ` FOR UPDATE SKIP LOCKED` on PostgreSQL; empty on SQLite, where a write transaction already holds the only write lock. */
  readonly skipLocked: string;
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `work` in one write transaction, committed if it resolves and rolled back if it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function toPostgres(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

// BIGINT (int8) columns hold millisecond times and counts well inside 2^53: read them as numbers.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

export async function openPostgres(url: string, poolSize = 5): Promise<Sql> {
  const pool = new Pool({ connectionString: url, max: poolSize, types: pgTypes });
  pool.on('error', () => {
    /* an idle client lost its connection: the pool replaces it; queries report their own errors */
  });
  const client = await pool.connect(); // fail now, with the server's message, if it cannot be reached
  client.release();

  const over = (q: { query: PoolClient['query'] } | Pool, inTx: boolean): Sql => ({
    dialect: 'postgres',
    skipLocked: ' FOR UPDATE SKIP LOCKED',
    all: async <T>(text: string, params: readonly unknown[] = []) => (await q.query(toPostgres(text), params as unknown[])).rows as T[],
    get: async <T>(text: string, params: readonly unknown[] = []) => (await q.query(toPostgres(text), params as unknown[])).rows[0] as T | undefined,
    run: async (text: string, params: readonly unknown[] = []) => (await q.query(toPostgres(text), params as unknown[])).rowCount ?? 0,
    transaction: async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
      if (inTx) return work(over(q, true));
      const c = await pool.connect();
      // A connection lost while this client is checked out, between two queries, is reported on the
      // client, not the pool: without a listener it would end the process. The next query fails instead,
      // and the broken client is destroyed rather than returned to the pool.
      let broken = false;
      const lost = () => {
        broken = true;
      };
      c.on('error', lost);
      try {
        await c.query('BEGIN');
        const result = await work(over(c, true));
        await c.query('COMMIT');
        return result;
      } catch (error) {
        await c.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        c.off('error', lost);
        c.release(broken);
      }
    },
    close: async () => {
      if (!inTx) await pool.end();
    },
  });
  return over(pool, false);
}

export function openSqlite(path: string): Sql {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // with WAL: durable across a process crash; a power cut may lose the last commits
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let s = statements.get(text);
    if (!s) {
      s = db.prepare(text);
      statements.set(text, s);
    }
    return s;
  };
  const bind = (params: readonly unknown[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));
  // better-sqlite3 is synchronous; a queue keeps one async transaction from interleaving with another.
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const base = (inTx: boolean): Sql => ({
    dialect: 'sqlite',
    skipLocked: '',
    all: async <T>(text: string, params: readonly unknown[] = []) => {
      if (!inTx) await queue;
      return prepare(text).all(...bind(params)) as T[];
    },
    get: async <T>(text: string, params: readonly unknown[] = []) => {
      if (!inTx) await queue;
      return prepare(text).get(...bind(params)) as T | undefined;
    },
    run: async (text: string, params: readonly unknown[] = []) => {
      if (!inTx) await queue;
      return prepare(text).run(...bind(params)).changes;
    },
    transaction: <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
      if (inTx) return work(base(true));
      const result = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await work(base(true));
          db.exec('COMMIT');
          return value;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close: async () => {
      if (inTx || closed) return;
      closed = true;
      await queue;
      db.close();
    },
  });
  return base(false);
}
