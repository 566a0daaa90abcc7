import { startApp } from '../helpers/app-harness';
import type { RunningApp } from '../helpers/app-harness';
import { startFakeConnector } from '../helpers/fake-connector';
import type { FakeConnector } from '../helpers/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { parseInsightsQuery, periods } from '../../bot/console/insights';
import { suggestDone, suggestForm, withSuggestButton, noAnswerCard } from '../../cards';
import { expectWellFormed } from '../cards/well-formed';
import { loadOrThrow } from '../helpers/kb';

describe('insights over HTTP, in local mode', () => {
  let connector: FakeConnector;
  let app: RunningApp;
  const now = new Date('2026-11-20T10:00:00Z'); // a Friday
  beforeAll(async () => {
    connector = await startFakeConnector();
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { clock: () => now });
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
