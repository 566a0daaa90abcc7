import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { connectorSender } from '../../bot/teams/proactive';
import type { Store } from '../../store/types';
import { loadOrThrow } from '../../testkit/kb';
import { addChannel, fakeClock, MONDAY_9_LONDON, schedulerFor } from '../../testkit/scheduling';
import { BACKENDS, postgres } from '../../testkit/stores';
import { startTeamsConnector } from '../../testkit/teams-connector';
import type { TeamsConnector } from '../../testkit/teams-connector';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';

const kb = loadOrThrow();
const cardText = (body: Record<string, unknown>) => JSON.stringify(body['attachments']);

describe.each(BACKENDS)('scheduled posts on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let teams: TeamsConnector;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    teams = await startTeamsConnector();
  });
  afterEach(async () => {
    await store.close();
    await teams.close();
    await db.drop();
  });

  test('posts once at the slot, in its time zone, with its place in the cycle; a restart does not post it again', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, teams.url, 1, MONDAY_9_LONDON, clock.now());
    clock.set('2026-11-23T08:59:59Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(0);
    clock.set('2026-11-23T09:00:00Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(1);
    expect(teams.deliveries.get('19:channel-1@thread.tacv2')).toBe(1);
    expect(cardText(teams.bodies[0]!.body)).toContain('Principle 1 of 10');

    // "Restart": a new store connection and a new scheduler on the same database.
    await store.close();
    store = await db.open();
    clock.set('2026-11-23T09:30:00Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(0);
    expect(teams.counts.delivered).toBe(1);

    // Next week, the rotation carries on from where it was.
    clock.set('2026-11-30T09:00:01Z');
    await schedulerFor(store, kb, clock).runOnce();
    expect(cardText(teams.bodies[1]!.body)).toContain('Principle 2 of 10');
    const log = await store.postLog({ subscriptionId: 'sub-1' }, 10);
    expect(log.map((p) => p.status)).toEqual(['sent', 'sent']);
    expect(log[0]!.activityId).toMatch(/^activity-/);
  });

  test('in summer the same subscription posts at 08:00 UTC', async () => {
    const clock = fakeClock('2026-06-26T12:00:00Z');
    await addChannel(store, teams.url, 1, MONDAY_9_LONDON, clock.now());
    clock.set('2026-06-29T07:59:59Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(0);
    clock.set('2026-06-29T08:00:00Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(1);
  });

  test('catch-up: a slot missed while down posts within the grace window; an older one is recorded as missed, never posted', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, teams.url, 1, MONDAY_9_LONDON, clock.now());
    await addChannel(store, teams.url, 2, { ...MONDAY_9_LONDON, weekdays: [2] }, clock.now()); // Tuesday 09:00
    clock.set('2026-11-24T14:00:00Z'); // Monday's slot is 29 hours old; Tuesday's 5 hours
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(1);
    expect([...teams.deliveries.keys()]).toEqual(['19:channel-2@thread.tacv2']);
    const monday = await store.postLog({ subscriptionId: 'sub-1' }, 10);
    expect(monday.map((p) => [p.status, p.error])).toEqual([['missed', expect.stringContaining('not running')]]);
  });

  test('429: honours Retry-After, holding every sender, then posts once', async () => {
    const fake: FakeConnector = await startFakeConnector();
    try {
      const clock = fakeClock('2026-11-20T12:00:00Z');
      await addChannel(store, fake.url, 1, MONDAY_9_LONDON, clock.now());
      fake.failNext(429, 1, { 'retry-after': '7' });
      clock.set('2026-11-23T09:00:00Z');
      // When each attempt starts, on the scheduler's clock.
      const sentAt: number[] = [];
      const real = connectorSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '', kb);
      const scheduler = schedulerFor(store, kb, clock, {
        send: (post, conversation) => {
          sentAt.push(clock.now().getTime());
          return real(post, conversation);
        },
      });
      await scheduler.runOnce();
      expect(fake.requests).toHaveLength(2);
      // The second try came no sooner than Retry-After (7 s, on the scheduler's clock) after the first.
      expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(7000);
      expect((await store.postLog({ subscriptionId: 'sub-1' }, 1))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      await fake.close();
    }
  });

  test('503 and network errors back off exponentially with jitter; retries are bounded', async () => {
    const fake = await startFakeConnector();
    try {
      const clock = fakeClock('2026-11-20T12:00:00Z');
      await addChannel(store, fake.url, 1, MONDAY_9_LONDON, clock.now());
      fake.failNext(503, 10);
      clock.set('2026-11-23T09:00:00Z');
      const scheduler = schedulerFor(store, kb, clock, { maxAttempts: 4 });
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        await scheduler.runOnce();
        const [p] = await store.postLog({ subscriptionId: 'sub-1' }, 1);
        if (p!.status !== 'pending') break;
        waits.push(p!.nextAttemptAt!.getTime() - clock.now().getTime());
        clock.set(p!.nextAttemptAt!.toISOString());
      }
      expect(fake.requests).toHaveLength(4);
      expect(waits[1]!).toBeGreaterThan(waits[0]!);
      expect(waits[2]!).toBeGreaterThan(waits[1]!);
      expect((await store.postLog({ subscriptionId: 'sub-1' }, 1))[0]).toMatchObject({
        status: 'failed',
        attempts: 4,
        error: expect.stringContaining('gave up after 4 attempts'),
      });
    } finally {
      await fake.close();
    }
  });

  test('403 (the bot was removed): the subscription stops, the reason shows, and it is not retried', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    const forbidden = await startTeamsConnector({ forbidden: new Set(['19:channel-1@thread.tacv2']) });
    try {
      await addChannel(store, forbidden.url, 1, MONDAY_9_LONDON, clock.now());
      clock.set('2026-11-23T09:00:00Z');
      await schedulerFor(store, kb, clock).runOnce();
      clock.set('2026-12-07T09:00:00Z');
      await schedulerFor(store, kb, clock).runOnce();
      expect(forbidden.counts.requests).toBe(1);
      expect(await store.subscription('sub-1')).toMatchObject({
        status: 'inactive',
        inactiveReason: expect.stringContaining('403'),
      });
      expect((await store.conversation('19:channel-1@thread.tacv2'))?.status).toBe('gone');
    } finally {
      await forbidden.close();
    }
  });

  test('a scheduled meeting opener posts its group card five minutes before a 10:00 meeting, 09:55 GMT in winter and 08:55 UTC in summer', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    const opener = { ...MONDAY_9_LONDON, kind: 'meeting-opener' as const, time: '10:00', leadMinutes: 5 };
    await addChannel(store, teams.url, 1, opener, clock.now());
    clock.set('2026-11-23T09:54:59Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(0);
    clock.set('2026-11-23T09:55:00Z');
    expect(await schedulerFor(store, kb, clock).runOnce()).toBe(1);
    const card = cardText(teams.bodies[0]!.body);
    expect(card).toContain('Welcome. A moment to reflect before we start');
    expect(card).toContain(JSON.stringify(kb.entry('lbbd-be-collaborative')!.groupPrompts[0]).slice(1, -1));
    expect(card).toContain('"verb":"anotherPrompt"');

    const summer = await addChannel(store, teams.url, 2, opener, new Date('2027-06-01T00:00:00Z'));
    expect(summer.nextSlotAt?.toISOString()).toBe('2027-06-07T08:55:00.000Z');
  });

  test('paused posts are skipped and logged; skip uses up exactly one slot', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, teams.url, 1, MONDAY_9_LONDON, clock.now());
    await store.updateSubscription('sub-1', { skipNext: 1 });
    clock.set('2026-11-23T09:00:00Z');
    await schedulerFor(store, kb, clock).runOnce();
    await store.updateSubscription('sub-1', { status: 'paused', pausedUntil: undefined });
    clock.set('2026-11-30T09:00:00Z');
    await schedulerFor(store, kb, clock).runOnce();
    await store.updateSubscription('sub-1', { status: 'active' });
    clock.set('2026-12-07T09:00:00Z');
    await schedulerFor(store, kb, clock).runOnce();
    expect(teams.counts.delivered).toBe(1);
    expect(cardText(teams.bodies[0]!.body)).toContain('Principle 1 of 10');
    const log = await store.postLog({ subscriptionId: 'sub-1' }, 10);
    expect(log.map((p) => [p.status, p.error ?? null])).toEqual([
      ['sent', null],
      ['skipped', 'paused'],
      ['skipped', 'skipped on request'],
    ]);
  });
});

describe('several instances on one PostgreSQL', () => {
  test('3 schedulers, 120 channels due at once: each slot posts exactly once', async () => {
    const db = await postgres.fresh();
    const stores = [await db.open(), await db.open(), await db.open()];
    const teams = await startTeamsConnector();
    try {
      const start = fakeClock('2026-11-20T12:00:00Z');
      for (let n = 1; n <= 120; n++) await addChannel(stores[0]!, teams.url, n, MONDAY_9_LONDON, start.now());
      const finished = await Promise.all(
        stores.map((s) => schedulerFor(s, kb, fakeClock('2026-11-23T09:00:00Z')).runOnce()),
      );
      expect(finished.reduce((a, b) => a + b, 0)).toBe(120);
      expect(finished.filter((n) => n > 0).length).toBeGreaterThan(1); // the work really was shared
      expect(teams.deliveries.size).toBe(120);
      expect([...teams.deliveries.values()].every((n) => n === 1)).toBe(true);
    } finally {
      for (const s of stores) await s.close();
      await teams.close();
      await db.drop();
    }
    // Seeding 120 subscriptions, each in its own transaction with its audit row, takes seconds on a busy machine.
  }, 30_000);
});
