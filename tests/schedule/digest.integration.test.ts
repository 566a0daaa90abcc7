import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { connectorSender } from '../../bot/teams/proactive';
import { digestCard } from '../../cards';
import type { Clock } from '../../time/clock';
import { createScheduler } from '../../schedule/scheduler';
import { digestFigures, digestSlot } from '../../schedule/digest';
import { createKnowledgeBase } from '../../knowledge/kb/model';
import type { DigestOptions } from '../../schedule/digest';
import type { Store } from '../../store/types';
import { cardText, validateCard } from '../helpers/adaptive-cards';
import { cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';
import { fakeClock } from '../../testkit/scheduling';
import { BACKENDS } from '../../testkit/stores';
import { startTeamsConnector } from '../../testkit/teams-connector';
import type { TeamsConnector } from '../../testkit/teams-connector';
import { scheduleStore } from '../../schedule/schedule-store';

const kb = loadOrThrow();
const LEAD = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const OTHER_LEAD = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const FORMER_LEAD = '11111111-2222-4333-8444-555555555555';
const chatOf = (lead: string) => `a:personal-chat-of-${lead.slice(0, 8)}`;
const CONSOLE = 'https://practice.example.org/console';
const QUESTION = 'What does restorative practice mean when a family says no to every plan we offer';

function digestScheduler(store: Store, clock: Clock, digest: Partial<DigestOptions> = {}) {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  return createScheduler({
    store,
    kb,
    send: connectorSender(adapter, '', kb, undefined, { store, consoleUrl: CONSOLE }),
    clock,
    graceMs: 6 * 3_600_000,
    ratePerSecond: 1000,
    conversationRatePerSecond: 7,
    random: () => 0.5,
    digest: { leadIds: new Set([LEAD, OTHER_LEAD]), timeZone: 'Europe/London', time: '08:00', ...digest },
  });
}

/** A lead's personal chat, as the bot stores it when they message it, and the row that says it is theirs. */
async function addLeadChat(store: Store, serviceUrl: string, lead: string, at: Date): Promise<void> {
  const id = chatOf(lead);
  await store.saveConversation(
    {
      id,
      kind: 'personal',
      tenantId: '00000000-0000-4000-8000-000000000002',
      serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id, conversationType: 'personal', tenantId: '00000000-0000-4000-8000-000000000002' },
        bot: { id: '28:bot', name: 'Practice Companion' },
      },
    },
    at,
  );
  await store.saveLeadChat(lead, id, at);
}

describe.each(BACKENDS)('the weekly digest on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let teams: TeamsConnector;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    teams = await startTeamsConnector();
  });
  afterEach(async () => {
    await store.close();
    await teams.close();
    await db.drop();
  });

  test('goes to each lead once, on Monday at 08:00 London time, winter and summer and either side of both clock changes', async () => {
    const clock = fakeClock('2026-03-20T12:00:00Z');
    await addLeadChat(store, teams.url, LEAD, clock.now());
    // The Mondays either side of the spring change (29 March) and the autumn change (25 October), and midsummer.
    const mondays = [
      ['2026-03-23', '2026-03-23T08:00:00Z'],
      ['2026-03-30', '2026-03-30T07:00:00Z'],
      ['2026-06-29', '2026-06-29T07:00:00Z'],
      ['2026-10-19', '2026-10-19T07:00:00Z'],
      ['2026-10-26', '2026-10-26T08:00:00Z'],
    ] as const;
    let delivered = 0;
    for (const [monday, slot] of mondays) {
      expect(
        digestSlot(new Date(`${monday}T12:00:00Z`), { timeZone: 'Europe/London', time: '08:00' }).at.toISOString(),
      ).toBe(new Date(slot).toISOString());
      clock.set(new Date(Date.parse(slot) - 1000).toISOString());
      expect(await digestScheduler(store, clock).runOnce()).toBe(0);
      clock.set(slot);
      expect(await digestScheduler(store, clock).runOnce()).toBe(1);
      delivered++;
      // Later that morning, and after a "restart" on the same database: nothing more.
      clock.set(new Date(Date.parse(slot) + 3_600_000).toISOString());
      await store.close();
      store = await db.open();
      expect(await digestScheduler(store, clock).runOnce()).toBe(0);
      expect(teams.deliveries.get(chatOf(LEAD))).toBe(delivered);
      const [post] = await store.postLog({ slotKey: `digest:${LEAD}:${monday}` }, 5);
      expect(post).toMatchObject({ status: 'sent', conversationId: chatOf(LEAD) });
    }
  });

  test("in another lead time zone it follows that zone's Monday morning", async () => {
    const clock = fakeClock('2026-11-27T12:00:00Z');
    await addLeadChat(store, teams.url, LEAD, clock.now());
    clock.set('2026-11-30T12:59:59Z');
    expect(await digestScheduler(store, clock, { timeZone: 'America/New_York' }).runOnce()).toBe(0);
    clock.set('2026-11-30T13:00:00Z');
    expect(await digestScheduler(store, clock, { timeZone: 'America/New_York' }).runOnce()).toBe(1);
  });

  test('two schedulers at once send it once (on PostgreSQL, two instances; SQLite serves one instance, so two schedulers share its store)', async () => {
    const clock = fakeClock('2026-11-27T12:00:00Z');
    await addLeadChat(store, teams.url, LEAD, clock.now());
    await addLeadChat(store, teams.url, OTHER_LEAD, clock.now());
    const second = backend.name === 'postgres' ? await db.open() : store;
    try {
      clock.set('2026-11-30T08:00:05Z');
      const [a, b] = await Promise.all([
        digestScheduler(store, clock).runOnce(),
        digestScheduler(second, clock).runOnce(),
      ]);
      expect(a + b).toBe(2);
    } finally {
      if (second !== store) await second.close();
    }
    expect(teams.deliveries.get(chatOf(LEAD))).toBe(1);
    expect(teams.deliveries.get(chatOf(OTHER_LEAD))).toBe(1);
    expect(teams.counts.delivered).toBe(2);
  });

  test('not to a lead who turned it off (until they turn it on again), nor to anyone no longer in the lead list', async () => {
    const clock = fakeClock('2026-11-27T12:00:00Z');
    await addLeadChat(store, teams.url, LEAD, clock.now());
    await addLeadChat(store, teams.url, FORMER_LEAD, clock.now());
    expect(await store.setDigest(LEAD, false, clock.now())).toBe(true);
    clock.set('2026-11-30T08:00:00Z');
    expect(await digestScheduler(store, clock).runOnce()).toBe(0);
    expect(teams.counts.delivered).toBe(0);
    expect(await store.setDigest(LEAD, true, clock.now())).toBe(true);
    clock.set('2026-12-07T08:00:00Z');
    expect(await digestScheduler(store, clock).runOnce()).toBe(1);
    expect(teams.deliveries.get(chatOf(LEAD))).toBe(1);
    expect(teams.deliveries.get(chatOf(FORMER_LEAD))).toBeUndefined();
    expect(await store.setDigest('99999999-2222-4333-8444-555555555555', false, clock.now())).toBe(false);
  });

  test("the card has last week's numbers, what needs the lead and a button to the console, validates at 1.5, and holds no question text", async () => {
    const clock = fakeClock('2026-11-27T12:00:00Z');
    await addLeadChat(store, teams.url, LEAD, clock.now());
    // Last week (Mon 23 to Sun 29 November): three answers, one not-sure, votes, a waiting suggestion, a failed post.
    await store.recordAsk('lbbd-be-collaborative', '2026-11-24');
    await store.recordAsk('lbbd-be-collaborative', '2026-11-25');
    await store.recordAsk('lbbd-compassion', '2026-11-25');
    await store.recordAsk('lbbd-compassion', '2026-11-16'); // the week before: not counted
    await store.countDaily('not-sure', 'lbbd', '2026-11-26');
    await store.recordVote({
      answerId: 'a1',
      voter: 'v1',
      entryId: 'lbbd-compassion',
      day: '2026-11-25',
      helpful: true,
    });
    await store.recordVote({
      answerId: 'a2',
      voter: 'v1',
      entryId: 'lbbd-compassion',
      day: '2026-11-25',
      helpful: false,
    });
    await store.addSuggestion({ id: 's1', text: QUESTION, frameworkId: 'lbbd', day: '2026-11-26' });
    await scheduleStore(store).addPostWithRotation('r', 'slot-failed', clock.now(), (state) => ({
      post: {
        slotKey: 'slot-failed',
        conversationId: '19:some-channel@thread.tacv2',
        slotAt: new Date('2026-11-24T09:00:00Z'),
        status: 'pending',
      },
      state,
    }));
    const claimed = await store.claimNextPost(new Date('2026-11-24T09:00:00Z'), 'w', new Date('2026-11-24T09:02:00Z'));
    await store.finishPost(claimed!.id, 'w', { status: 'failed', error: 'gave up' }, new Date('2026-11-24T09:01:00Z'));

    clock.set('2026-11-30T08:00:00Z');
    expect(await digestScheduler(store, clock).runOnce()).toBe(1);
    const card = cardOf(teams.bodies[0]!.body)!;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Monday 23 November 2026 to Sunday 29 November 2026');
    expect(text).toMatch(/Questions answered\n3\b/);
    expect(text).toMatch(/Not sure\n1\b/);
    expect(text).toMatch(/Helpful votes\n1\b/);
    expect(text).toMatch(/Not helpful votes\n1\b/);
    expect(text).toMatch(/Posts failed\n1\b/);
    expect(text).toContain('1 suggested question is waiting for you.');
    expect(text).toContain('1 scheduled post failed.');
    expect(text).toMatch(/Be collaborative[^\n]*\n2/i);
    expect(JSON.stringify(card)).toContain(`"url":"${CONSOLE}"`);
    expect(JSON.stringify(teams.bodies[0]!.body)).not.toContain(QUESTION.slice(0, 20));
    // The digest itself is not counted among the teams' posts.
    expect((await store.postOutcomes(new Date('2026-11-30T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).length).toBe(
      0,
    );
  });
});

describe.each(BACKENDS)('what the weekly digest flags, on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });
  const WEEK = { kind: 'digest', from: '2026-11-23', to: '2026-11-29' } as const;
  const times = async (n: number, write: () => Promise<unknown>) => {
    for (let i = 0; i < n; i++) await write();
  };
  /** The shipped frameworks, Barking & Dagenham's next review due on `due`. */
  const reviewedKb = (due: string) =>
    createKnowledgeBase(
      kb.frameworks.map((f) => (f.id === 'lbbd' ? { ...f, review: { by: 'A reviewer', on: '2025-12-01', due } } : f)),
      kb.entries,
    );
  const publish = (frameworkId: string, after: number, at: string) =>
    store.frameworkVersions.publish({
      frameworkId,
      after,
      source: 'framework: {}',
      fileHash: 'hash',
      note: 'a note a lead typed',
      reason: null,
      publishedBy: LEAD,
      at: new Date(at),
      diff: '[]',
      draftRev: null,
    });

  test('a rising not-sure rate, entries voted "Not helpful", versions published that week and a review falling due', async () => {
    // The week before: 9 answered, 1 not sure (10%). Last week: 3 answered, 1 not sure (25%).
    await times(9, () => store.recordAsk('lbbd-compassion', '2026-11-17'));
    await store.countDaily('not-sure', 'lbbd', '2026-11-18');
    await times(3, () => store.recordAsk('lbbd-compassion', '2026-11-24'));
    await store.countDaily('not-sure', 'lbbd', '2026-11-25');
    const vote = (answerId: string, entryId: string, helpful: boolean, day = '2026-11-25') =>
      store.recordVote({ answerId, voter: 'v', entryId, day, helpful });
    await vote('a1', 'lbbd-compassion', false);
    await vote('a2', 'lbbd-compassion', false);
    await vote('a3', 'lbbd-compassion', true);
    await vote('a4', 'lbbd-be-collaborative', false);
    await vote('a5', 'lbbd-respect', true);
    await vote('a6', 'lbbd-respect', false, '2026-11-18'); // the week before: not flagged
    expect(await publish('lbbd', 0, '2026-11-20T12:00:00Z')).toBe(1); // the week before
    expect(await publish('lbbd', 1, '2026-11-25T12:00:00Z')).toBe(2);
    expect(await publish('jersey', 0, '2026-11-29T22:00:00Z')).toBe(1);

    // Sent on Monday 30 November: a review due on 29 December is 29 days away.
    const figures = await digestFigures(store, reviewedKb('2026-12-29'), WEEK);
    expect(figures).toMatchObject({
      notSure: 1,
      notSureRate: { now: 25, before: 10, rising: true },
      notHelpfulEntries: [
        { title: expect.stringMatching(/Compassion/), notHelpful: 2, helpful: 1 },
        { title: expect.stringMatching(/Be collaborative/i), notHelpful: 1, helpful: 0 },
      ],
      published: [
        { framework: 'Barking & Dagenham', version: 2, on: '2026-11-25' },
        { framework: 'Jersey', version: 1, on: '2026-11-29' },
      ],
      reviewsDue: [{ framework: 'Barking & Dagenham', due: '2026-12-29' }],
    });
    const card = digestCard(figures, CONSOLE).card;
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Not sure went up: 25% of questions last week, from 10% the week before.');
    expect(text).toContain('2 entries got "Not helpful" votes:');
    expect(text).toMatch(/Compassion[^\n]*\n2 not helpful, 1 helpful/);
    expect(text).toContain("Barking & Dagenham's framework is due for review on 29 December 2026.");
    expect(text).toMatch(/Published last week/);
    expect(text).toMatch(/Barking & Dagenham\nVersion 2, 25 November 2026/);
    // The lead's note is not in the card: it is theirs, kept with the version.
    expect(JSON.stringify(card)).not.toContain('a note a lead typed');

    // A review 31 days off is not yet flagged; one already past is.
    expect((await digestFigures(store, reviewedKb('2026-12-31'), WEEK)).reviewsDue).toEqual([]);
    const overdue = await digestFigures(store, reviewedKb('2026-11-02'), WEEK);
    expect(cardText(digestCard(overdue, CONSOLE).card)).toContain(
      "Barking & Dagenham's framework was due for review on 2 November 2026.",
    );
  });

  test('a steady or falling not-sure rate is not flagged, and a week without votes or versions flags nothing', async () => {
    await times(4, () => store.recordAsk('lbbd-compassion', '2026-11-17'));
    await store.countDaily('not-sure', 'lbbd', '2026-11-18');
    await times(9, () => store.recordAsk('lbbd-compassion', '2026-11-24'));
    await store.countDaily('not-sure', 'lbbd', '2026-11-25');
    const figures = await digestFigures(store, kb, WEEK);
    expect(figures).toMatchObject({
      notSureRate: { now: 10, before: 20, rising: false },
      notHelpfulEntries: [],
      published: [],
      reviewsDue: [],
    });
    expect(cardText(digestCard(figures, CONSOLE).card)).toContain('Nothing needs you this week.');
  });
});

test('a quiet week says so, and the card still validates', async () => {
  const figures = {
    from: '2026-11-23',
    to: '2026-11-29',
    answered: 0,
    notSure: 0,
    helpful: 0,
    notHelpful: 0,
    postsSent: 0,
    postsFailed: 0,
    postsUncertain: 2,
    mostAsked: [],
    suggestionsWaiting: 0,
    notSureRate: { now: null, before: null, rising: false },
    notHelpfulEntries: [],
    published: [],
    reviewsDue: [],
  };
  const card = digestCard(figures, CONSOLE).card;
  expect(validateCard(card)).toEqual([]);
  expect(cardText(card)).toContain('No questions were answered last week.');
  expect(cardText(card)).toContain('2 scheduled posts may not have posted.');
});
