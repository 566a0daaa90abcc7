import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { auditTable } from './audit';
import { consoleTables } from './console';
import { conversationTables } from './conversations';
import { openPostgres, openSqlite } from './db';
import type { Db } from './db';
import { ASK_FLUSH_MS, feedbackTables } from './feedback';
import { createHousekeeping } from './housekeeping';
import { migrate } from './migrations';
import { postTables } from './posts';
import { settingsTables } from './settings';
import { frameworkVersionTables } from './framework-versions';
import { subscriptionTables } from './subscriptions';
import type { Store } from './types';

export interface StoreOptions {
  /** How long ask counts wait before they are written; ASK_FLUSH_MS unless a test wants it shorter. */
  readonly askFlushMs?: number;
}

/**
 * The store on SQLite or PostgreSQL, one part per group of tables, over one typed connection.
 * Runs the migrations before it is returned.
 */
export async function createStore(db: Db, options: StoreOptions = {}): Promise<Store> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  let closed = false;
  const open = () => {
    if (closed) throw new Error('the store is closed');
  };
  const feedback = feedbackTables(db, open, options.askFlushMs ?? ASK_FLUSH_MS);
  return {
    ...conversationTables(db, open),
    ...auditTable(db, open),
    ...settingsTables(db, open),
    ...subscriptionTables(db, open),
    ...postTables(db, open),
    ...feedback.methods,
    ...consoleTables(db, open),
    ...createHousekeeping(db, () => feedback.asks.flush(), open),
    frameworkVersions: frameworkVersionTables(db, open),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await feedback.asks.flush();
      } finally {
        await db.close();
      }
    },
  };
}

/**
 * Opens the store named by a DATABASE_URL: `sqlite:path` (relative to the working directory;
 * `sqlite::memory:` for a throwaway one) or `postgres://…`. Runs the migrations.
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      return await createStore(await openPostgres(url), options);
    } catch (error) {
      throw new Error(`Could not open the PostgreSQL database at ${redact(url)}: ${(error as Error).message}`);
    }
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    return createStore(openSqlite(path), options);
  }
  throw new Error(`"${redact(url)}" is not a database address: use sqlite:path or postgres://…`);
}

const SECRET_PARAMS = /^(password|sslpassword|sslkey)$/i;

/**
 * The address without its secrets, for messages and logs: the password in the user info, and the
 * password, sslpassword and sslkey query parameters. The user info is read up to the last "@"
 * before the host, because a password typed without encoding may hold "@", ":", "/", "?" or "#"
 * (a URL parser would read part of it as the host, path or fragment, and print it).
 */
export function redact(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(url);
  if (!scheme) return '(an address that could not be read)';
  let rest = url.slice(scheme[0].length);
  let userInfo = '';
  if (scheme[1] !== undefined) {
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
      const info = rest.slice(0, at);
      const colon = info.indexOf(':');
      userInfo = colon >= 0 ? `${info.slice(0, colon)}:***@` : `${info}@`;
      rest = rest.slice(at + 1);
    }
  }
  const query = rest.indexOf('?');
  if (query >= 0) {
    const hash = rest.indexOf('#', query);
    const end = hash >= 0 ? hash : rest.length;
    const params = rest
      .slice(query + 1, end)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const key = eq >= 0 ? pair.slice(0, eq) : pair;
        let name = key;
        try {
          name = decodeURIComponent(key);
        } catch {
          /* a key that is not valid percent-encoding is compared as it is */
        }
        return SECRET_PARAMS.test(name) ? `${key}=***` : pair;
      });
    rest = `${rest.slice(0, query)}?${params.join('&')}${rest.slice(end)}`;
  }
  return `${scheme[0]}${userInfo}${rest}`;
}
