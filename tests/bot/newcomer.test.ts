import { cardText, textsOf } from '../helpers/adaptive-cards';
import { useBot } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { activity, cardOf } from '../helpers/fixtures';
import type { FixtureName } from '../helpers/fixtures';
import { addDueSubscription, MONDAY_9_LONDON, WEEKLY_FORM_SUBMIT } from '../../testkit/scheduling';
import { SUGGEST_WORDING } from '../../cards';
import { CARD_ACTION_REPLIES } from '../../bot/teams/card-actions';
import { clockOf } from '../../time/clock';

/**
 * What a newcomer tripped on in the Agents Playground (issue 25), each as Teams sends it, over the
 * local fake Bot Connector.
 */
const bot = useBot();
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';

let app: RunningApp;
const start = async (env: Record<string, string> = {}, now?: () => Date) => {
  app = await bot.start({ DEFAULT_FRAMEWORK: 'lbbd', ...env }, now ? { clock: clockOf(now) } : {});
};
const sent = () => bot.connector.sent();
const shown = (a: Record<string, unknown> | undefined) => String(a?.['text'] ?? '') + cardText(cardOf(a) ?? {});
const lastShown = () => shown(sent().at(-1));

/** A personal message, or an @mention in the channel or the group chat. */
const say = (text: string, where: 'personal' | 'channel' | 'group' = 'personal') =>
  app.post(
    where === 'personal'
      ? activity('personal-message', bot.connector.url, { text })
      : activity(where === 'channel' ? 'channel-mention' : 'group-chat-message', bot.connector.url, {
          text: `<at>Practice Companion</at> ${text}`,
        }),
  );

type InvokeBody = { statusCode: number; type: string; value: unknown };
/** A button press (Action.Execute), in the personal chat or the channel. */
const press = async (verb: string, data: unknown, where: 'personal' | 'channel' = 'personal') => {
  const fixture: FixtureName = where === 'personal' ? 'adaptive-card-action' : 'adaptive-card-action-channel';
  const res = await app.post(
    activity(fixture, bot.connector.url, {
      value: { action: { type: 'Action.Execute', title: 'x', verb, data }, trigger: 'manual' },
    }),
  );
  return JSON.parse(res.body) as InvokeBody;
};

type ExecuteAction = { type: string; title: string; verb?: string; data?: Record<string, unknown> };
const actionsOf = (card: unknown): ExecuteAction[] => {
  const found: ExecuteAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n['type'] === 'Action.Execute') found.push(n as unknown as ExecuteAction);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
};
const buttonTitled = (card: unknown, title: string) => actionsOf(card).find((a) => a.title === title);

describe('1. "list the principles", and the "List the ingredients" button, give the list', () => {
  test('"list the principles" gets the same list card as "principles"', async () => {
    await start();
    await say('principles');
    const list = cardOf(sent()[0]);
    await say('list the principles');
    expect(cardOf(sent()[1])).toEqual(list);
    await say('show me all the values');
    await say('values');
    expect(cardOf(sent()[2])).toEqual(cardOf(sent()[3]));
  });

  test('in a Jersey chat, the welcome\'s own button "list the ingredients" posts the list of ingredients', async () => {
    await start({ DEFAULT_FRAMEWORK: 'jersey' });
    await app.post(activity('install-personal', bot.connector.url));
    const button = buttonTitled(cardOf(sent()[0]), 'List the ingredients');
    expect(button?.verb).toBe('ask');
    await press('ask', button!.data);
    await say('ingredients');
    expect(cardOf(sent()[1])).toEqual(cardOf(sent()[2]));
    expect(cardText(cardOf(sent()[1]))).toMatch(/Ingredient 1 ·/);
  });
});

describe('2. Suggest this question keeps the not-sure card, 999 line and all', () => {
  const QUESTION = 'how do we record a zebra crossing risk assessment';

  test('Suggest leaves the card as it was and posts the form beneath; Send and Cancel change only the form', async () => {
    await start();
    await say(QUESTION);
    const notSure = cardOf(sent()[0]);
    expect(cardText(notSure)).toContain('999');
    const suggest = actionsOf(notSure).find((a) => a.verb === 'suggest')!;

    const pressed = await press('suggest', suggest.data);
    // Not a card: Teams would put it in place of the not-sure card, and the 999 line with it.
    expect(pressed.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(pressed.value).toBe(CARD_ACTION_REPLIES.posted);
    const form = cardOf(sent()[1]);
    expect(cardText(form)).toContain(SUGGEST_WORDING.formHeading);
    const send = actionsOf(form).find((a) => a.verb === 'suggestSend')!;

    const done = await press('suggestSend', { ...send.data, suggestion: QUESTION });
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(done.value)).toContain(SUGGEST_WORDING.sent);
    expect(cardText(done.value)).not.toContain('999');
    expect((await app.store.suggestions(10)).map((s) => s.text)).toEqual([QUESTION]);

    await press('suggest', suggest.data);
    const cancel = actionsOf(cardOf(sent()[2])).find((a) => a.verb === 'suggestCancel')!;
    const cancelled = await press('suggestCancel', cancel.data);
    expect(cardText(cancelled.value)).toContain(SUGGEST_WORDING.cancelled);
    expect(sent()).toHaveLength(3); // the not-sure card was never replaced
  });
});

describe("3. a card's buttons carry the framework they were made for", () => {
  test("an LBBD welcome card's example, pressed after the chat switched to Jersey, is answered from LBBD", async () => {
    await start();
    await app.post(activity('install-personal', bot.connector.url));
    const example = actionsOf(cardOf(sent()[0])).find((a) => a.verb === 'ask')!;
    expect(example.data).toMatchObject({ frameworkId: 'lbbd' });
    await say('framework jersey');
    const before = sent().length;
    await press('ask', example.data);
    expect(lastShown()).toMatch(/Barking & Dagenham|CARES|Value \d ·/);
    expect(sent()).toHaveLength(before + 1);
    // The chat still uses Jersey: a typed question is answered from it.
    expect(
      await app.store.frameworkFor(
        'conversation:a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890',
      ),
    ).toBe('jersey');
  });

  test("an example from a framework no longer served falls back to the chat's own", async () => {
    await start();
    const body = await press('ask', { question: 'principle 7', frameworkId: 'atlantis' });
    expect(body.statusCode).toBe(200);
    expect(lastShown()).toContain('Principle 7');
  });
});

describe('4. schedule history is a card that names the framework', () => {
  test('posts and changes under headings, with the framework by name, not its id', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await say('framework lbbd', 'channel');
    await app.post(
      activity('channel-mention', bot.connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }),
    );
    await say('schedule pause', 'channel');
    await say('schedule history', 'channel');
    const reply = sent().at(-1)!;
    const card = cardOf(reply);
    expect(card).toBeDefined();
    const texts = textsOf(card!);
    expect(texts).toEqual(expect.arrayContaining(['Posts', 'Changes']));
    const all = texts.join('\n');
    expect(all).not.toContain('**');
    expect(all).toContain('Barking & Dagenham');
    expect(all).not.toMatch(/\blbbd\b/);
    expect(all).toContain('paused "Barking & Dagenham principles"');
    expect(all).toContain('framework set to the Barking & Dagenham');
  });
});

describe('5. "@Practice Companion …" typed as text, with no mention chosen, is answered in a channel', () => {
  const typed = (text: string) =>
    app.post(activity('channel-mention', bot.connector.url, { text, entities: [], attachments: [] }));

  test('"@Practice Companion schedule pause until …" gets its reply', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await app.post(
      activity('channel-mention', bot.connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }),
    );
    await typed('@Practice Companion schedule pause until 2026-12-10');
    expect(lastShown()).toContain('Paused until 2026-12-10');
    await typed('@practice companion   schedule resume');
    expect(lastShown()).toContain('Resumed.');
  });

  test('a message to someone else, or naming no one, is still left alone', async () => {
    await start();
    await typed('@Sam Taylor schedule pause');
    await typed('schedule pause');
    await typed('@Practice Companionship is a good word');
    expect(sent()).toHaveLength(0);
  });
});

describe('6. resuming after a skip names the post that will go out', () => {
  test('skip, pause, resume: "Resumed. The next post is on" the one after the skipped one', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await app.post(
      activity('channel-mention', bot.connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }),
    );
    await say('schedule skip', 'channel');
    expect(lastShown()).toContain('Mon 30 Nov 2026 at 09:00 will be skipped');
    await say('schedule pause', 'channel');
    await say('schedule resume', 'channel');
    expect(lastShown()).toContain('Resumed. The next post is on Mon 7 Dec 2026 at 09:00');
  });
});

describe('7. "Another prompt" on a meeting opener keeps its heading', () => {
  test('the next prompt still opens with the welcome', async () => {
    await start();
    await app.store.setMeetingOpeners(`conversation:${MEETING_CHAT}`, true, new Date());
    await app.post(activity('meeting-start', bot.connector.url));
    await app.app.scheduler.runOnce();
    const opener = { card: cardOf(sent().at(-1))! };
    const heading = 'Welcome. A moment to reflect before we start';
    expect(textsOf(opener.card as { body: unknown[] })[0]).toBe(heading);
    const another = buttonTitled(opener.card, 'Another prompt')!;
    const next = await press('anotherPrompt', another.data, 'channel');
    expect(textsOf(next.value as { body: unknown[] })[0]).toBe(heading);
    // And again from the card it became.
    const again = await press('anotherPrompt', buttonTitled(next.value, 'Another prompt')!.data, 'channel');
    expect(textsOf(again.value as { body: unknown[] })[0]).toBe(heading);
  });
});

describe('8. "meeting openers off" stops scheduled meeting openers too', () => {
  const due = (id: string, kind: 'post' | 'meeting-opener') =>
    addDueSubscription(app.store, {
      id,
      conversationId: CHANNEL,
      teamId: TEAM,
      spec: { ...MONDAY_9_LONDON, kind, ...(kind === 'meeting-opener' && { leadMinutes: 5 }) },
    });
  const postsTo = () => bot.connector.requests.filter((r) => r.method === 'POST' && cardOf(r.body) !== undefined);

  test('after "meeting openers off" a scheduled opener is not posted, and the history says why; ordinary posts carry on', async () => {
    await start();
    await say('meeting openers off', 'channel');
    expect(lastShown()).toMatch(/scheduled meeting openers/i);
    await due('opener', 'meeting-opener');
    await due('weekly', 'post');
    const before = postsTo().length;
    await app.app.scheduler.runOnce();
    const posted = postsTo()
      .slice(before)
      .map((r) => cardText(cardOf(r.body)));
    expect(posted).toHaveLength(1);
    expect(posted[0]).not.toContain('A moment to reflect before we start');
    const [skipped] = (await app.store.postLog({ conversationId: CHANNEL }, 10)).filter(
      (p) => p.subscriptionId === 'opener',
    );
    expect(skipped).toMatchObject({ status: 'skipped', error: expect.stringMatching(/meeting openers are off/i) });
  });

  test('saving a scheduled opener while meeting openers are off says it will not post until they are on', async () => {
    await start({}, () => new Date('2026-11-24T12:00:00Z'));
    await say('meeting openers off', 'channel');
    await app.post(
      activity('channel-mention', bot.connector.url, {
        text: '',
        attachments: [],
        value: { ...WEEKLY_FORM_SUBMIT, kind: 'meeting-opener', leadMinutes: '5' },
      }),
    );
    expect(lastShown()).toMatch(
      /^Saved: Meeting opener from .* it will not post until someone types "meeting openers on"\.$/,
    );
  });

  test('with meeting openers on, the scheduled opener posts', async () => {
    await start();
    await say('meeting openers on', 'channel');
    await due('opener', 'meeting-opener');
    const before = postsTo().length;
    await app.app.scheduler.runOnce();
    expect(postsTo().slice(before)).toHaveLength(1);
  });
});

describe('9. the group and channel welcomes say to @mention me, and a team is a team', () => {
  test('a team channel: "This team uses…" and how to @mention', async () => {
    await start();
    await app.post(activity('install-team', bot.connector.url));
    const text = shown(sent()[0]);
    expect(text).toContain('This team uses the');
    expect(text).not.toContain('This chat uses');
    expect(text).toMatch(/@mention me/);
  });

  test('a group chat: "This chat uses…" and how to @mention', async () => {
    await start();
    await app.post(
      activity('group-chat-message', bot.connector.url, {
        type: 'conversationUpdate',
        text: undefined,
        attachments: undefined,
        entities: undefined,
        membersAdded: [{ id: '28:00000000-0000-0000-0000-00000000b07a' }],
      }),
    );
    const text = shown(sent()[0]);
    expect(text).toContain('This chat uses the');
    expect(text).toMatch(/@mention me/);
  });

  test('a personal chat needs no @mention', async () => {
    await start();
    await app.post(activity('install-personal', bot.connector.url));
    expect(shown(sent()[0])).not.toMatch(/@mention/);
  });
});
