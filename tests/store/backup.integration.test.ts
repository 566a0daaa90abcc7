import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { runOps } from '../helpers/cli';
import type { CliRun } from '../helpers/cli';
import { loadOrThrow } from '../../testkit/kb';
import { addChannel, fakeClock, MONDAY_9_LONDON, schedulerFor } from '../../testkit/scheduling';
import { testDatabaseUrl } from '../../testkit/stores';
import { startTeamsConnector } from '../../testkit/teams-connector';

const kb = loadOrThrow();
const CHANNELS = 400;

describe('backup and restore of the SQLite store', () => {
  let dir: string;
  let live: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-backup-'));
    live = join(dir, 'live.db');
    store = await openStore(`sqlite:${live}`);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a backup taken during a fan-out restores to a store that passes the integrity check and holds every post logged before it began', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    for (let n = 1; n <= CHANNELS; n++) await addChannel(store, 'http://placeholder/', n, MONDAY_9_LONDON, clock.now());
    const file = join(dir, 'backup.db');
    let loggedBefore: string[] = [];
    let deliveredWhenDone = 0;
    let backup: Promise<CliRun> | undefined;
    const teams = await startTeamsConnector({
      onDelivered: (delivered) => {
        if (delivered !== 100 || backup) return;
        backup = (async () => {
          loggedBefore = (await store.postLog({}, 10_000)).map((p) => p.id);
          const run = await runOps(['backup', file], { DATABASE_URL: `sqlite:${live}` });
          deliveredWhenDone = teams.counts.delivered;
          return run;
        })();
      },
    });
    try {
      // The channels point at the connector now it has a port.
      for (let n = 1; n <= CHANNELS; n++) {
        const c = (await store.conversation(`19:channel-${n}@thread.tacv2`))!;
        await store.saveConversation(
          { ...c, serviceUrl: teams.url, reference: { ...c.reference, serviceUrl: teams.url } },
          clock.now(),
        );
      }
      clock.set('2026-11-23T09:00:00Z');
      expect(await schedulerFor(store, kb, clock).runOnce()).toBe(CHANNELS);
    } finally {
      await teams.close();
    }
    const run = await backup!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/integrity check ok/);
    // The backup began after 100 posts had gone out and finished while the scheduler was still posting.
    expect(loggedBefore.length).toBeGreaterThanOrEqual(100);
    expect(deliveredWhenDone).toBeLessThan(CHANNELS);

    const restored = join(dir, 'restored', 'practice-companion.db');
    const restore = await runOps(['restore', file], { DATABASE_URL: `sqlite:${restored}` });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const db = new Database(restored, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set((db.prepare('SELECT id FROM post_log').all() as Array<{ id: string }>).map((r) => r.id));
      expect(loggedBefore.filter((id) => !ids.has(id))).toEqual([]);
      expect(db.prepare(`SELECT action FROM audit_log WHERE scope_id = 'service' ORDER BY at`).all()).toEqual([
        { action: 'restore' },
      ]);
    } finally {
      db.close();
    }
    const reopened = await openStore(`sqlite:${restored}`);
    try {
      expect(await reopened.subscription('sub-1')).toBeDefined();
    } finally {
      await reopened.close();
    }
  }, 30_000);

  test('restore refuses while the service has the database open, and keeps the database it replaces', async () => {
    const file = join(dir, 'backup.db');
    expect((await runOps(['backup', file], { DATABASE_URL: `sqlite:${live}` })).code).toBe(0);
    const refused = await runOps(['restore', file], { DATABASE_URL: `sqlite:${live}` });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is in use: stop Practice Companion (every instance) first');

    await store.close();
    const done = await runOps(
      ['restore', file],
      { DATABASE_URL: `sqlite:${live}` },
      () => new Date('2026-11-30T10:00:00Z'),
    );
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`kept at ${live}.before-restore-2026-11-30T10-00-00-000Z`);
    store = await openStore(`sqlite:${live}`);
    expect((await store.auditLog(['service'], 5)).map((a) => a.action)).toEqual(['restore']);
  });

  test('restore refuses a damaged file, a file that is not a store, and a store newer than this version', async () => {
    const live2 = join(dir, 'other.db');
    const restoreFrom = (file: string) => runOps(['restore', file], { DATABASE_URL: `sqlite:${live2}` });

    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database '.repeat(200));
    const bad = await restoreFrom(garbage);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a usable SQLite database|cannot be opened/);

    const empty = join(dir, 'empty.db');
    new Database(empty).exec('CREATE TABLE t (x)');
    expect((await restoreFrom(empty)).stderr).toContain('is not a Practice Companion database');

    const file = join(dir, 'backup.db');
    expect((await runOps(['backup', file], { DATABASE_URL: `sqlite:${live}` })).code).toBe(0);
    const newer = join(dir, 'newer.db');
    copyFileSync(file, newer);
    const db = new Database(newer);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('from the future');
    db.close();
    const refused = await restoreFrom(newer);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('has schema version 99, newer than this version of Practice Companion knows');

    // Damage a page in the middle of a real backup: the integrity check catches it.
    const damaged = join(dir, 'damaged.db');
    copyFileSync(file, damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0xff, 4096 * 2, 4096 * 2 + 512);
    writeFileSync(damaged, bytes);
    const broken = await restoreFrom(damaged);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/integrity check|not a usable SQLite database|malformed/);
    expect(existsSync(live2)).toBe(false);
  });

  test('backup will not overwrite a file, and says where to go for PostgreSQL', async () => {
    const file = join(dir, 'backup.db');
    writeFileSync(file, 'an earlier backup');
    const run = await runOps(['backup', file], { DATABASE_URL: `sqlite:${live}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    const pg = await runOps(['backup', join(dir, 'pg.db')], { DATABASE_URL: testDatabaseUrl() });
    expect(pg.code).toBe(2);
    expect(pg.stderr).toContain('pg_dump');
    expect(pg.stderr).toContain('automated backups');
  });
});
