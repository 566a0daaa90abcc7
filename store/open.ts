import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createSqlStore } from './sql-store';
import type { StoreOptions } from './sql-store';
import { openPostgres, openSqlite } from './sql';
import type { Store } from './types';

/**
 * Opens the store named by a DATABASE_URL: `sqlite:path` (relative to the working directory;
 * `sqlite::memory:` for a throwaway one) or `postgres://…`. Runs the migrations.
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      return await createSqlStore(await openPostgres(url), options);
    } catch (error) {
      throw new Error(`Could not open the PostgreSQL database at ${redact(url)}: ${(error as Error).message}`);
    }
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    return createSqlStore(openSqlite(path), options);
  }
  throw new Error(`"${redact(url)}" is not a database address: use sqlite:path or postgres://…`);
}

/** The address without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
