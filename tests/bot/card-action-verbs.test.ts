import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { actionTitled, cardText, nodesOf, validateCard } from '../helpers/adaptive-cards';
import { CARD_ACTION_REPLIES } from '../../bot/teams/card-actions';
import { REPLIES } from '../../bot/teams/messages';
import { SCHEDULE_REPLIES } from '../../bot/teams/schedule/commands';
import { WEEKLY_FORM } from '../../testkit/scheduling';

/**
 * The buttons that used to be Action.Submit (messageBack), now Action.Execute so they work in the Agents
 * Playground too: each verb over HTTP, as Teams sends it (an `adaptiveCard/action` invoke).
 */
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
let connector: FakeConnector;
let app: RunningApp;

beforeEach(async () => {
  connector = await startFakeConnector();
  app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' });
});
afterEach(async () => {
  await app.close();
  await connector.close();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
const press = async (
  verb: string,
  data: unknown,
  fixture: 'adaptive-card-action' | 'adaptive-card-action-channel' = 'adaptive-card-action',
) => {
  const res = await app.post(
    activity(fixture, connector.url, {
      value: { action: { type: 'Action.Execute', title: 'x', verb, data }, trigger: 'manual' },
    }),
  );
  const body = JSON.parse(res.body) as InvokeBody;
  // The HTTP status is the invoke response's own: 200, or 400 for data the bot refuses (never a 500).
  expect(res.status).toBe(body.statusCode);
  return body;
};
const sentText = (i: number) => {
  const a = connector.sent()[i] ?? {};
  return String(a['text'] ?? '') + cardText(cardOf(a) ?? {});
};

describe('Action.Execute "open" and "ask" post a new card and leave the pressed card as it was', () => {
  test('"open" posts the entry\'s answer card as a new message in the same chat', async () => {
    const body = await press('open', { entryId: 'lbbd-be-collaborative' });
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: CARD_ACTION_REPLIES.posted,
    });
    expect(connector.sent()).toHaveLength(1);
    expect(connector.requests[0]?.path).toContain(
      encodeURIComponent('a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890'),
    );
    const card = cardOf(connector.sent()[0]);
    expect(validateCard(card!)).toEqual([]);
    expect(cardText(card)).toContain('Principle 1 · Be collaborative');
  });

  test('"ask" answers the example question as a new message', async () => {
    const body = await press('ask', { question: 'principle 7' });
    expect(body).toMatchObject({ statusCode: 200, value: CARD_ACTION_REPLIES.posted });
    expect(sentText(0)).toContain('Principle 7');
  });

  test('"open" for an entry the framework no longer has says so politely and posts nothing', async () => {
    const body = await press('open', { entryId: 'lbbd-retired-entry' });
    expect(body).toMatchObject({ statusCode: 200, value: REPLIES.entryGone });
    expect(connector.sent()).toHaveLength(0);
  });

  test.each([
    ['open', { entryId: '../../etc/passwd' }],
    ['open', {}],
    ['open', 'lbbd-be-collaborative'],
    ['ask', { question: '' }],
    ['ask', { question: 'x'.repeat(201) }],
    ['ask', null],
    ['meetingOpeners', { on: 'yes' }],
    ['scheduleSave', { time: 'x'.repeat(50) }],
  ])('"%s" with bad data %j gets a polite 400 and does nothing', async (verb, data) => {
    const body = await press(verb, data);
    expect(body.statusCode).toBe(400);
    expect((body.value as { message: string }).message).toMatch(/didn't look right/);
    expect(connector.sent()).toHaveLength(0);
  });
});

describe('Action.Execute "scheduleSave" keeps its checks and friendly errors', () => {
  test('a good form from a channel saves the schedule and says when the first post is', async () => {
    const body = await press('scheduleSave', WEEKLY_FORM, 'adaptive-card-action-channel');
    expect(body).toMatchObject({ statusCode: 200, value: CARD_ACTION_REPLIES.replied });
    expect(sentText(0)).toMatch(/^Saved: Barking & Dagenham principles, /);
    const [sub] = await app.store.subscriptionsIn(CHANNEL);
    expect(sub).toMatchObject({
      status: 'active',
      spec: { frameworkId: 'lbbd', content: ['principle'], time: '09:00' },
    });
  });

  test('a bad time is refused with what to fix, and nothing is saved', async () => {
    const body = await press('scheduleSave', { ...WEEKLY_FORM, time: '25:99' }, 'adaptive-card-action-channel');
    expect(body).toMatchObject({ statusCode: 200 });
    expect(sentText(0)).toMatch(/I didn't save that yet\. Please fix:/);
    expect(await app.store.subscriptionsIn(CHANNEL)).toEqual([]);
  });

  test('in a personal chat it explains schedules belong to channels', async () => {
    await press('scheduleSave', WEEKLY_FORM);
    expect(sentText(0)).toBe(SCHEDULE_REPLIES.notHere);
  });
});

describe('Action.Execute "meetingOpeners"', () => {
  test('turns meeting openers on for the team, and says so', async () => {
    const body = await press('meetingOpeners', { on: true }, 'adaptive-card-action-channel');
    expect(body).toMatchObject({ statusCode: 200, value: CARD_ACTION_REPLIES.replied });
    expect(await app.store.meetingOpeners('team:19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2')).toBe(true);
    expect(sentText(0)).toContain('Meeting openers are on');
  });
});

describe('help, asked over HTTP, shows only what works where it is asked', () => {
  test('in a personal chat: no schedules or meeting openers', async () => {
    await app.post(activity('personal-message', connector.url, { text: 'help' }));
    const shown = sentText(0);
    expect(shown).toContain('Type "values", "principles" or "approaches"');
    expect(shown).not.toMatch(/schedule|meeting openers|@mention/);
  });

  test('in a channel: @mention first, schedules and meeting openers', async () => {
    await app.post(activity('channel-mention', connector.url, { text: '<at>Practice Companion</at> help' }));
    const shown = sentText(0);
    expect(shown).toContain('@mention me first');
    expect(shown).toContain('Type "schedule"');
    expect(shown).toContain('Type "meeting openers on"');
  });
});

describe('the schedule form always accepts its own defaults', () => {
  /** What Teams sends when Save is pressed on an untouched form: every input's default, and the button's data. */
  const defaultsOf = (card: Record<string, unknown>, button: string): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const n of nodesOf(card))
      if (n.type.startsWith('Input.') && typeof n.id === 'string') values[n.id] = n.value ?? '';
    return { ...values, ...(actionTitled(card, button).data as object) };
  };
  const say = (text: string) =>
    app.post(activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` }));

  test.each([
    ['lbbd', 'Save schedule', 'post'],
    ['lbbd', 'Save meeting opener', 'meeting-opener'],
    ['jersey', 'Save schedule', 'post'],
    ['jersey', 'Save meeting opener', 'meeting-opener'],
  ])('in a %s team, "%s" with nothing changed saves a %s', async (framework, button, kind) => {
    if (framework !== 'lbbd') await say(`framework ${framework}`);
    await say('schedule');
    const card = cardOf(connector.sent().at(-1))!;
    expect(validateCard(card)).toEqual([]);
    const before = connector.sent().length;
    const body = await press('scheduleSave', defaultsOf(card, button), 'adaptive-card-action-channel');
    expect(body.statusCode).toBe(200);
    expect(sentText(before)).toMatch(/^Saved: /);
    const [sub] = await app.store.subscriptionsIn(CHANNEL);
    expect(sub?.spec).toMatchObject({ frameworkId: framework, kind });
  });
});
