import type { Store } from '../../store/types';
import { validateCard, actionTitled, textsOf } from '../helpers/adaptive-cards';
import { startApp, useBot } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';
import { addPost, BACKENDS, postgres } from '../../testkit/stores';
import { scheduleStore } from '../../schedule/schedule-store';

const kb = loadOrThrow();
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';
const mention = (text: string, from?: Record<string, unknown>) => ({
  text: `<at>Practice Companion</at> ${text}`,
  conversation: {
    isGroup: true,
    conversationType: 'groupChat',
    tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
    id: MEETING_CHAT,
  },
  ...(from && { from }),
});

describe.each(BACKENDS)('meeting openers on $name', (backend) => {
  const bot = useBot({ backend });
  let store: Store;
  let app: RunningApp;
  beforeEach(() => {
    store = bot.store;
  });
  /** Starts the service with openers chosen for the meeting chat (they are off until someone chooses them). */
  const start = async (env: Record<string, string> = {}, chosen = true) => {
    app = await bot.start({ DEFAULT_FRAMEWORK: 'lbbd', ...env });
    if (chosen) await store.setMeetingOpeners(`conversation:${MEETING_CHAT}`, true, new Date());
  };
  const posted = () =>
    bot.connector.requests.filter(
      (r) =>
        (r.method === 'POST' && r.path.includes(encodeURIComponent(MEETING_CHAT))) || r.path.includes(MEETING_CHAT),
    );
  const cardsPosted = () =>
    posted()
      .map((r) => cardOf(r.body))
      .filter((c): c is Record<string, unknown> => c !== undefined);

  test('a meeting start posts one reflection card in the meeting chat: welcome, an item, one prompt for a group, another prompt, read the full text', async () => {
    await start();
    const res = await app.post(activity('meeting-start', bot.connector.url));
    expect(res.status).toBe(200);
    await app.app.scheduler.runOnce();
    const cards = cardsPosted();
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('Welcome. A moment to reflect before we start');
    const entry = kb.entries.find((e) => texts.includes(e.title) && e.groupPrompts.some((p) => texts.includes(p)));
    expect(entry).toBeDefined(); // the prompt is one of the entry's group prompts
    expect(actionTitled(card, 'Another prompt')).toMatchObject({ type: 'Action.Execute', verb: 'anotherPrompt' });
    expect(actionTitled(card, `Read the full ${entry!.kind}`)).toMatchObject({ type: 'Action.ToggleVisibility' });
  });

  test('once per meeting: the event twice, and people leaving and rejoining, give one opener; the next meeting of the series gets the next item', async () => {
    await start();
    await app.post(activity('meeting-start', bot.connector.url));
    await app.post(activity('meeting-start', bot.connector.url, { id: 'another-delivery' }));
    await app.app.scheduler.runOnce();
    await app.post(activity('meeting-start', bot.connector.url, { id: 'after-rejoin' }));
    await app.app.scheduler.runOnce();
    expect(cardsPosted()).toHaveLength(1);

    const nextWeek = activity('meeting-start', bot.connector.url);
    (nextWeek['value'] as Record<string, unknown>)['StartTime'] = '2026-11-30T10:00:00.1234567Z';
    await app.post(nextWeek);
    await app.app.scheduler.runOnce();
    const cards = cardsPosted();
    expect(cards).toHaveLength(2);
    expect(textsOf(cards[0]!)[1]).not.toEqual(textsOf(cards[1]!)[1]);
  });

  test('openers are off until someone chooses them: a meeting start with no choice posts nothing', async () => {
    await start({}, false);
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    expect(cardsPosted()).toHaveLength(0);
  });

  test('adding the app to a meeting chooses openers for that meeting, and says so', async () => {
    await start({}, false);
    const added = activity('install-personal', bot.connector.url, {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
        id: MEETING_CHAT,
      },
      channelData: { tenant: { id: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93' }, meeting: { id: 'MCMxOTptZWV0aW5n' } },
    });
    await app.post(added);
    expect(await store.meetingOpeners(`conversation:${MEETING_CHAT}`)).toBe(true);
    expect(JSON.stringify(bot.connector.sent().at(-1))).toContain(
      'When this meeting starts, I will post a short moment to reflect.',
    );
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    expect(cardsPosted().filter((c) => textsOf(c)[0] === 'Welcome. A moment to reflect before we start')).toHaveLength(
      1,
    );
  });

  test('adding the app to a meeting keeps an existing choice: "off" stays off', async () => {
    await start({}, false);
    await store.setMeetingOpeners(`conversation:${MEETING_CHAT}`, false, new Date());
    await app.post(
      activity('install-personal', bot.connector.url, {
        conversation: {
          isGroup: true,
          conversationType: 'groupChat',
          tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
          id: MEETING_CHAT,
        },
      }),
    );
    expect(await store.meetingOpeners(`conversation:${MEETING_CHAT}`)).toBe(false);
  });

  test('installing in a team does not turn openers on; its welcome card offers them with a button that does', async () => {
    await start({}, false);
    await app.post(activity('install-team', bot.connector.url));
    const welcome = bot.connector.sent().at(-1);
    const card = cardOf(welcome)!;
    expect(textsOf(card)).toContain('Meetings');
    const button = actionTitled(card, 'Turn on meeting openers') as unknown as {
      verb: string;
      data: Record<string, unknown>;
    };
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'meetingOpeners', data: { on: true } });
    const teamScope = 'team:19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
    expect(await store.meetingOpeners(teamScope)).toBeUndefined();
    // Pressing it in the channel (no @mention needed: it is a card button).
    await app.post(
      activity('channel-mention', bot.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: '',
        entities: [],
        value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
      }),
    );
    expect(await store.meetingOpeners(teamScope)).toBe(true);
    expect(JSON.stringify(bot.connector.sent().at(-1))).toContain('Meeting openers are on');
  });

  test('meeting end is accepted quietly', async () => {
    await start();
    const res = await app.post(activity('meeting-end', bot.connector.url));
    expect(res.status).toBe(200);
    await app.app.scheduler.runOnce();
    expect(posted()).toHaveLength(0);
  });

  test('"meeting openers off" stops them, is audited, and "on" brings them back', async () => {
    await start();
    await app.post(activity('group-chat-message', bot.connector.url, mention('meeting openers off')));
    expect(JSON.stringify(bot.connector.sent().at(-1))).toContain('Meeting openers are off');
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    expect(cardsPosted()).toHaveLength(0);
    const log = await store.auditLog([`conversation:${MEETING_CHAT}`], 5);
    expect(log[0]).toMatchObject({
      action: 'meeting-openers',
      actor: '0b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
      detail: 'meeting openers turned off',
    });

    await app.post(activity('group-chat-message', bot.connector.url, mention('meeting openers on')));
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    expect(cardsPosted()).toHaveLength(1);
  });

  test('with ADMIN_AAD_IDS set, others are refused politely and nothing changes', async () => {
    await start({ ADMIN_AAD_IDS: '11111111-2222-4333-8444-555555555555' }, false);
    await app.post(activity('group-chat-message', bot.connector.url, mention('meeting openers off')));
    expect(JSON.stringify(bot.connector.sent().at(-1))).toContain('Only the people your organisation has named');
    expect(await store.meetingOpeners(`conversation:${MEETING_CHAT}`)).toBeUndefined();
  });

  test('"Another prompt" refreshes the card in place: a different prompt for the same item', async () => {
    await start();
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    const card = cardsPosted()[0]!;
    const button = actionTitled(card, 'Another prompt') as unknown as {
      verb: string;
      data: { entryId: string; promptIndex: number; audience: string };
    };
    const res = await app.post(
      activity('adaptive-card-action', bot.connector.url, {
        conversation: {
          isGroup: true,
          conversationType: 'groupChat',
          tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
          id: MEETING_CHAT,
        },
        value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(200);
    const refreshed = (JSON.parse(res.body) as { value: Record<string, unknown> }).value;
    const entry = kb.entry(button.data.entryId)!;
    const before = entry.groupPrompts.find((p) => textsOf(card).includes(p));
    const after = entry.groupPrompts.find((p) => textsOf(refreshed).includes(p));
    expect(after).toBeDefined();
    expect(after).not.toEqual(before);
    expect(textsOf(refreshed).join('\n')).toContain(entry.title);
  });

  test("uses the item the team's scheduled post featured this week", async () => {
    await start();
    await store.setFramework({
      scopeId: `conversation:${MEETING_CHAT}`,
      frameworkId: 'jersey',
      changedBy: 'x',
      at: new Date(),
    });
    const spec = {
      kind: 'post' as const,
      frameworkId: 'jersey',
      content: ['ingredient' as const],
      weekdays: [1],
      time: '09:00',
      timeZone: 'Europe/London',
      cadence: 'weekly' as const,
      anchorWeek: '2026-11-23',
    };
    await scheduleStore(store).createSubscription(
      {
        id: 'sub',
        conversationId: MEETING_CHAT,
        spec,
        status: 'active',
        skipNext: 0,
        rotation: { cycle: 1, seen: [], promptsUsed: {} },
        createdAt: new Date(),
        createdBy: 'x',
      },
      { scopeId: MEETING_CHAT, at: new Date(), actor: 'x', action: 'subscribe', detail: 'a meeting opener' },
    );
    await addPost(
      store,
      {
        slotKey: 'sub@week',
        subscriptionId: 'sub',
        conversationId: MEETING_CHAT,
        slotAt: new Date(),
        entryId: 'jersey-trauma-informed',
        content: { entryId: 'jersey-trauma-informed' },
        status: 'pending',
      },
      new Date(),
    );
    const claimed = await store.claimNextPost(new Date(), 'test', new Date(Date.now() + 60_000));
    await store.finishPost(claimed!.id, 'test', { status: 'sent' }, new Date());
    bot.connector.requests.length = 0;
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    expect(textsOf(cardsPosted()[0]!).join('\n')).toContain(kb.entry('jersey-trauma-informed')!.title);
  });
});

test('two instances racing on one PostgreSQL post one opener', async () => {
  const db = await postgres.fresh();
  const connector = await startFakeConnector();
  const apps = [
    await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { store: await db.open() }),
    await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { store: await db.open() }),
  ];
  try {
    await apps[0]!.store.setMeetingOpeners(`conversation:${MEETING_CHAT}`, true, new Date());
    await Promise.all(
      apps.flatMap((a) => [
        a.post(activity('meeting-start', connector.url)),
        a.post(activity('meeting-start', connector.url)),
      ]),
    );
    await Promise.all(apps.map((a) => a.app.scheduler.runOnce()));
    const cards = connector.requests.filter((r) => r.path.includes('/activities') && cardOf(r.body));
    expect(cards).toHaveLength(1);
  } finally {
    for (const a of apps) await a.close();
    await connector.close();
    await db.drop();
  }
});
