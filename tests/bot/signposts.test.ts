// Safeguarding signposts over HTTP: an urgent worry gets the urgent signpost card first, before any
// framework entry, in every scope; ordinary questions never do; "not sure" says where to go instead.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { cardText } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';

const kb = loadOrThrow();
const URGENT_TITLE = 'If a child may be at risk now';
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';

// One service for the file: every test asks in its own words and reads only the replies to it.
let connector: FakeConnector;
let app: RunningApp;
beforeAll(async () => {
  connector = await startFakeConnector();
  app = await startApp({}, { http: true });
});
afterAll(async () => {
  await app.close();
  await connector.close();
});

const scopes = {
  personal: (text: string) => activity('personal-message', connector.url, { text }),
  channel: (text: string) =>
    activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` }),
  'group chat': (text: string) =>
    activity('group-chat-message', connector.url, { text: `<at>Practice Companion</at> ${text}` }),
  'meeting chat': (text: string) =>
    activity('group-chat-message', connector.url, {
      text: `<at>Practice Companion</at> ${text}`,
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
        id: MEETING_CHAT,
      },
    }),
};

async function cardsFor(activityJson: Record<string, unknown>): Promise<string[]> {
  const before = connector.sent().length;
  expect((await app.post(activityJson)).status).toBe(200);
  return connector
    .sent()
    .slice(before)
    .map((s) => cardText(cardOf(s)));
}

describe.each(Object.keys(scopes) as Array<keyof typeof scopes>)('in a %s', (scope) => {
  test.each([
    'I think a child is at risk right now',
    'a child has just disclosed abuse',
    "what do I do if I'm worried about a child tonight",
    'child missing',
  ])('"%s" → the urgent signpost card first', async (question) => {
    const cards = await cardsFor(scopes[scope](question));
    expect(cards.length).toBeGreaterThan(0);
    expect(cards[0]).toContain(URGENT_TITLE);
    expect(cards[0]).toContain('If a child is in immediate danger, call 999.');
    expect(cards[0]).toContain('talk to your manager, the duty team or your practice lead');
    // No framework entry comes before it, and none is inside it.
    expect(kb.entries.some((e) => cards[0]!.includes(e.summary))).toBe(false);
  });

  test.each([
    'principle 7',
    'trauma informed',
    'domestic abuse',
    'extra-familial harm',
    "seeing risks through the child's eyes",
  ])('ordinary "%s" → never the urgent card', async (question) => {
    const cards = await cardsFor(scopes[scope](question));
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c).not.toContain(URGENT_TITLE);
  });
});

test('an urgent question the framework also speaks to: the signpost first, then the entry', async () => {
  const cards = await cardsFor(
    scopes.personal('a child has disclosed domestic abuse, what does safe and together say'),
  );
  expect(cards).toHaveLength(2);
  expect(cards[0]).toContain(URGENT_TITLE);
  expect(cards[1]).toContain('Safe & Together');
});

test('"reflect" with an urgent worry gets the signpost too', async () => {
  const cards = await cardsFor(scopes.personal('reflect a child just told me her dad hits her'));
  expect(cards[0]).toContain(URGENT_TITLE);
});

// A risk word on its own is an ordinary search for a topic (issue 22, "a graded response"): it keeps its
// answer, or "not sure", with the calm 999 line at the foot, and no child-at-risk card first.
test.each(['self-harm', 'reflect self harm'])(
  'a bare risk topic "%s" → no urgent card, the calm line at the foot',
  async (question) => {
    const cards = await cardsFor(scopes.personal(question));
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c).not.toContain(URGENT_TITLE);
    if (question === 'self-harm') expect(cards.at(-1)).toContain('If a child is in immediate danger, call 999.');
  },
);

test('the message extension answers an urgent search with the urgent signpost, not entries to insert', async () => {
  const res = await app.post(
    activity('channel-mention', connector.url, {
      type: 'invoke',
      name: 'composeExtension/query',
      text: undefined,
      entities: [],
      value: {
        commandId: 'searchFramework',
        parameters: [{ name: 'query', value: 'child missing from care' }],
        queryOptions: { skip: 0, count: 25 },
      },
    }),
  );
  expect(JSON.parse(res.body)).toEqual({
    composeExtension: { type: 'message', text: kb.framework('lbbd')!.signposts.urgent.text },
  });
});

test('the tab search puts the urgent signpost in its result, and not for an ordinary question', async () => {
  const urgent = (await (
    await fetch(
      `${app.url}/api/tab/search?q=${encodeURIComponent('a child has just disclosed abuse')}&framework=jersey`,
    )
  ).json()) as { routes: Array<{ route: string; main: { text: string } }> };
  expect(urgent.routes[0]).toMatchObject({
    route: 'child-at-risk',
    main: { text: kb.framework('jersey')!.signposts.urgent.text },
  });
  const ordinary = (await (
    await fetch(`${app.url}/api/tab/search?q=${encodeURIComponent('trauma')}&framework=jersey`)
  ).json()) as { routes: unknown[] };
  expect(ordinary.routes).toEqual([]);
});

test('a question about the job is declined plainly, with the employment signpost and no "did you mean"', async () => {
  const [card] = await cardsFor(scopes.personal('how do I book annual leave'));
  expect(card).toContain("The framework doesn't cover leave, pay and other HR questions.");
  expect(card).toContain(kb.framework('lbbd')!.signposts.employment.text);
  expect(card).not.toContain("I'm not sure");
  expect(card).not.toContain('Did you mean');
});

test('"not sure" says the framework may not cover this, and where to go instead', async () => {
  const [card] = await cardsFor(scopes.personal('what colour should the sky be on a wet tuesday'));
  expect(card).toContain("I'm not sure I have an answer to that.");
  expect(card).toContain('The framework may not cover this.');
  expect(card).toContain('Where to go instead');
  expect(card).toContain(
    'For advice about a particular child or family, talk to your manager, the duty team or your practice lead.',
  );
  expect(card).toContain('Your local safeguarding procedures say what to do and when.');
});

test('help and welcome say in one line what the bot is for and not for', async () => {
  const [help] = await cardsFor(scopes.personal('help'));
  expect(help).toContain(
    'I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.',
  );
  const [welcome] = await cardsFor(activity('install-personal', connector.url));
  expect(welcome).toContain('I am not for case decisions');
});

describe("the asker's own wellbeing gets the staff-support card first, not unrelated entries", () => {
  const SUPPORT_TITLE = 'Looking after yourself';
  test.each(["I'm burnt out and finding it hard", "I'm stressed about work", 'I feel overwhelmed'])(
    '"%s" → the staff-support card, and no entry',
    async (question) => {
      const cards = await cardsFor(scopes.personal(question));
      expect(cards.length).toBeGreaterThan(0);
      expect(cards[0]).toContain(SUPPORT_TITLE);
      expect(cards[0]).toContain(kb.framework('lbbd')!.signposts.staffSupport.text);
      expect(kb.entries.some((e) => cards.some((c) => c.includes(e.summary)))).toBe(false);
      for (const c of cards) expect(c).not.toContain(URGENT_TITLE);
    },
  );

  test.each(['toxic stress', 'building resilience', 'trauma informed'])(
    'ordinary "%s" → never the staff-support card',
    async (question) => {
      const cards = await cardsFor(scopes.personal(question));
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) expect(c).not.toContain(SUPPORT_TITLE);
    },
  );
});

test('a named process the framework does not contain gets "doesn\'t cover" with the signposts, and no entry', async () => {
  const cards = await cardsFor(scopes.personal('signs of safety'));
  expect(cards).toHaveLength(1);
  expect(cards[0]).toContain("The framework doesn't cover Signs of Safety.");
  expect(cards[0]).toContain(kb.framework('lbbd')!.signposts.caseAdvice.text);
  expect(kb.entries.some((e) => cards[0]!.includes(e.summary))).toBe(false);
});
