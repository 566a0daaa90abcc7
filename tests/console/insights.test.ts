import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { parseInsightsQuery, periods } from '../../bot/web/console/insights';
import { suggestDone, suggestForm, withSuggestButton, noAnswerCard } from '../../cards';
import { expectWellFormed } from '../cards/well-formed';
import { loadOrThrow } from '../../testkit/kb';
import { MONDAY_9_LONDON, addChannel } from '../../testkit/scheduling';
import { addPost } from '../../testkit/stores';
import { clockOf } from '../../time/clock';

describe('insights over HTTP, in local mode', () => {
  let connector: FakeConnector;
  let app: RunningApp;
  const now = new Date('2026-11-20T10:00:00Z'); // a Friday
  beforeAll(async () => {
    connector = await startFakeConnector();
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, clock: clockOf(() => now) });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  test('questions answered and not sure, votes, presses and conversations are counted; no text', async () => {
    const say = (text: string) => app.post(activity('personal-message', connector.url, { text }));
    await say('what does accountability mean');
    await say('what does accountability mean');
    await say('principle 7');
    await say('zebra crossings and quantum ferries');
    const answer = cardOf(connector.sent()[0]);
    const vote = JSON.stringify(answer).match(/"verb":"feedback","data":(\{[^}]*"helpful":false[^}]*\})/);
    expect(vote).not.toBeNull();
    await app.post(
      activity('adaptive-card-action', connector.url, {
        value: { action: { type: 'Action.Execute', verb: 'feedback', data: JSON.parse(vote![1]!) }, trigger: 'manual' },
      }),
    );
    await app.post(
      activity('adaptive-card-action', connector.url, {
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'anotherPrompt',
            data: { entryId: 'lbbd-accountability', promptIndex: 1, audience: 'group' },
          },
          trigger: 'manual',
        },
      }),
    );

    const res = await fetch(`${app.url}/api/console/insights`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/zebra|ferries/);
    const body = JSON.parse(text) as {
      by: string;
      from: string;
      to: string;
      questions: Array<{ start: string; answered: number; notSure: number }>;
      entries: { most: Array<{ id: string; count: number }>; never: unknown[] };
      votes: Array<{ id: string; helpful: number; notHelpful: number }>;
      openers: Array<{ anotherPrompt: number }>;
      conversations: Record<string, number>;
    };
    expect(body.by).toBe('week');
    expect(body.questions).toHaveLength(12);
    expect(body.from).toBe('2026-08-31');
    expect(body.to).toBe('2026-11-22');
    expect(body.questions.at(-1)).toMatchObject({ start: '2026-11-16', answered: 3, notSure: 1 });
    expect(body.questions.slice(0, -1).every((q) => q.answered === 0 && q.notSure === 0)).toBe(true);
    expect(body.entries.most[0]).toMatchObject({ id: 'lbbd-accountability', count: 2 });
    expect(body.entries.never.length).toBeGreaterThan(20);
    expect(body.votes).toEqual([{ id: 'lbbd-accountability', heading: expect.any(String), helpful: 0, notHelpful: 1 }]);
    expect(body.openers.at(-1)!.anotherPrompt).toBe(1);
    expect(body.conversations).toEqual({ teams: 0, groupChats: 0, personalChats: 1 });
  });

  test('by day, and bad periods get a plain 400', async () => {
    const daily = (await (await fetch(`${app.url}/api/console/insights?days=7`)).json()) as {
      questions: Array<{ start: string; answered: number }>;
    };
    expect(daily.questions.map((q) => q.start)).toEqual([
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    for (const q of ['weeks=0', 'weeks=x', 'days=400', 'weeks=2&days=3', 'weeks=1&weeks=2']) {
      const res = await fetch(`${app.url}/api/console/insights?${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/weeks|days/);
    }
  });
});

describe('insights a lead can use: the not-sure rate and its trend, filters, votes in order', () => {
  let app: RunningApp;
  const now = new Date('2026-11-20T10:00:00Z'); // a Friday: ?weeks=2 is 9 to 22 November, the period before 26 October to 8 November
  const get = async (query: string) => {
    const res = await fetch(`${app.url}/api/console/insights${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  beforeAll(async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, clock: clockOf(() => now) });
    const store = app.store;
    const times = async (n: number, write: () => Promise<void>) => {
      for (let i = 0; i < n; i++) await write();
    };
    // Before: 9 answered, 1 not sure (10%). Now: Barking & Dagenham 6 answered and 2 not sure, Jersey 1 and 1: 3 of 10 (30%).
    await times(9, () => store.recordAsk('lbbd-respect', '2026-11-02'));
    await store.countDaily('not-sure', 'lbbd', '2026-11-03');
    await times(6, () => store.recordAsk('lbbd-accountability', '2026-11-17'));
    await times(2, () => store.countDaily('not-sure', 'lbbd', '2026-11-18'));
    await store.recordAsk('jersey-childrens-rights', '2026-11-18');
    await store.countDaily('not-sure', 'jersey', '2026-11-18');
    await times(3, () => store.countDaily('declined', 'Signs of Safety', '2026-11-18'));
    await store.countDaily('route', 'child-at-risk', '2026-11-19');
    // Votes: Respect 1 helpful, Accountability 2 not helpful and 1 helpful, Children's rights 1 not helpful.
    const vote = (answerId: string, entryId: string, helpful: boolean) =>
      store.recordVote({ answerId, voter: 'v', entryId, day: '2026-11-18', helpful });
    await vote('a1', 'lbbd-respect', true);
    await vote('a2', 'lbbd-accountability', false);
    await vote('a3', 'lbbd-accountability', false);
    await vote('a4', 'lbbd-accountability', true);
    await vote('a5', 'jersey-childrens-rights', false);
    // Two teams' posts, one each.
    const at = new Date('2026-11-01T00:00:00Z');
    for (const n of [1, 2]) {
      const sub = await addChannel(store, 'http://127.0.0.1:1/', n, MONDAY_9_LONDON, at);
      await addPost(
        store,
        {
          slotKey: `${sub.id}:2026-11-16`,
          subscriptionId: sub.id,
          conversationId: sub.conversationId,
          teamId: sub.teamId!,
          slotAt: new Date('2026-11-16T09:00:00Z'),
          entryId: n === 1 ? 'lbbd-respect' : 'jersey-childrens-rights',
          status: 'missed',
        },
        at,
      );
    }
  });
  afterAll(() => app.close());

  test('the not-sure rate over the view, against the period of the same length before it', async () => {
    const { body } = await get('?weeks=2');
    expect(body['notSureRate']).toEqual({
      questions: 10,
      notSure: 3,
      rate: 0.3,
      previous: { from: '2026-10-26', to: '2026-11-08', questions: 10, notSure: 1, rate: 0.1 },
      trend: 'up',
    });
    expect((body['questions'] as Array<{ notSureRate: number | null }>).map((q) => q.notSureRate)).toEqual([null, 0.3]);
    expect(body['declinedTopics']).toEqual([{ topic: 'Signs of Safety', count: 3 }]);
    expect(body['routesShown']).toContainEqual({ route: 'child-at-risk', count: 1 });
  });

  test('votes come most "Not helpful" first', async () => {
    const { body } = await get('?weeks=2');
    expect((body['votes'] as Array<{ id: string }>).map((v) => [v.id, v])).toEqual([
      ['lbbd-accountability', expect.objectContaining({ helpful: 1, notHelpful: 2 })],
      ['jersey-childrens-rights', expect.objectContaining({ helpful: 0, notHelpful: 1 })],
      ['lbbd-respect', expect.objectContaining({ helpful: 1, notHelpful: 0 })],
    ]);
  });

  test("?framework= gives one framework's figures, and says which parts it cannot narrow", async () => {
    const { status, body } = await get('?weeks=2&framework=jersey');
    expect(status).toBe(200);
    expect(body['notSureRate']).toMatchObject({ questions: 2, notSure: 1, rate: 0.5, trend: null });
    expect((body['votes'] as Array<{ id: string }>).map((v) => v.id)).toEqual(['jersey-childrens-rights']);
    expect((body['entries'] as { never: Array<{ id: string }> }).never.every((e) => e.id.startsWith('jersey-'))).toBe(
      true,
    );
    expect((body['posts'] as Array<{ missed: number }>).map((p) => p.missed)).toEqual([1]);
    expect(body['filters']).toEqual({
      framework: { id: 'jersey', name: expect.stringMatching(/Jersey/) },
      team: null,
      allFrameworks: ['declinedTopics', 'routesShown', 'conversations'],
      allTeams: [],
    });
  });

  test("?team= gives one team's scheduled posts, by a code that stays the same", async () => {
    const all = await get('?weeks=2');
    const teams = all.body['teams'] as Array<{ code: string; label: string }>;
    expect(teams).toHaveLength(2);
    expect(teams.every((t) => /^[0-9A-F]{6}$/.test(t.code) && t.label === `Team ${t.code}`)).toBe(true);
    const code = teams[1]!.code;
    const { body } = await get(`?weeks=2&team=${code.toLowerCase()}`);
    expect(body['posts']).toEqual([
      { team: `Team ${code}`, code, posted: 0, skipped: 0, missed: 1, failed: 0, mayNotHavePosted: 0, waiting: 0 },
    ]);
    expect((body['filters'] as { team: unknown }).team).toEqual({ code, label: `Team ${code}` });
    expect((body['filters'] as { allTeams: string[] }).allTeams).toContain('questions');
    expect((await get('?days=30')).body['teams']).toEqual(teams);
  });

  test('an unknown framework or a malformed team gets a plain 400', async () => {
    for (const q of ['?framework=nowhere', '?framework=lbbd&framework=jersey', '?team=12', '?team=<script>']) {
      const res = await get(q);
      expect(res.status).toBe(400);
      expect(res.body['message']).toMatch(/framework must be one of jersey, lbbd|team must be/);
    }
  });
});

describe('periods', () => {
  test('weeks start on Monday and end with the current week', () => {
    expect(periods(new Date('2026-11-23T00:00:00Z'), { periods: 2, by: 'week' })).toEqual([
      { start: '2026-11-16', end: '2026-11-22' },
      { start: '2026-11-23', end: '2026-11-29' },
    ]);
    expect(parseInsightsQuery('/api/console/insights')).toEqual({ ok: true, request: { periods: 12, by: 'week' } });
  });
});

describe('suggestion cards', () => {
  const kb = loadOrThrow();
  test('are well-formed Adaptive Cards 1.5', () => {
    expectWellFormed(suggestForm({ question: 'q', frameworkId: 'lbbd' }));
    expectWellFormed(
      suggestForm({ question: 'q', frameworkId: 'lbbd', entryId: 'lbbd-accountability', problem: 'a reason' }),
    );
    expectWellFormed(suggestDone('sent'));
    expectWellFormed(
      withSuggestButton(noAnswerCard({ kb, reason: 'no-match', suggestions: [], examples: [] }), {
        question: 'q',
        frameworkId: 'lbbd',
      }),
    );
  });
});
