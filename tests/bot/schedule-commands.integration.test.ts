import type { Store } from '../../store/types';
import { validateCard, textsOf } from '../helpers/adaptive-cards';
import { useBot } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { activity, cardOf } from '../helpers/fixtures';
import { BACKENDS } from '../../testkit/stores';
import { WEEKLY_FORM_SUBMIT } from '../../testkit/scheduling';
import { clockOf } from '../../time/clock';

const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';

describe.each(BACKENDS)('schedule commands on $name', (backend) => {
  const bot = useBot({ backend });
  let store: Store;
  let app: RunningApp;
  beforeEach(() => {
    store = bot.store;
  });
  const start = async (env: Record<string, string> = {}, now?: () => Date) => {
    app = await bot.start({ DEFAULT_FRAMEWORK: 'lbbd', ...env }, { store, ...(now && { clock: clockOf(now) }) });
  };
  const say = (text: string) =>
    app.post(activity('channel-mention', bot.connector.url, { text: `<at>Practice Companion</at> ${text}` }));
  const submit = (value: Record<string, unknown>) =>
    app.post(activity('channel-mention', bot.connector.url, { text: '', attachments: [], value }));
  const lastText = () => {
    const a = bot.connector.sent().at(-1) ?? {};
    return String(a['text'] ?? '') + textsOf(cardOf(a) ?? { body: [] }).join('\n');
  };

  test('"schedule" in a channel shows its schedules and a form that validates at 1.5', async () => {
    await start();
    await say('schedule');
    const card = cardOf(bot.connector.sent().at(-1))!;
    expect(validateCard(card)).toEqual([]);
    const texts = textsOf(card).join('\n');
    expect(texts).toContain('This channel has no scheduled posts yet.');
    expect(JSON.stringify(card)).toContain('"verb":"scheduleSave"');
  });

  test('saving the form adds a subscription for the channel (not the thread), audited, with the first post time in its zone', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await submit(WEEKLY_FORM_SUBMIT);
    expect(lastText()).toContain('The first post is on Mon 30 Nov 2026 at 09:00');
    const [sub] = await store.subscriptionsIn(CHANNEL);
    expect(sub).toMatchObject({
      status: 'active',
      teamId: TEAM,
      createdBy: SAM,
      spec: { content: ['principle'], weekdays: [1], time: '09:00', cadence: 'weekly', timeZone: 'Europe/London' },
    });
    expect(sub!.nextSlotAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    const [change] = await store.auditLog([CHANNEL], 1);
    expect(change).toMatchObject({
      actor: SAM,
      action: 'subscribe',
      detail: expect.stringContaining('every Monday at 09:00 (Europe/London)'),
    });
    expect((await store.conversation(CHANNEL))?.reference).toMatchObject({ conversation: { id: CHANNEL } });
  });

  test('bad form input gets a clear list of what to fix, and nothing is saved', async () => {
    await start();
    await submit({
      ...WEEKLY_FORM_SUBMIT,
      content: '',
      time: '25:00',
      timeZone: 'Mars/Olympus',
      frameworkId: 'jersey',
      weekdays: '',
    });
    const reply = lastText();
    expect(reply).toContain("I didn't save that yet");
    expect(reply).toContain('Choose what to post');
    expect(reply).toContain('for example 09:00');
    expect(reply).toContain('"Mars/Olympus" is not a time zone');
    expect(reply).toContain('Choose at least one day');
    await submit({ ...WEEKLY_FORM_SUBMIT, frameworkId: 'jersey', content: 'principle' });
    expect(lastText()).toContain('The Jersey framework has no principles');
    expect(await store.subscriptionsIn(CHANNEL)).toEqual([]);
  });

  test('two "schedule skip"s sent at the same moment skip two posts, and each reply names a different date', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await submit(WEEKLY_FORM_SUBMIT);
    await Promise.all([say('schedule skip'), say('schedule skip')]);
    expect((await store.subscriptionsIn(CHANNEL))[0]).toMatchObject({ skipNext: 2 });
    const replies = bot.connector
      .sent()
      .slice(-2)
      .map((a) => String(a['text'] ?? ''))
      .sort();
    expect(replies).toEqual([
      'Done: the post on Mon 30 Nov 2026 at 09:00 will be skipped. The one after will post as usual.',
      'Done: the post on Mon 7 Dec 2026 at 09:00 will be skipped. The one after will post as usual.',
    ]);
  });

  test('pause, resume, skip, history and unsubscribe change the subscription and are all in the history', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await submit(WEEKLY_FORM_SUBMIT);
    await say('schedule pause until 2026-12-10');
    expect(lastText()).toContain('Paused until 2026-12-10');
    expect((await store.subscriptionsIn(CHANNEL))[0]).toMatchObject({ status: 'paused' });
    await say('schedule resume');
    expect((await store.subscriptionsIn(CHANNEL))[0]).toMatchObject({ status: 'active' });
    await say('schedule skip');
    expect(lastText()).toContain('Mon 30 Nov 2026 at 09:00 will be skipped');
    expect((await store.subscriptionsIn(CHANNEL))[0]).toMatchObject({ skipNext: 1 });
    await say('schedule history');
    const history = lastText();
    for (const words of ['added "Barking & Dagenham principles"', 'paused', 'resumed', 'skipped the post'])
      expect(history).toContain(words);
    await say('unsubscribe');
    expect(await store.subscriptionsIn(CHANNEL)).toEqual([]);
    // The test's clock stands still, so every change has the same time: look for it, not at the top.
    expect((await store.auditLog([CHANNEL], 10)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['subscribe', 'pause', 'resume', 'skip', 'unsubscribe']),
    );
  });

  test('history names people as Teams does, asked when shown and never stored; anyone Teams cannot name is "someone"', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    bot.connector.members.set(SAM, { name: 'Sam Taylor', email: 'sam.taylor@example.org' });
    await submit(WEEKLY_FORM_SUBMIT);
    await say('schedule pause');
    await say('schedule history');
    const history = lastText();
    expect(history).toMatch(/added "Barking & Dagenham principles".*\(by Sam Taylor\)/);
    expect(history).not.toContain(SAM);
    const lookups = bot.connector.requests.filter((r) => r.method === 'GET' && r.path.includes('/members/'));
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups[0]?.path).toBe(`/v3/conversations/${encodeURIComponent(TEAM)}/members/${SAM}`);
    // The store keeps the id only.
    const log = await store.auditLog([CHANNEL], 10);
    expect(log.every((e) => e.actor === SAM)).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Sam Taylor');

    // Sam has left the team: Teams answers 404, and the history still shows, without the id.
    bot.connector.members.clear();
    await say('schedule history');
    expect(lastText()).toContain('(by someone)');
    expect(lastText()).not.toContain(SAM);

    // Teams refuses the lookup: the same.
    bot.connector.members.set(SAM, { name: 'Sam Taylor' });
    bot.connector.failNext(403, 1);
    await say('schedule history');
    expect(lastText()).toContain('(by someone)');
  });

  test('several subscriptions: commands ask which one, and a number picks it', async () => {
    await start();
    await submit(WEEKLY_FORM_SUBMIT);
    await submit({ ...WEEKLY_FORM_SUBMIT, content: 'value', weekdays: '5', time: '15:30' });
    await say('schedule pause 2');
    const subs = await store.subscriptionsIn(CHANNEL);
    expect(subs.map((s) => s.status)).toEqual(['active', 'paused']);
    await say('unsubscribe 9');
    expect(lastText()).toContain('There is no schedule 9 here');
  });

  test('"schedule preview" sends the next card to the asker only, exactly as "post now" then posts it', async () => {
    await start();
    await submit(WEEKLY_FORM_SUBMIT);
    const before = bot.connector.requests.length;
    await say('schedule preview');
    const newConversation = bot.connector.requests.slice(before).find((r) => r.path === '/v3/conversations');
    expect(newConversation?.body).toMatchObject({ isGroup: false, members: [{ aadObjectId: SAM }] });
    expect(lastText()).toContain('sent you the preview in our one-to-one chat');
    const preview = bot.connector.requests
      .slice(before)
      .map((r) => cardOf(r.body))
      .find((c) => c !== undefined)!;
    expect(textsOf(preview).join('\n')).toContain('Principle 1 of 10');

    await say('schedule post now');
    await app.app.scheduler.runOnce();
    // To the channel itself (a new thread), not to the thread the command was typed in.
    const post = bot.connector.requests.find((r) =>
      r.path.startsWith(`/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`),
    );
    expect(post).toBeDefined();
    expect(cardOf(post!.body)).toEqual(preview);
    // Post now used up item 1; the next preview is item 2.
    await say('schedule preview');
    const next = bot.connector.requests
      .map((r) => cardOf(r.body))
      .filter((c) => c !== undefined)
      .at(-1)!;
    expect(textsOf(next).join('\n')).toContain('Principle 2 of 10');
  });

  test('with ADMIN_AAD_IDS, others are refused politely and told who can; admins can', async () => {
    await start({ ADMIN_AAD_IDS: '11111111-2222-4333-8444-555555555555' });
    await submit(WEEKLY_FORM_SUBMIT);
    expect(lastText()).toContain('Only the people your organisation has named as Practice Companion administrators');
    expect(await store.subscriptionsIn(CHANNEL)).toEqual([]);
    await app.close(); // closes the store too
    store = await bot.database.open();
    await start({ ADMIN_AAD_IDS: `11111111-2222-4333-8444-555555555555, ${SAM}` });
    await submit(WEEKLY_FORM_SUBMIT);
    expect(await store.subscriptionsIn(CHANNEL)).toHaveLength(1);
  });

  test('schedules belong to channels and group chats: a personal chat is told so', async () => {
    await start();
    await app.post(activity('personal-message', bot.connector.url, { text: 'schedule' }));
    expect(lastText()).toContain('Schedules belong to a channel or a group chat');
  });

  test("installing saves the channel's address; uninstalling marks it gone and stops its subscriptions", async () => {
    await start();
    await app.post(activity('install-team', bot.connector.url));
    expect((await store.conversation(TEAM))?.status).toBe('active');
    await submit(WEEKLY_FORM_SUBMIT);
    await app.post(
      activity('install-team', bot.connector.url, {
        type: 'installationUpdate',
        action: 'remove',
        membersAdded: undefined,
      }),
    );
    expect((await store.subscriptionsIn(CHANNEL))[0]).toMatchObject({
      status: 'inactive',
      inactiveReason: 'the app was uninstalled',
    });
    expect((await store.conversation(CHANNEL))?.status).toBe('gone');
    await say('schedule');
    expect(lastText()).toContain('Stopped: the app was uninstalled');
  });
});
