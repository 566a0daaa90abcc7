// Finding 6: a tenant taken off ALLOWED_TENANTS still got its scheduled posts and meeting openers.
import { DateTime } from 'luxon';
import { useBot } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { cardText } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { addChannel, fakeClock, MONDAY_9_LONDON, schedulerFor } from '../../testkit/scheduling';
import { addPost, BACKENDS } from '../../testkit/stores';
import { tenantPolicy } from '../../bot/teams/tenants';
import type { Store } from '../../store/types';
import { load } from '../helpers/config';

const kb = loadOrThrow();
// addChannel stores its channels under this tenant.
const STORED_TENANT = '00000000-0000-4000-8000-000000000002';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

describe.each(BACKENDS)('the scheduler on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let connector: FakeConnector;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await store.close();
    await connector.close();
    await db.drop();
  });

  test('skips a tenant taken off the list, says why in the post log, and posts again once it is back', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, connector.url, 1, MONDAY_9_LONDON, clock.now());
    const removed = tenantPolicy(load({ ALLOWED_TENANTS: OTHER_TENANT }));

    clock.set('2026-11-23T09:00:00Z');
    await schedulerFor(store, kb, clock, { tenantAllowed: removed }).runOnce();
    expect(connector.requests).toHaveLength(0);
    const [skipped] = await store.postLog({ subscriptionId: 'sub-1' }, 1);
    expect(skipped).toMatchObject({
      status: 'skipped',
      error: expect.stringMatching(/organisation is no longer allowed/),
    });
    // The subscription itself carries on, so posts come back when the tenant does.
    expect((await store.subscription('sub-1'))?.status).toBe('active');

    const back = tenantPolicy(load({ ALLOWED_TENANTS: `${OTHER_TENANT},${STORED_TENANT}` }));
    clock.set('2026-11-30T09:00:00Z');
    await schedulerFor(store, kb, clock, { tenantAllowed: back }).runOnce();
    expect(connector.requests).toHaveLength(1);
    expect((await store.postLog({ subscriptionId: 'sub-1' }, 2)).map((p) => p.status)).toEqual(['sent', 'skipped']);
  });

  test('a meeting opener for a removed tenant is skipped the same way', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, connector.url, 1, MONDAY_9_LONDON, clock.now());
    await addPost(
      store,
      {
        slotKey: 'meeting:m1@2026-11-20T12:00:00.000Z',
        conversationId: '19:channel-1@thread.tacv2',
        slotAt: clock.now(),
        entryId: 'lbbd-accountability',
        content: {
          entryId: 'lbbd-accountability',
          prompts: [0],
          audience: 'group',
          position: 1,
          of: 1,
          cycle: 0,
          kind: 'meeting-opener',
          kinds: 1,
        },
        status: 'pending',
      },
      clock.now(),
    );
    await schedulerFor(store, kb, clock, {
      tenantAllowed: tenantPolicy(load({ ALLOWED_TENANTS: OTHER_TENANT })),
    }).runOnce();
    expect(connector.requests).toHaveLength(0);
    expect((await store.postLog({ slotKey: 'meeting:m1@2026-11-20T12:00:00.000Z' }, 1))[0]).toMatchObject({
      status: 'skipped',
    });
  });

  test('with no ALLOWED_TENANTS, every tenant is posted to', async () => {
    const clock = fakeClock('2026-11-20T12:00:00Z');
    await addChannel(store, connector.url, 1, MONDAY_9_LONDON, clock.now());
    clock.set('2026-11-23T09:00:00Z');
    await schedulerFor(store, kb, clock, { tenantAllowed: tenantPolicy(load({})) }).runOnce();
    expect(connector.requests).toHaveLength(1);
  });
});

describe('the running service', () => {
  const bot = useBot();
  let running: RunningApp;

  test('reads ALLOWED_TENANTS for its scheduler, and `schedule history` shows why a post was not sent', async () => {
    const db = await BACKENDS[0]!.fresh();
    const fixtureTenant = '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93';
    const conversationId = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
    const mention = activity('channel-mention', bot.connector.url, {
      text: '<at>Practice Companion</at> schedule history',
    });
    try {
      // The bot hears from a channel of the fixtures' tenant, and keeps its reference.
      running = await bot.start({ ALLOWED_TENANTS: fixtureTenant }, { store: await db.open() });
      await running.post(mention);
      expect(await running.store.conversation(conversationId)).toBeDefined();
      // A post due a minute ago (the service's scheduler runs on the real clock).
      const due = DateTime.utc().minus({ minutes: 1 }).toJSDate();
      await addPost(
        running.store,
        {
          slotKey: `test-slot-${due.getTime()}`,
          conversationId,
          slotAt: due,
          entryId: 'lbbd-accountability',
          content: {
            entryId: 'lbbd-accountability',
            prompts: [0],
            audience: 'group',
            position: 1,
            of: 10,
            cycle: 0,
            kind: 'post',
            kinds: 1,
          },
          status: 'pending',
        },
        due,
      );
      await running.close();

      // The tenant is taken off the list; the service restarts with the new setting.
      running = await bot.start({ ALLOWED_TENANTS: OTHER_TENANT }, { store: await db.open() });
      const before = bot.connector.requests.length;
      await running.app.scheduler.runOnce();
      expect(bot.connector.requests.length).toBe(before);
      await running.close();

      // Back on the list: the history says what happened.
      running = await bot.start({ ALLOWED_TENANTS: fixtureTenant }, { store: await db.open() });
      await running.post(mention);
      const history = cardText(cardOf(bot.connector.sent().at(-1)) ?? {});
      expect(history).toMatch(/skipped.*organisation is no longer allowed/i);
    } finally {
      await bot.stop();
      await db.drop();
    }
  });
});
