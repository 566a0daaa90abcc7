import { sql } from 'kysely';
import { openPostgres, openSqlite } from '../../store/db';

/** Makes every insert into audit_log fail, from another connection, as a full disk or a revoked grant would. */
export async function breakAuditLog(backend: 'sqlite' | 'postgres', url: string): Promise<void> {
  const db = backend === 'sqlite' ? openSqlite(url.slice('sqlite:'.length)) : await openPostgres(url);
  try {
    if (backend === 'sqlite') {
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(
        db.k,
      );
    } else {
      await sql`CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$`.execute(
        db.k,
      );
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`.execute(
        db.k,
      );
    }
  } finally {
    await db.close();
  }
}

/**
 * What a promise failed with, or 'resolved'. Read from the message rather than with rejects.toThrow,
 * which misses better-sqlite3's errors when another test file in the same jest worker loaded it first
 * (its Error is then of another realm).
 */
export function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => String((error as { message?: unknown } | undefined)?.message ?? error),
  );
}
