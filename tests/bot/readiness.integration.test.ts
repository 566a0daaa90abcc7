import { readiness, readinessChecks } from '../../bot/web/readiness';
import { createLogger } from '../../bot/logger';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import type { Scheduler } from '../../schedule/scheduler';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { load } from '../helpers/config';
import { postgres, testDatabaseUrl } from '../../testkit/stores';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { clockOf } from '../../time/clock';

const readyz = async (app: RunningApp) => {
  const res = await fetch(`${app.url}/readyz`);
  return {
    status: res.status,
    body: (await res.json()) as {
      status: string;
      failed?: string[];
      checks: Record<string, { ok: boolean; detail: string }>;
    },
  };
};

describe('/readyz', () => {
  test('goes 503 naming the store when PostgreSQL becomes unreachable, and back to 200 when it returns', async () => {
    const db = await postgres.fresh();
    const proxy = await startTcpProxy(Number(new URL(testDatabaseUrl()).port || 5432));
    const viaProxy = db.url.replace(/@[^/]+\//, `@127.0.0.1:${proxy.port}/`);
    let store: Store | undefined;
    let app: RunningApp | undefined;
    try {
      store = await openStore(viaProxy);
      app = await startApp({}, { http: true, store });
      app.app.scheduler.start();
      const up = await readyz(app);
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({
        status: 'ready',
        checks: { store: { ok: true }, migrations: { ok: true }, scheduler: { ok: true } },
      });

      await proxy.cut();
      const down = await readyz(app);
      expect(down.status).toBe(503);
      expect(down.body.failed).toEqual(expect.arrayContaining(['store']));
      expect(down.body.checks['store']).toEqual(expect.objectContaining({ ok: false, detail: 'failed (see the log)' }));
      // The database's own message (which names hosts and ports) is logged, never shown.
      expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      expect(app.logs.join('')).toContain('"event":"not-ready"');

      await proxy.restore();
      const back = await readyz(app);
      expect(back.status).toBe(200);
      expect(back.body.status).toBe('ready');
    } finally {
      await app?.close();
      await proxy.close();
      await db.drop();
    }
    // A real PostgreSQL schema, migrated through the proxy: migrations from every test worker queue on one
    // advisory lock, so under a full parallel run this can take longer than the suite's 15 s (CI saw 17 s).
  }, 60_000);

  test('/healthz stays cheap: it answers without asking the store', async () => {
    const store = await openStore('sqlite::memory:');
    let asked = 0;
    const counting = { ...store, schemaVersion: () => (asked++, store.schemaVersion()) } as Store;
    const app = await startApp({ SCHEDULER: 'off' }, { http: true, store: counting });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(asked).toBe(0);
      const ready = await readyz(app);
      expect(ready.status).toBe(200);
      expect(ready.body.checks['scheduler']).toEqual(
        expect.objectContaining({ ok: true, detail: 'off on this instance' }),
      );
      expect(asked).toBe(2);
    } finally {
      await app.close();
    }
  });
});

describe('readiness checks', () => {
  const logger = createLogger(load({ LOG_LEVEL: 'silent' }));
  let store: Store;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
  });
  afterEach(() => store.close());
  const scheduler = (health: ReturnType<Scheduler['health']>) => ({ health: () => health }) as unknown as Scheduler;
  const clock = clockOf(() => new Date('2026-11-30T10:00:00Z'));

  test('a scheduler that has not finished a look for more than five minutes, or has stopped, fails its check', async () => {
    const stale = await readiness(
      readinessChecks({
        store,
        logger,
        clock,
        scheduler: scheduler({ running: true, lastLookedAt: new Date('2026-11-30T09:54:00Z') }),
      }),
      1000,
    );
    expect(stale.ready).toBe(false);
    expect(stale.checks['scheduler']).toMatchObject({
      ok: false,
      shown: 'has not finished a look at the store for 360 s',
    });
    const fresh = await readiness(
      readinessChecks({
        store,
        logger,
        clock,
        scheduler: scheduler({ running: true, lastLookedAt: new Date('2026-11-30T09:58:00Z') }),
      }),
      1000,
    );
    expect(fresh.ready).toBe(true);
    const stopped = await readiness(
      readinessChecks({ store, logger, clock, scheduler: scheduler({ running: false, lastLookedAt: undefined }) }),
      1000,
    );
    expect(stopped.checks['scheduler']).toMatchObject({ ok: false, shown: 'not running' });
  });

  test('a store that does not answer in time fails within the time limit; a database newer than the code fails migrations', async () => {
    const hanging = { ...store, schemaVersion: () => new Promise<number>(() => undefined) } as Store;
    // It answers at all, with the store still hanging, only because the 200 ms timer fired: only that timer says so.
    const slow = await readiness(readinessChecks({ store: hanging, logger, clock, scheduler: undefined }), 200);
    expect(slow.checks['store']).toMatchObject({ ok: false, shown: 'did not answer within 200 ms' });

    const newer = { ...store, schemaVersion: async () => 99 } as Store;
    const ahead = await readiness(readinessChecks({ store: newer, logger, clock, scheduler: undefined }), 1000);
    expect(ahead.checks['migrations']).toMatchObject({
      ok: false,
      shown: expect.stringContaining('newer than this version'),
    });
    expect(ahead.checks['store']!.ok).toBe(true);
  });
});
