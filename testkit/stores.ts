import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore } from '../store/open';
import type { NewPost, Store } from '../store/types';

/**
 * The PostgreSQL the tests use: TEST_DATABASE_URL, which you may set to a server of your own, or which
 * jest's global setup (tests/setup/global-setup.ts) sets to the embedded PostgreSQL it started.
 */
export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests with jest, whose global setup starts a PostgreSQL, or set it to a server of your own.',
    );
  return url;
}

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, empty database (its own file, or its own schema), and its DATABASE_URL. */
  fresh(): Promise<{ url: string; open(): Promise<Store>; drop(): Promise<void> }>;
}

export const sqlite: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    return { url, open: () => openStore(url), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgres: Backend = {
  name: 'postgres',
  async fresh() {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const base = testDatabaseUrl();
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const separator = base.includes('?') ? '&' : '?';
    const url = `${base}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      url,
      open: () => openStore(url),
      drop: async () => {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  },
};

/** Every behaviour of the store and scheduler is tested on both. */
export const BACKENDS: readonly Backend[] = [sqlite, postgres];

/** Logs one post as the scheduler would (unique slot key), with no rotation to move: for setting up tests. */
export function addPost(store: Store, post: NewPost, at: Date): Promise<boolean> {
  return store.addPostWithRotation(`test:${post.slotKey}`, post.slotKey, at, null, (state) => ({ post, state }));
}
