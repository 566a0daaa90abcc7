import Database from 'better-sqlite3';
import { Client } from 'pg';
import { createPurger } from '../../schedule/purge';
import type { PurgeEvent } from '../../schedule/purge';
import type { Retention, Store } from '../../store/types';
import { RETENTION_DEFAULTS } from '../../bot/config';
import { loadOrThrow } from '../../testkit/kb';
import { addChannel, fakeClock, MONDAY_9_LONDON, schedulerFor } from '../../testkit/scheduling';
import { addPost, BACKENDS } from '../../testkit/stores';
import { startTeamsConnector } from '../../testkit/teams-connector';
import { scheduleStore } from '../../schedule/schedule-store';

const kb = loadOrThrow();
const at = (iso: string) => new Date(iso);
const RETENTION: Retention = {
  votesDays: RETENTION_DEFAULTS.RETAIN_VOTES_DAYS,
  askCountsDays: RETENTION_DEFAULTS.RETAIN_ASK_COUNTS_DAYS,
  postLogDays: RETENTION_DEFAULTS.RETAIN_POST_LOG_DAYS,
  auditDays: RETENTION_DEFAULTS.RETAIN_AUDIT_DAYS,
  goneConversationsDays: RETENTION_DEFAULTS.RETAIN_GONE_CONVERSATIONS_DAYS,
};
const NOW = '2027-06-01T03:00:00Z';
const OLD_GONE = '19:old-gone@thread.tacv2';
const NEW_GONE = '19:new-gone@thread.tacv2';
const KEPT = '19:kept@thread.tacv2';

async function conversation(store: Store, id: string, teamId: string, when: Date) {
  await store.saveConversation(
    { id, kind: 'channel', teamId, serviceUrl: 'http://127.0.0.1:9/', reference: { conversation: { id } } },
    when,
  );
}

/** A store with rows on both sides of every retention limit (defaults: votes 90 days, counts 730, posts 365, audit 365, gone chats 30). */
async function seed(store: Store) {
  // Votes: 2026-12-01 is 182 days before NOW (past 90); 2027-05-20 is kept.
  for (const [answerId, voter, day, helpful] of [
    ['a1', 'v1', '2026-12-01', true],
    ['a2', 'v2', '2026-12-01', false],
    ['a3', 'v1', '2026-12-01', true],
    ['a4', 'v3', '2027-05-20', true],
  ] as const) {
    await store.recordVote({ answerId, voter, entryId: 'lbbd-be-curious', day, helpful });
  }
  await store.recordVote({ answerId: 'a5', voter: 'v1', entryId: 'lbbd-be-curious', day: '2025-01-10', helpful: true }); // past the 730 days of counts
  // Ask counts: one too old (2025-01-10), two kept.
  for (const day of ['2025-01-10', '2026-12-01', '2026-12-01', '2027-05-31'])
    await store.recordAsk('lbbd-be-curious', day);
  await store.recordAsk('lbbd-principle-1', '2027-05-31');
  // Audit: one past 365 days, one kept.
  await store.audit({
    scopeId: KEPT,
    at: at('2026-05-01T10:00:00Z'),
    actor: 'u-old',
    action: 'pause',
    detail: 'paused',
  });
  await store.audit({
    scopeId: KEPT,
    at: at('2027-05-01T10:00:00Z'),
    actor: 'u-new',
    action: 'pause',
    detail: 'paused',
  });
  // Posts: one finished and old, one finished and recent, one old but still waiting.
  await addPost(
    store,
    { slotKey: 'old-sent', conversationId: KEPT, slotAt: at('2026-05-04T08:00:00Z'), status: 'skipped' },
    at('2026-05-04T08:00:00Z'),
  );
  await addPost(
    store,
    { slotKey: 'new-sent', conversationId: KEPT, slotAt: at('2027-05-03T08:00:00Z'), status: 'skipped' },
    at('2027-05-03T08:00:00Z'),
  );
  await addPost(
    store,
    { slotKey: 'old-pending', conversationId: KEPT, slotAt: at('2026-05-04T08:00:00Z'), status: 'pending' },
    at('2026-05-04T08:00:00Z'),
  );
  // Conversations: one removed 2 months ago (past 30 days), one removed last week, one kept.
  await conversation(store, OLD_GONE, '19:team-old@thread.tacv2', at('2026-01-01T00:00:00Z'));
  await conversation(store, NEW_GONE, '19:team-new@thread.tacv2', at('2026-01-01T00:00:00Z'));
  await conversation(store, KEPT, '19:team-kept@thread.tacv2', at('2026-01-01T00:00:00Z'));
  await store.setMeetingOpeners(`conversation:${OLD_GONE}`, true, at('2026-01-01T00:00:00Z'));
  await store.setMeetingOpeners('team:19:team-old@thread.tacv2', true, at('2026-01-01T00:00:00Z'));
  await store.setMeetingOpeners(`conversation:${KEPT}`, true, at('2026-01-01T00:00:00Z'));
  await addPost(
    store,
    { slotKey: 'meeting', conversationId: OLD_GONE, slotAt: at('2027-03-01T08:00:00Z'), status: 'skipped' },
    at('2027-03-01T08:00:00Z'),
  );
  await scheduleStore(store).addPostWithRotation(
    `meeting-series:${OLD_GONE}`,
    'meeting-2',
    at('2027-03-08T08:00:00Z'),
    (state) => ({
      post: { slotKey: 'meeting-2', conversationId: OLD_GONE, slotAt: at('2027-03-08T08:00:00Z'), status: 'skipped' },
      state,
    }),
  );
  await store.markConversationGone(OLD_GONE, 'the bot was removed', at('2027-04-01T00:00:00Z'));
  await store.markConversationGone(NEW_GONE, 'the bot was removed', at('2027-05-28T00:00:00Z'));
}

/** Runs one statement on the test database behind the store's back. */
async function rawSql(backend: 'sqlite' | 'postgres', url: string, statement: string): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    db.exec(statement);
    db.close();
    return;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

describe.each(BACKENDS)('daily purge on $name', (backend) => {
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

  test('removes what is past its time, records how many rows, and keeps the feedback and "most asked" figures of the kept period', async () => {
    await seed(store);
    await store.countDaily('not-sure', 'lbbd', '2025-01-10');
    await store.countDaily('not-sure', 'lbbd', '2027-05-20');
    const feedbackBefore = await store.feedbackCounts();
    const keptFeedback = feedbackBefore.filter((f) => f.day >= '2025-06-01');
    // The console's vote figures for the kept period, before the purge moves old votes into daily counts.
    const keptPeriod = { from: '2025-06-01', to: '2027-06-01' };
    const insightVotes = await store.voteCounts(keptPeriod);

    const events: PurgeEvent[] = [];
    const clock = fakeClock(NOW);
    const report = await createPurger({ store, retention: RETENTION, clock, onEvent: (e) => events.push(e) }).runOnce();

    expect(report).toMatchObject({
      day: '2027-06-01',
      votesRolledUp: 4,
      removed: {
        votes: 4,
        voteTallies: 1,
        asks: 1,
        dailyCounts: 1,
        posts: 1,
        audit: 1,
        conversations: 1,
        rotations: 1,
        settings: 2,
      },
    });
    expect(events).toEqual([{ type: 'purged', report }]);
    expect(await store.purges(5)).toEqual([report]);

    // Feedback: the votes of December are gone but their counts stay; January 2025 is past the counts' 730 days.
    expect(await store.feedbackCounts()).toEqual(keptFeedback);
    expect(keptFeedback).toEqual([
      { entryId: 'lbbd-be-curious', day: '2026-12-01', helpful: 2, notHelpful: 1 },
      { entryId: 'lbbd-be-curious', day: '2027-05-20', helpful: 1, notHelpful: 0 },
    ]);
    // The console's figures too: rolled-up votes still count, and daily counts keep the counts' period.
    expect(await store.voteCounts(keptPeriod)).toEqual(insightVotes);
    expect(insightVotes).toEqual([{ entryId: 'lbbd-be-curious', helpful: 3, notHelpful: 1 }]);
    expect(await store.dailyCounts(['not-sure'], { from: '2000-01-01', to: '2100-01-01' })).toEqual([
      { day: '2027-05-20', metric: 'not-sure', item: 'lbbd', count: 1 },
    ]);
    const votesLeft = await store.personalData({ ids: [], voterCodes: ['v1', 'v2', 'v3'] });
    expect(votesLeft.votes.map((v) => v.answerId)).toEqual(['a4']);
    // Most asked: the counts of the kept period only.
    expect(await store.mostAsked(5)).toEqual([
      { entryId: 'lbbd-be-curious', count: 3 },
      { entryId: 'lbbd-principle-1', count: 1 },
    ]);
    expect((await store.auditLog([KEPT], 10)).map((a) => a.actor)).toEqual(['u-new']);
    expect((await store.postLog({ conversationId: KEPT }, 10)).map((p) => p.slotKey).sort()).toEqual([
      'new-sent',
      'old-pending',
    ]);
    expect(await store.conversation(OLD_GONE)).toBeUndefined();
    expect(await store.conversation(NEW_GONE)).toMatchObject({ status: 'gone' });
    expect(await store.meetingOpeners(`conversation:${OLD_GONE}`)).toBeUndefined();
    expect(await store.meetingOpeners('team:19:team-old@thread.tacv2')).toBeUndefined();
    expect(await store.meetingOpeners(`conversation:${KEPT}`)).toBe(true);

    // Once a day: again today does nothing; tomorrow runs and finds nothing more to remove.
    expect(await store.purge(at('2027-06-01T23:59:00Z'), RETENTION, 'another')).toBeUndefined();
    const tomorrow = await store.purge(at('2027-06-02T00:00:01Z'), RETENTION, 'another');
    expect(Object.values(tomorrow!.removed).every((n) => n === 0)).toBe(true);
  });

  // Several instances need PostgreSQL; SQLite is for one instance, so there two purgers share its one
  // store (two connections in one process would block each other's thread).
  test('two purgers at the same moment: one does the day, the other finds it done', async () => {
    await seed(store);
    const other = backend.name === 'postgres' ? await db.open() : store;
    try {
      const reports = await Promise.all([
        store.purge(at(NOW), RETENTION, 'one'),
        other.purge(at(NOW), RETENTION, 'two'),
      ]);
      expect(reports.filter((r) => r !== undefined)).toHaveLength(1);
      expect(reports.find((r) => r !== undefined)!.removed.votes).toBe(4);
      expect(await store.purges(5)).toHaveLength(1);
    } finally {
      if (other !== store) await other.close();
    }
  });

  test('a purge that fails removes nothing and leaves the day unclaimed, so a later look does it', async () => {
    await seed(store);
    // Break the purge half way: the table votes are rolled up into is missing.
    // (The store is closed while its tables are changed behind its back, so it sees the change when it opens.)
    const alter = async (statement: string) => {
      await store.close();
      await rawSql(backend.name, db.url, statement);
      store = await db.open();
    };
    await alter('ALTER TABLE vote_tallies RENAME TO vote_tallies_away');
    const broken = await store.purge(at(NOW), RETENTION, 'one').then(
      (report) => ({ report }),
      (error: unknown) => ({ error: (error as Error).message }),
    );
    expect(broken).toEqual({ error: expect.stringMatching(/vote_tallies/) });
    expect(await store.purges(5)).toEqual([]);
    expect((await store.auditLog([KEPT], 10)).map((a) => a.actor).sort()).toEqual(['u-new', 'u-old']);
    await alter('ALTER TABLE vote_tallies_away RENAME TO vote_tallies');
    expect((await store.purge(at(NOW), RETENTION, 'one'))?.removed.audit).toBe(1);
  });

  test('the purger reports a failure and tries again at its next look; the day is done once however often it looks', async () => {
    await seed(store);
    const events: PurgeEvent[] = [];
    let calls = 0;
    const flaky = Object.assign(Object.create(store) as Store, {
      purge: (...args: Parameters<Store['purge']>) =>
        ++calls === 1 ? Promise.reject(new Error('connection lost')) : store.purge(...args),
    });
    const clock = fakeClock(NOW); // each hour's sleep passes at once
    const purger = createPurger({
      store: flaky,
      retention: RETENTION,
      clock,
      everyMs: 3_600_000,
      onEvent: (e) => events.push(e),
    });
    purger.start();
    for (let i = 0; i < 200 && calls < 5; i++) await new Promise((r) => setTimeout(r, 10));
    await purger.stop();
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(events[0]).toEqual({ type: 'error', error: 'connection lost' });
    // The fake clock runs an hour per look, so it may pass midnight: each day is purged once, however many looks it had.
    const days = events.flatMap((e) => (e.type === 'purged' ? [e.report.day] : []));
    expect(days[0]).toBe('2027-06-01');
    expect(new Set(days).size).toBe(days.length);
    expect(calls - 1).toBeGreaterThan(days.length);
    expect((await store.purges(100)).map((r) => r.day).sort()).toEqual([...days].sort());
  });

  test('the rotation carries on across a purge of the post log: no entry comes round again before all ten have', async () => {
    const teams = await startTeamsConnector();
    try {
      const clock = fakeClock('2026-11-20T12:00:00Z');
      await addChannel(store, teams.url, 1, MONDAY_9_LONDON, clock.now());
      const mondays = (from: string, n: number) =>
        Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 7 * 86_400_000).toISOString());
      for (const monday of mondays('2026-11-23T09:00:01Z', 5)) {
        clock.set(monday);
        await schedulerFor(store, kb, clock).runOnce();
      }
      clock.set('2026-12-24T03:00:00Z'); // the fifth post (21 December) is more than a day old
      const report = await store.purge(clock.now(), { ...RETENTION, postLogDays: 1 }, 'test');
      expect(report!.removed.posts).toBe(5);
      expect(await store.postLog({ subscriptionId: 'sub-1' }, 10)).toEqual([]);
      for (const monday of mondays('2026-12-28T09:00:01Z', 5)) {
        clock.set(monday);
        await schedulerFor(store, kb, clock).runOnce();
      }
      const posted = teams.bodies.map((b) => /Principle (\d+) of 10/.exec(JSON.stringify(b.body))?.[1]);
      expect(posted).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    } finally {
      await teams.close();
    }
  });
});
