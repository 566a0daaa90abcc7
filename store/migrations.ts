import { sql } from 'kysely';
import { transaction } from './db';
import type { Db } from './db';
import { migration as m001 } from './migrations/001-first-tables';
import { migration as m002 } from './migrations/002-rotations';
import { migration as m003 } from './migrations/003-secrets';
import { migration as m004 } from './migrations/004-retention';
import { migration as m005 } from './migrations/005-console';
import { migration as m006 } from './migrations/006-lead-chats';
import { migration as m007 } from './migrations/007-framework-versions';
import { migration as m009 } from './migrations/009-suggestion-undo';
import { migration as m010 } from './migrations/010-two-roles';
import { migration as m011 } from './migrations/011-send-budget';
import type { Migration } from './migrations/migration';

/** The schema's migrations in order, applied at start on both backends (see ./migrations/migration.ts). */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m009, m010, m011];

/** The schema version this code expects: the newest migration. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The newest migration applied to this database, or 0 for an empty one. */
export async function schemaVersion(db: Db): Promise<number> {
  const table = await (
    db.dialect === 'postgres'
      ? sql`SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`
      : sql`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
  ).execute(db.k);
  if (table.rows.length === 0) return 0;
  const row = await db.k
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Applies the migrations not yet applied, each statement as written, through Kysely. Safe when several instances start at once. */
export async function migrate(db: Db, now: () => number = Date.now): Promise<number[]> {
  return transaction(db.k, async (tx) => {
    // PostgreSQL: one instance migrates at a time; the others wait, then find nothing to do.
    if (db.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7031959)`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(
      tx,
    );
    const done = new Set(
      (await tx.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await sql.raw(statement).execute(tx);
      await m.apply?.(tx);
      await tx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: now() })
        .execute();
      applied.push(m.version);
    }
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length > 0)
      throw new Error(
        `the database has migrations this version does not know (${ahead.join(', ')}): run a newer version of Practice Companion`,
      );
    return applied;
  });
}
