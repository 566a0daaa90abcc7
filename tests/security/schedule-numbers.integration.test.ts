// Finding 5: `schedule pause 1000` paused every schedule; `pause -2` and `pause 2x` did too, and
// `schedule skip -1` skipped the soonest post. A number that is not a listed schedule changes nothing.
import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { BACKENDS } from '../../testkit/stores';
import { WEEKLY_FORM_SUBMIT } from '../../testkit/scheduling';
import { clockOf } from '../../time/clock';

const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';

describe.each(BACKENDS)('schedule numbers on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let connector: FakeConnector;
  let app: RunningApp;
  const say = (text: string) =>
    app.post(activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` }));
  const lastText = () => String(connector.sent().at(-1)?.['text'] ?? '');
  /** Everything a command could change: each subscription's state, and the audit log. */
  const state = async () => ({
    subs: (await store.subscriptionsIn(CHANNEL)).map((s) => ({
      status: s.status,
      skipNext: s.skipNext,
      pausedUntil: s.pausedUntil?.getTime() ?? null,
      nextSlotAt: s.nextSlotAt?.getTime() ?? null,
    })),
    audit: (await store.auditLog([CHANNEL], 50)).length,
    posts: (await store.postLog({ conversationId: CHANNEL }, 50)).length,
  });

  beforeAll(async () => {
    db = await backend.fresh();
    store = await db.open();
    connector = await startFakeConnector();
    app = await startApp(
      { DEFAULT_FRAMEWORK: 'lbbd' },
      { store, clock: clockOf(() => new Date('2026-11-24T12:00:00Z')) },
    );
    // Two schedules in the channel.
    await app.post(
      activity('channel-mention', connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }),
    );
    await app.post(
      activity('channel-mention', connector.url, {
        text: '',
        attachments: [],
        value: { ...WEEKLY_FORM_SUBMIT, weekdays: '3' },
      }),
    );
    expect(await store.subscriptionsIn(CHANNEL)).toHaveLength(2);
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    await db.drop();
  });

  test.each([
    ['schedule pause 1000', '1000'],
    ['schedule pause -2', '-2'],
    ['schedule pause 2x', '2x'],
    ['schedule pause 0', '0'],
    ['schedule pause 3', '3'],
    ['schedule pause 1.5', '1.5'],
    ['schedule pause 99999999999999999999', '99999999999999999999'],
    ['schedule pause until 2026-12-01 7', '7'],
    ['schedule pause 1 2', '1 2'],
    ['schedule resume 1000', '1000'],
    ['schedule resume -1', '-1'],
    ['schedule skip -1', '-1'],
    ['schedule skip 1000', '1000'],
    ['schedule skip 2x', '2x'],
    ['schedule preview 9', '9'],
    ['schedule post now 5', '5'],
    ['unsubscribe 1000', '1000'],
    ['unsubscribe -2', '-2'],
    ['unsubscribe 2x', '2x'],
    ['unsubscribe 1e3', '1e3'],
  ])('"%s" answers that there is no such schedule, and changes nothing', async (command, shown) => {
    const before = await state();
    const sent = connector.requests.length;
    await say(command);
    expect(connector.requests.length).toBe(sent + 1);
    expect(lastText()).toBe(`There is no schedule ${shown} here; there are 2. Type "schedule" to see them.`);
    expect(await state()).toEqual(before);
  });

  test('a listed number still works: "schedule pause 2" pauses only the second', async () => {
    await say('schedule pause 2');
    expect((await store.subscriptionsIn(CHANNEL)).map((s) => s.status)).toEqual(['active', 'paused']);
    await say('schedule resume 2');
    expect((await store.subscriptionsIn(CHANNEL)).map((s) => s.status)).toEqual(['active', 'active']);
  });
});
