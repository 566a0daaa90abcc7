// The four safety routes over HTTP, with real Teams activity JSON and the fake connector: each route's own
// card first, in a personal chat, a group chat, a channel and a meeting chat; the calm line; the reminder
// naming its kind; the message extension and the tab. Which route a message takes is knowledge/safety's
// verdict (improved elsewhere): the messages below get the verdicts its interface promises for them, so
// these tests hold what the service does with each verdict, whatever detector gives it.
import type * as Safety from '../../knowledge/safety';
import type { DetailKind, SafetyAssessment, SafetyRoute } from '../../knowledge/safety';
import { useBot } from '../../testkit/app-harness';
import { cardText, executeActionsOf } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';

const VERDICTS: Record<string, SafetyAssessment & { also?: SafetyRoute[] }> = {
  'the dad followed me to my car and said he knows where I live': { route: 'worker-safety', mentionsRisk: false },
  'i feel like ending it, this job is killing me': { route: 'worker-crisis', mentionsRisk: false },
  "honestly I don't want to be here any more": { route: 'worker-crisis', mentionsRisk: false },
  'how do we talk about risk with families': { route: null, mentionsRisk: true },
  'dad is kicking off at the address and threatened me, kids are there': {
    route: 'child-at-risk',
    mentionsRisk: false,
    also: ['worker-safety'],
  },
};
const DETAILS: Record<string, DetailKind[]> = {
  'family near RM10 7BY, what is principle 7': ['postcode'],
  'yp on my caseload went missing from placement, she lives at RM10 7BY': ['postcode'],
};
jest.mock('../../knowledge/safety', () => {
  const real: typeof Safety = jest.requireActual('../../knowledge/safety');
  return {
    ...real,
    assessSafety: (m: string) => VERDICTS[m] ?? real.assessSafety(m),
    personalDetails: (m: string, o: { publicNames?: readonly string[] }) => DETAILS[m] ?? real.personalDetails(m, o),
  };
});

const kb = loadOrThrow();
const signposts = kb.framework('lbbd')!.signposts;
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';
const TITLES = {
  child: 'If a child may be at risk now',
  safety: 'Your safety comes first',
  crisis: "I'm really sorry you're feeling like this",
  support: 'Looking after yourself',
};
const SUGGEST = 'Suggest this question to the practice team';
const bot = useBot({ options: () => ({ http: true }) });
beforeEach(() => bot.start());

const scopes = {
  personal: (text: string) => activity('personal-message', bot.connector.url, { text }),
  'group chat': (text: string) =>
    activity('group-chat-message', bot.connector.url, { text: `<at>Practice Companion</at> ${text}` }),
  channel: (text: string) =>
    activity('channel-mention', bot.connector.url, { text: `<at>Practice Companion</at> ${text}` }),
  'meeting chat': (text: string) =>
    activity('group-chat-message', bot.connector.url, {
      text: `<at>Practice Companion</at> ${text}`,
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
        id: MEETING_CHAT,
      },
    }),
};

/** The cards the bot sent in reply to one activity. */
async function cardsFor(json: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const before = bot.connector.sent().length;
  expect((await bot.app.post(json)).status).toBe(200);
  return bot.connector
    .sent()
    .slice(before)
    .map((s) => cardOf(s))
    .filter((c): c is Record<string, unknown> => c !== undefined);
}
const entryShown = (text: string) => kb.entries.some((e) => text.includes(e.summary));
const buttons = (cards: unknown[]) => cards.flatMap((c) => executeActionsOf(c).map((a) => a.title));

describe.each(Object.keys(scopes) as Array<keyof typeof scopes>)('in a %s', (scope) => {
  const ask = (text: string) => cardsFor(scopes[scope](text));

  test('a child at risk ("I think a child is at risk right now") → the urgent card first', async () => {
    const cards = (await ask('I think a child is at risk right now')).map(cardText);
    expect(cards[0]).toContain(TITLES.child);
    expect(cards[0]).toContain(signposts.urgent.text);
    expect(buttons(await ask('I think a child is at risk right now'))).not.toContain(SUGGEST);
  });

  test("a threat to the worker → the worker's own safety card, not the child's", async () => {
    const cards = (await ask('the dad followed me to my car and said he knows where I live')).map(cardText);
    expect(cards[0]).toContain(TITLES.safety);
    expect(cards[0]).toContain(signposts.workerSafety.text);
    expect(cards[0]).toContain(signposts.staffSupport.text);
    for (const c of cards) expect(c).not.toContain(TITLES.child);
  });

  test('a worker in crisis → a kind word and the crisis lines, alone: no entry, no "not sure", no suggestion', async () => {
    const cards = await ask('i feel like ending it, this job is killing me');
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text.indexOf(TITLES.crisis)).toBe(0);
    expect(text).toContain(signposts.crisis.text);
    expect(text).not.toMatch(/not sure|Did you mean/i);
    expect(entryShown(text)).toBe(false);
    expect(buttons(cards)).toEqual([]);
  });

  test('the worker\'s distress ("I\'m burnt out and finding it hard") → the support card, the crisis line at its foot', async () => {
    const cards = (await ask("I'm burnt out and finding it hard")).map(cardText);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(TITLES.support);
    expect(cards[0]!.indexOf(signposts.crisis.text)).toBeGreaterThan(cards[0]!.indexOf(signposts.staffSupport.text));
    expect(entryShown(cards[0]!)).toBe(false);
  });

  test('an ordinary question that mentions risk → its answer, with the calm line at its foot; no 999 card', async () => {
    const cards = (await ask('how do we talk about risk with families')).map(cardText);
    expect(cards).toHaveLength(1);
    expect(entryShown(cards[0]!) || cards[0]!.includes("I'm not sure")).toBe(true);
    expect(cards[0]).not.toContain(TITLES.child);
    expect(cards[0]!.trimEnd().endsWith(signposts.urgent.text)).toBe(true);
  });
});

test('a child at risk and the worker threatened: both route cards, the child first', async () => {
  const cards = (
    await cardsFor(scopes.personal('dad is kicking off at the address and threatened me, kids are there'))
  ).map(cardText);
  expect(cards[0]).toContain(TITLES.child);
  expect(cards[1]).toContain(TITLES.safety);
});

test('the reminder names the kind of detail it noticed, on the urgent card too, and never quotes it', async () => {
  const urgent = (
    await cardsFor(scopes.personal('yp on my caseload went missing from placement, she lives at RM10 7BY'))
  ).map(cardText);
  expect(urgent[0]).toContain(TITLES.child);
  expect(urgent[0]).toContain('this looks as though it may include a postcode.');
  expect(urgent.join('\n')).not.toContain('RM10');
  const [answer] = (await cardsFor(scopes.personal('family near RM10 7BY, what is principle 7'))).map(cardText);
  expect(answer).toContain('Principle 7 · Be professionally curious');
  expect(answer).toContain('may include a postcode.');
  expect(answer).not.toMatch(/a name|an age|a school/);
});

test('an @mention answer in a channel uses the group prompt and asks people to keep replies general', async () => {
  const entry = kb.entry('lbbd-professional-curiosity')!;
  const [channel] = (await cardsFor(scopes.channel('principle 7'))).map(cardText);
  expect(channel).toContain(entry.groupPrompts[0]);
  expect(channel).toContain("Please keep replies general: don't share details of children or families here.");
  const [personal] = (await cardsFor(scopes.personal('principle 7'))).map(cardText);
  expect(personal).toContain(entry.prompts[0]);
  expect(personal).not.toContain('Please keep replies general');
});

test('the logs never say which route a message took, nor hold its words', async () => {
  const before = bot.app.logs.length;
  await cardsFor(scopes.personal('i feel like ending it, this job is killing me'));
  const written = bot.app.logs.slice(before).join('');
  expect(written).toContain('"event":"answer"');
  for (const word of ['ending', 'killing', 'crisis', 'worker-']) expect(written).not.toContain(word);
});

describe('the message extension', () => {
  const search = (text: string) =>
    bot.app.post(
      activity('channel-mention', bot.connector.url, {
        type: 'invoke',
        name: 'composeExtension/query',
        text: undefined,
        entities: [],
        value: { commandId: 'searchFramework', parameters: [{ name: 'query', value: text }] },
      }),
    );

  test('a worker in crisis gets the kind word and the crisis lines, never entries to insert', async () => {
    const body = JSON.parse((await search("honestly I don't want to be here any more")).body) as {
      composeExtension: { type: string; text: string };
    };
    expect(body.composeExtension.type).toBe('message');
    expect(body.composeExtension.text).toContain(TITLES.crisis);
    expect(body.composeExtension.text).toContain(signposts.crisis.text);
  });

  test("a threat to the worker gets the worker's safety signpost", async () => {
    const body = JSON.parse((await search('the dad followed me to my car and said he knows where I live')).body) as {
      composeExtension: { type: string; text: string };
    };
    expect(body.composeExtension).toMatchObject({ type: 'message' });
    expect(body.composeExtension.text).toContain(signposts.workerSafety.text);
  });
});

describe('the tab', () => {
  const tab = async (q: string) =>
    (await (await fetch(`${bot.app.url}/api/tab/search?q=${encodeURIComponent(q)}&framework=lbbd`)).json()) as {
      found: boolean;
      reason?: string;
      routes: Array<{ route: string; title: string; main: { text: string } }>;
      calm?: string;
      reminder?: string;
    };

  test('a worker in crisis: the crisis route alone, nothing from the framework', async () => {
    const body = await tab('i feel like ending it, this job is killing me');
    expect(body).toMatchObject({ found: false, reason: 'route' });
    expect(body.routes).toEqual([
      expect.objectContaining({ route: 'worker-crisis', title: TITLES.crisis, main: { text: signposts.crisis.text } }),
    ]);
  });

  test('an ordinary question that mentions risk: the answer and the calm line', async () => {
    const body = await tab('how do we talk about risk with families');
    expect(body.routes).toEqual([]);
    expect(body.calm).toBe(signposts.urgent.text);
  });

  test('the reminder names the kind of detail, in the tab', async () => {
    expect((await tab('family near RM10 7BY, what is principle 7')).reminder).toBe(
      'A gentle reminder: this looks as though it may include a postcode. Please leave out anything that could identify a child or family.',
    );
  });
});
