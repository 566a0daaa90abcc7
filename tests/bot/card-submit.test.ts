// One card-action path: an old card's Action.Submit press is mapped, where it arrives, to the verb an
// Action.Execute press names, and runs the same handler. Old Submit cards are accepted until a set day.
import { TestAdapter } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { SUBMIT_CARDS_ACCEPTED_UNTIL, submitAsAction } from '../../cards/actions';
import { PracticeCompanionBot } from '../../bot/teams/bot';
import { CARD_ACTION_REPLIES } from '../../bot/teams/card-actions';
import { REPLIES } from '../../bot/teams/messages';
import { turnMiddleware } from '../../bot/teams/turn-middleware';
import { openStore } from '../../store/open';
import { cardText } from '../helpers/adaptive-cards';
import { cardOf } from '../helpers/fixtures';
import { testBotDeps } from '../../testkit/bot-deps';

/** The bot on botbuilder's TestAdapter, on the day given (noon UTC). */
async function botOn(day: string) {
  const store = await openStore('sqlite::memory:');
  const deps = testBotDeps(store, { at: new Date(`${day}T12:00:00Z`) });
  const bot = new PracticeCompanionBot(deps);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(...turnMiddleware(deps));
  /** What the bot sent for one incoming activity, in order (an invoke's answer included). */
  const sentFor = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0);
  };
  return { sentFor };
}

const submit = (value: Record<string, unknown>): Partial<Activity> => ({ type: 'message', value });
const execute = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
});
const messages = (sent: Partial<Activity>[]) => sent.filter((a) => a.type === 'message');
const shown = (sent: Partial<Activity>[]) =>
  messages(sent).map((a) => (a.attachments?.length ? cardText(cardOf(a as Record<string, unknown>)) : a.text));
const invokeBody = (sent: Partial<Activity>[]) =>
  (sent.find((a) => a.type === 'invokeResponse')?.value as { body?: { value?: unknown } } | undefined)?.body;

describe("an old card's Action.Submit data is read as the verb it stands for", () => {
  test.each([
    [{ action: 'open', entryId: 'lbbd-compassion' }, 'open', { entryId: 'lbbd-compassion' }],
    [{ action: 'ask', question: 'principle 7' }, 'ask', { question: 'principle 7' }],
    [{ action: 'schedule-save', content: 'value' }, 'scheduleSave', { content: 'value' }],
    [{ action: 'meeting-openers', on: true }, 'meetingOpeners', { on: true }],
  ])('%j → %s', (value, verb, data) => {
    expect(submitAsAction(value)).toEqual({ verb, data });
  });

  test.each([[{ action: 'feedback', helpful: true }], [{ action: 'toString' }], [{ entryId: 'x' }], ['open'], [null]])(
    'nothing our Submit buttons sent (%j) names no verb',
    (value) => {
      expect(submitAsAction(value)).toBeUndefined();
    },
  );
});

describe('both ways of pressing a button run the same handler', () => {
  const day = '2026-11-23';

  test('"open" posts the same entry card as a Submit press and as an Execute press', async () => {
    const { sentFor } = await botOn(day);
    const bySubmit = await sentFor(submit({ action: 'open', entryId: 'lbbd-compassion' }));
    const byExecute = await sentFor(execute('open', { entryId: 'lbbd-compassion' }));
    expect(shown(bySubmit)).toHaveLength(1);
    expect(shown(byExecute)).toEqual(shown(bySubmit));
    // Execute also tells the person who pressed where the answer went; a Submit press has no such note.
    expect(invokeBody(byExecute)?.value).toBe(CARD_ACTION_REPLIES.posted);
  });

  test('"ask" answers the same question either way', async () => {
    const { sentFor } = await botOn(day);
    const bySubmit = await sentFor(submit({ action: 'ask', question: 'principle 7' }));
    const byExecute = await sentFor(execute('ask', { question: 'principle 7' }));
    expect(shown(bySubmit).join('\n')).toContain('Principle 7');
    expect(shown(byExecute)).toEqual(shown(bySubmit));
  });

  test('data the verb does not accept is refused either way, and nothing is posted', async () => {
    const { sentFor } = await botOn(day);
    const bySubmit = await sentFor(submit({ action: 'open', entryId: 'Not An Id!' }));
    const byExecute = await sentFor(execute('open', { entryId: 'Not An Id!' }));
    expect(shown(bySubmit)).toEqual([REPLIES.badButton]);
    expect(messages(byExecute)).toEqual([]);
    expect(invokeBody(byExecute)).toMatchObject({ statusCode: 400 });
  });
});

describe(`old Submit cards are accepted until ${SUBMIT_CARDS_ACCEPTED_UNTIL}`, () => {
  const dayAfter = new Date(Date.parse(`${SUBMIT_CARDS_ACCEPTED_UNTIL}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);

  test('on the last day, a Submit press is still acted on', async () => {
    const { sentFor } = await botOn(SUBMIT_CARDS_ACCEPTED_UNTIL);
    expect(shown(await sentFor(submit({ action: 'ask', question: 'principle 7' }))).join('\n')).toContain(
      'Principle 7',
    );
  });

  test('the day after, a Submit press gets the old-card reply and nothing else', async () => {
    const { sentFor } = await botOn(dayAfter);
    expect(shown(await sentFor(submit({ action: 'ask', question: 'principle 7' })))).toEqual([REPLIES.oldCard]);
  });

  test('the day after, the same button as Action.Execute still works', async () => {
    const { sentFor } = await botOn(dayAfter);
    const sent = await sentFor(execute('ask', { question: 'principle 7' }));
    expect(shown(sent).join('\n')).toContain('Principle 7');
  });
});
