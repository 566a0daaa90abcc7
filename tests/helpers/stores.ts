import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore } from '../../store/open';
import type { NewPost, Store } from '../../store/types';

/** The PostgreSQL the tests use: TEST_DATABASE_URL, or the CI machine's default. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

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
    const admin = new Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const separator = TEST_DATABASE_URL.includes('?') ? '&' : '?';
    const url = `${TEST_DATABASE_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      url,
      open: () => openStore(url),
      drop: async () => {
        const c = new Client({ connectionString: TEST_DATABASE_URL });
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
  return store.addPostWithRotation(`test:${post.slotKey}`, post.slotKey, at, (state) => ({ post, state }));
}
