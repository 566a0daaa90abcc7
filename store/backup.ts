import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './migrations';

/** The SQLite file a `sqlite:path` DATABASE_URL names; undefined for PostgreSQL. */
export function sqlitePath(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const path = url.slice('sqlite:'.length);
  return path === ':memory:' ? undefined : resolve(path);
}

export interface BackupResult {
  readonly pages: number;
  readonly schemaVersion: number;
}

/**
 * Copies a SQLite store, open or not, with SQLite's online backup: the whole database in one step, so
 * the copy is of one moment even while the service keeps writing (WAL lets it write meanwhile).
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  if (existsSync(target))
    throw new Error(`${target} already exists: choose a new file name, so no backup is overwritten`);
  if (!existsSync(dirname(resolve(target)))) throw new Error(`the folder ${dirname(resolve(target))} does not exist`);
  // The backup holds personal data and the service's keys (secrets): its owner's only, from the start
  // (made empty with mode 0600 before SQLite writes into it; its journal takes the same mode).
  closeSync(openSync(target, 'wx', 0o600));
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(target, { progress: ({ totalPages }) => totalPages + 1000 });
    const checked = checkBackup(target);
    return { pages: progress.totalPages, schemaVersion: checked.schemaVersion };
  } catch (error) {
    rmSync(target, { force: true }); // no half-written backup left behind, and the name free to try again
    throw error;
  } finally {
    db.close();
  }
}

/** Checks a backup file: SQLite's integrity check passes, and it is a store this version can open. */
export function checkBackup(file: string): { schemaVersion: number } {
  if (!existsSync(file)) throw new Error(`there is no file at ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`);
  }
  try {
    let integrity: unknown[];
    try {
      integrity = db.pragma('integrity_check', { simple: false }) as unknown[];
    } catch (error) {
      throw new Error(`${file} is not a usable SQLite database: ${(error as Error).message}`);
    }
    const problems = integrity.map((r) => Object.values(r as Record<string, unknown>)[0]).filter((v) => v !== 'ok');
    if (problems.length > 0)
      throw new Error(`${file} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`);
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
    if (!table) throw new Error(`${file} is not a Practice Companion database: it has no schema_migrations table`);
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const version = Number(row.v ?? 0);
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `${file} has schema version ${version}, newer than this version of Practice Companion knows (${SCHEMA_VERSION}): restore it with the version that made it`,
      );
    }
    return { schemaVersion: version };
  } finally {
    db.close();
  }
}

/**
 * True when another connection has the database open (a running service): leaving WAL mode needs the
 * database to itself, so SQLite refuses while anyone else has it open. Leaves the file in rollback mode
 * when it succeeds; the service turns WAL back on when it opens it.
 */
function inUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    return mode !== 'delete';
  } catch {
    return true;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  readonly schemaVersion: number;
  /** Where the database that was replaced was kept, if there was one. */
  readonly previous?: string;
}

/** Puts a checked backup in place of the store at `target`. Refuses while the service has it open. */
export function restoreSqlite(backup: string, target: string, stamp: string): RestoreResult {
  const { schemaVersion } = checkBackup(backup);
  if (resolve(backup) === resolve(target)) throw new Error('the backup is the database itself: give the backup file');
  let previous: string | undefined;
  if (existsSync(target)) {
    if (inUse(target))
      throw new Error(
        `the database at ${target} is in use: stop Practice Companion (every instance) first, then restore`,
      );
    previous = `${target}.before-restore-${stamp}`;
  }
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  const fd = openSync(incoming, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  if (previous !== undefined) renameSync(target, previous);
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  renameSync(incoming, target);
  return { schemaVersion, ...(previous !== undefined && { previous }) };
}
