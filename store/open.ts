import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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
import { sendBudgetTable } from './send-budget';
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
    // Several instances share PostgreSQL, and so Teams' budget; SQLite serves one, which keeps it in memory.
    ...(db.dialect === 'postgres' && { sendBudget: sendBudgetTable(db, open) }),
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
      throw new Error(
        `Could not open the PostgreSQL database at ${redact(url)}: ${scrub((error as Error).message, url)}`,
      );
    }
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      // A new database is its owner's only (it holds personal data and the service's keys); SQLite gives
      // its -wal and -shm files the same mode. An existing file keeps the mode it has.
      if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
    }
    return createStore(openSqlite(path), options);
  }
  throw new Error(`"${redact(url)}" is not a database address: use sqlite:path or postgres://…`);
}

const SECRET_PARAMS = /^(password|sslpassword|sslkey)$/i;
/** A scheme as typed, right or not: a name, a colon, then any slashes, backslashes and spaces (`postgres: //`, `postgres:/`). */
const SCHEME = /^\s*[a-z][a-z0-9+.-]*\s*:[\s/\\]*/i;

/**
 * The address without its secrets, for messages and logs: the password in the user info, and the
 * password, sslpassword and sslkey query parameters. Anything that looks like an address is read, well
 * formed or not: the user info is everything before the last "@" after the scheme, whatever slashes or
 * spaces follow the scheme's colon (a password typed without encoding may hold "@", ":", "/", "?" or "#",
 * which a URL parser would read as the host, path or fragment, and print). With no "@", text where a
 * port should be that is not a number is taken for a password too.
 */
export function redact(url: string): string {
  return readAddress(url)?.shown ?? '(an address that could not be read)';
}

/**
 * `message` (a driver's error, say) with every secret of `url` in it replaced by ***, as typed and as
 * decoded: a library may repeat part of the address it was given.
 */
export function scrub(message: string, url: string): string {
  const secrets = (readAddress(url)?.secrets ?? []).flatMap((s) => [s, decoded(s)]).filter((s) => s.length >= 3);
  return secrets.sort((a, b) => b.length - a.length).reduce((out, s) => out.split(s).join('***'), message);
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function readAddress(url: string): { shown: string; secrets: string[] } | undefined {
  const scheme = SCHEME.exec(url);
  if (!scheme) return undefined;
  const secrets: string[] = [];
  const wellFormed = /[a-z0-9+.-]:\/\/$/i.test(scheme[0]);
  let rest = url.slice(scheme[0].length);
  let userInfo = '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const info = rest.slice(0, at);
    const colon = info.indexOf(':');
    // Without a colon it is a user name; unless the address is malformed, when it may be the password.
    if (colon >= 0) secrets.push(info.slice(colon + 1).trim());
    else if (!wellFormed) secrets.push(info.trim());
    userInfo = colon >= 0 ? `${info.slice(0, colon)}:***@` : wellFormed ? `${info}@` : '***@';
    rest = rest.slice(at + 1);
  } else {
    // No "@": "user:secret/db" still reads as a host and a port that is not a number.
    rest = rest.replace(/^([^:/?#\s[\]]+)(\s*:\s*)([^/?#]*)/, (whole, host: string, colon: string, port: string) => {
      if (/^\d*$/.test(port)) return whole;
      secrets.push(port.trim());
      return `${host}${colon}***`;
    });
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
        if (!SECRET_PARAMS.test(decoded(key))) return pair;
        if (eq >= 0) secrets.push(pair.slice(eq + 1));
        return `${key}=***`;
      });
    rest = `${rest.slice(0, query)}?${params.join('&')}${rest.slice(end)}`;
  }
  return { shown: `${scheme[0]}${userInfo}${rest}`, secrets: secrets.filter((s) => s.length > 0) };
}
