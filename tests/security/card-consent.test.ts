// Third probe, findings 7 and 8. Consent in channels: the vote buttons carried the asker's question, so
// another member could press Not helpful → Suggest → Send and store someone else's words. Answer ids:
// the HMAC covered only the random part, so one genuine card let a person vote for any entry, in any
// framework.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { executeActionsOf } from '../helpers/adaptive-cards';
import { cardText } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { CARD_ACTION_REPLIES } from '../../bot/teams/card-actions';
import { SUGGEST_WORDING } from '../../cards';

jest.setTimeout(30_000);

/** Sam (the fixtures' sender) asks; Alex is another member of the same channel. */
const ALEX = { id: '29:alex-teams-id', name: 'Alex Morgan', aadObjectId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d' };
const QUESTION = 'how do we record a zebra crossing risk assessment';

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

/** Sam asks in the channel; the card the bot posted. */
async function samAsks(text: string) {
  const res = await app.post(
    activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` }),
  );
  expect(res.status).toBe(200);
  return cardOf(connector.sent().at(-1))!;
}

/** A press on a card in the channel, by Sam or by someone else. */
async function press(verb: string, data: Record<string, unknown>, from?: Record<string, unknown>) {
  const res = await app.post(
    activity('adaptive-card-action-channel', connector.url, {
      ...(from && { from }),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  );
  return { status: res.status, value: (JSON.parse(res.body) as { value: unknown }).value };
}

const stored = async () => (await app.store.suggestions(10)).map((s) => s.text);

describe('in a channel, only the person who asked can send their question (consent)', () => {
  test("the probe: Alex presses Not helpful on Sam's answer, then Suggest, then Send: nothing of Sam's is stored", async () => {
    const card = await samAsks('what does accountability mean');
    const notHelpful = executeActionsOf(card).find((a) => a.verb === 'feedback' && a.data['helpful'] === false)!;
    // Alex's vote counts, but Alex is not offered Sam's question.
    const voted = await press('feedback', notHelpful.data, ALEX);
    expect(voted.status).toBe(200);
    expect(executeActionsOf(voted.value).some((a) => a.verb === 'suggest')).toBe(false);
    // Alex copies what Sam's own press would have shown, and presses it.
    const suggestData = { question: 'what does accountability mean', frameworkId: 'lbbd', ...pick(notHelpful.data) };
    const form = await press('suggest', suggestData, ALEX);
    expect(JSON.stringify(form.value)).not.toContain('Input.Text');
    const sent = await press('suggestSend', { ...suggestData, suggestion: 'what does accountability mean' }, ALEX);
    expect(cardText(sent.value)).not.toContain(SUGGEST_WORDING.sent);
    expect(await stored()).toEqual([]);
  });

  test("the not-sure card's Suggest and the form's Send are Sam's alone", async () => {
    const card = await samAsks(QUESTION);
    const suggest = executeActionsOf(card).find((a) => a.verb === 'suggest')!;
    expect(suggest.data['asker']).toEqual(expect.any(String));
    // The code says nothing of who Sam is.
    expect(JSON.stringify(card)).not.toMatch(/6f1c2d3e|29:1fyRnpx/);

    const refused = await press('suggest', suggest.data, ALEX);
    expect(refused.value).toBe(CARD_ACTION_REPLIES.notYourQuestion);
    const sendAsAlex = await press('suggestSend', { ...suggest.data, suggestion: QUESTION }, ALEX);
    expect(sendAsAlex.value).toBe(CARD_ACTION_REPLIES.notYourQuestion);
    expect(await stored()).toEqual([]);

    // Sam can: the form is posted beneath the card, and its Send stores the question.
    const sentBefore = connector.sent().length;
    expect((await press('suggest', suggest.data)).value).toBe(CARD_ACTION_REPLIES.posted);
    expect(connector.sent()).toHaveLength(sentBefore + 1);
    const send = executeActionsOf(cardOf(connector.sent().at(-1))).find((a) => a.verb === 'suggestSend')!;
    const done = await press('suggestSend', { ...send.data, suggestion: QUESTION });
    expect(cardText(done.value)).toContain(SUGGEST_WORDING.sent);
    expect(await stored()).toEqual([QUESTION]);
  });

  test("Send checks for personal details with the framework files' own names: LBBD's author is no one's personal detail", async () => {
    const card = await samAsks(QUESTION);
    const suggest = executeActionsOf(card).find((a) => a.verb === 'suggest')!;
    await press('suggest', suggest.data);
    const send = executeActionsOf(cardOf(connector.sent().at(-1))).find((a) => a.verb === 'suggestSend')!;
    const author = 'what did Russ Bellenie mean by accountability';
    const refused = await press('suggestSend', {
      ...send.data,
      suggestion: 'what did Tom Smith mean by accountability',
    });
    expect(cardText(refused.value)).not.toContain(SUGGEST_WORDING.sent);
    const sent = await press('suggestSend', { ...send.data, suggestion: author });
    expect(cardText(sent.value)).toContain(SUGGEST_WORDING.sent);
    expect(await stored()).toEqual([author]);
  });

  test('a Send with no asker at all (a card from before, or made up) stores nothing', async () => {
    const res = await press('suggestSend', { frameworkId: 'lbbd', suggestion: QUESTION });
    expect(res.value).toBe(CARD_ACTION_REPLIES.notYourQuestion);
    expect(await stored()).toEqual([]);
  });

  test('a made-up asker code stores nothing', async () => {
    const res = await press('suggestSend', { frameworkId: 'lbbd', asker: 'A'.repeat(22), suggestion: QUESTION });
    expect(res.value).toBe(CARD_ACTION_REPLIES.notYourQuestion);
    expect(await stored()).toEqual([]);
  });
});

describe('an answer id is bound to its entry and framework', () => {
  const votes = async () => (await app.store.feedbackCounts()).map((c) => [c.entryId, c.helpful, c.notHelpful]);

  test('the probe: a vote for lbbd-sharing, or for a Jersey entry, under a genuine card id is "This card has expired"', async () => {
    const card = await samAsks('what does accountability mean');
    const helpful = executeActionsOf(card).find((a) => a.verb === 'feedback' && a.data['helpful'] === true)!;
    expect(helpful.data['entryId']).toBe('lbbd-accountability');
    for (const entryId of ['lbbd-sharing', 'jersey-family-focused', 'lbbd-cares']) {
      const res = await press('feedback', { ...helpful.data, entryId });
      expect(res.value).toBe(CARD_ACTION_REPLIES.expired);
    }
    expect(await votes()).toEqual([]);
    // The card's own entry is counted.
    expect((await press('feedback', helpful.data)).status).toBe(200);
    expect(await votes()).toEqual([['lbbd-accountability', 1, 0]]);
  });
});

/** The fields of a vote's data that a suggestion also carries, if any. */
function pick(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k === 'entryId' || k === 'asker'));
}
