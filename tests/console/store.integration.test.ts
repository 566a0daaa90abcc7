import { insights } from '../../bot/web/console/insights';
import { teamCode } from '../../bot/web/console/insights-query';
import type { Store } from '../../store/types';
import { loadOrThrow } from '../../testkit/kb';
import { MONDAY_9_LONDON, addChannel } from '../../testkit/scheduling';
import { BACKENDS, addPost } from '../../testkit/stores';

describe.each(BACKENDS)('console store on $name', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const db = await backend.fresh();
    store = await db.open();
    drop = db.drop;
  });
  afterEach(async () => {
    await store.close();
    await drop();
  });

  test('post outcomes per team and day, openers by day, conversations counted once per team', async () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const a = await addChannel(store, 'http://127.0.0.1:1/', 1, MONDAY_9_LONDON, at);
    const b = await addChannel(store, 'http://127.0.0.1:1/', 2, MONDAY_9_LONDON, at);
    await addChannel(store, 'http://127.0.0.1:1/', 3, MONDAY_9_LONDON, at);
    const post = (
      sub: { id: string; conversationId: string; teamId?: string },
      slot: string,
      status: 'pending' | 'skipped' | 'missed',
    ) =>
      addPost(
        store,
        {
          slotKey: `${sub.id}:${slot}`,
          subscriptionId: sub.id,
          conversationId: sub.conversationId,
          ...(sub.teamId && { teamId: sub.teamId }),
          slotAt: new Date(slot),
          status,
        },
        at,
      );
    await post(a, '2026-11-16T09:00:00Z', 'pending');
    await post(a, '2026-11-09T09:00:00Z', 'skipped');
    await post(b, '2026-11-16T09:00:00Z', 'missed');
    await post(b, '2026-06-01T09:00:00Z', 'missed'); // outside the period
    // A meeting opener, logged without a subscription, then sent.
    await addPost(
      store,
      {
        slotKey: 'meeting:x:2026-11-18T10:00',
        conversationId: 'meeting-chat',
        slotAt: new Date('2026-11-18T09:55:00Z'),
        status: 'pending',
      },
      at,
    );
    // Both pending posts (team 1's and the opener) are sent.
    for (let i = 0; i < 2; i++) {
      const claimed = await store.claimNextPost(
        new Date('2026-11-18T09:56:00Z'),
        'w',
        new Date('2026-11-18T10:00:00Z'),
      );
      await store.finishPost(claimed!.id, 'w', { status: 'sent' }, new Date('2026-11-18T09:56:00Z'));
    }
    await store.countDaily('not-sure', 'lbbd', '2026-11-17');
    await store.countDaily('not-sure', 'lbbd', '2026-11-17');
    await store.countDaily('extension-share', 'lbbd-accountability', '2026-11-10');

    const rows = await store.postOutcomes(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-23T00:00:00Z'));
    expect(rows.find((r) => r.kind === 'meeting-opener')).toMatchObject({
      day: '2026-11-18',
      status: 'sent',
      count: 1,
    });
    expect(rows.filter((r) => r.kind === 'post')).toHaveLength(3);
    expect(await store.conversationCounts()).toEqual({ personal: 0, groupChat: 0, teams: 3 });

    const view = await insights(store, loadOrThrow(), new Date('2026-11-20T12:00:00Z'), { periods: 2, by: 'week' });
    // One row per team, by a code made from its id (ids mean nothing to a reader): team 1 had a skip and a post, team 2 a miss.
    const [one, two] = [teamCode(a.teamId!), teamCode(b.teamId!)];
    expect(view.posts).toEqual(
      [
        {
          team: `Team ${one}`,
          code: one,
          posted: 1,
          skipped: 1,
          missed: 0,
          failed: 0,
          mayNotHavePosted: 0,
          waiting: 0,
        },
        {
          team: `Team ${two}`,
          code: two,
          posted: 0,
          skipped: 0,
          missed: 1,
          failed: 0,
          mayNotHavePosted: 0,
          waiting: 0,
        },
      ].sort((x, y) => x.code.localeCompare(y.code)),
    );
    expect(view.openers.map((o) => o.posted)).toEqual([0, 1]);
    expect(view.questions.map((q) => q.notSure)).toEqual([0, 2]);
    expect(view.shares.map((s) => s.shares)).toEqual([1, 0]);
  });

  test('a marked suggestion keeps its text until finished, can be reopened until then, and is counted when it goes', async () => {
    const add = (id: string) =>
      store.addSuggestion({ id, text: `question ${id}`, frameworkId: 'lbbd', day: '2026-11-20' });
    await add('s1');
    await add('s2');
    await add('s3');
    const at = (t: string) => new Date(`2026-11-20T${t}Z`);
    expect(await store.resolveSuggestion('s1', 'dismissed', at('10:00:00'))).toBe(true);
    expect(await store.resolveSuggestion('s1', 'answered', at('10:00:01'))).toBe(false);
    expect(await store.resolveSuggestion('s2', 'answered', at('10:05:00'))).toBe(true);
    expect(await store.resolveSuggestion('nope', 'answered', at('10:05:00'))).toBe(false);
    expect(await store.suggestionCounts()).toEqual([{ frameworkId: 'lbbd', count: 1 }]);
    expect((await store.suggestions(10)).find((s) => s.id === 's1')).toEqual({
      id: 's1',
      text: 'question s1',
      frameworkId: 'lbbd',
      day: '2026-11-20',
      resolved: { outcome: 'dismissed', at: at('10:00:00') },
    });
    // Marked after 10:04: s2 can be reopened, s1 cannot.
    expect(await store.reopenSuggestion('s1', at('10:04:00'))).toBe(false);
    expect(await store.reopenSuggestion('s2', at('10:04:00'))).toBe(true);
    expect(await store.reopenSuggestion('s3', at('10:04:00'))).toBe(false);
    expect(await store.finishResolvedSuggestions(at('10:04:00'))).toBe(1);
    expect((await store.suggestions(10)).map((s) => s.id).sort()).toEqual(['s2', 's3']);
    expect(
      await store.dailyCounts(['suggestion-dismissed', 'suggestion-answered'], {
        from: '2026-11-20',
        to: '2026-11-20',
      }),
    ).toEqual([{ day: '2026-11-20', metric: 'suggestion-dismissed', item: 'lbbd', count: 1 }]);
    // The retention purge takes marked and waiting alike, each counted as what it was.
    expect(await store.resolveSuggestion('s3', 'answered', at('10:06:00'))).toBe(true);
    expect(await store.purgeSuggestions('2026-11-21')).toBe(2);
    expect(await store.suggestions(10)).toEqual([]);
    const counts = await store.dailyCounts(['suggestion-answered', 'suggestion-expired'], {
      from: '2026-11-20',
      to: '2026-11-20',
    });
    expect(counts.map((c) => `${c.metric} ${c.count}`).sort()).toEqual([
      'suggestion-answered 1',
      'suggestion-expired 1',
    ]);
  });
});
