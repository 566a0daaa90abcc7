import type { Kdb } from '../db';

/**
 * One schema migration, in a file of its own named by its version (store/migrations.ts lists them and
 * applies them). The SQL is the common subset of SQLite and PostgreSQL: TEXT ids made by the
 * application, BIGINT milliseconds for times. A shipped migration keeps its text exactly, indentation
 * included: never edit one, add the next.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  /** Runs after the statements, in the same transaction: for changes to stored JSON, which the two dialects write differently. */
  readonly apply?: (tx: Kdb) => Promise<void>;
}
