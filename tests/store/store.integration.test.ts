import { migrate, MIGRATIONS } from '../../store/migrations';
import { openSqlite } from '../../store/db';
import { openStore } from '../../store/open';
import type { AuditEntry, NewPost, Store } from '../../store/types';
import type { Subscription } from '../../schedule/model';
import { scheduleStore } from '../../schedule/schedule-store';
import type { ScheduleStore } from '../../schedule/schedule-store';
import { EMPTY_ROTATION } from '../../schedule/rotation';
import { addPost, BACKENDS } from '../../testkit/stores';
import { MONDAY_9_LONDON } from '../../testkit/scheduling';

const at = (iso: string) => new Date(iso);
const subscription = (
  id: string,
  conversationId = '19:a@thread.tacv2',
  nextSlotAt = at('2026-11-23T09:00:00Z'),
): Subscription => ({
  id,
  conversationId,
  teamId: '19:team@thread.tacv2',
  spec: MONDAY_9_LONDON,
  status: 'active',
  skipNext: 0,
  rotation: EMPTY_ROTATION,
  nextSlotAt,
  createdAt: at('2026-11-20T10:00:00Z'),
  createdBy: '00000000-0000-4000-8000-0000000000aa',
});
const made = (s: Subscription): AuditEntry => ({
  scopeId: s.conversationId,
  at: s.createdAt,
  actor: s.createdBy,
  action: 'subscribe',
  detail: `added ${s.id}`,
});
const post = (key: string, conversationId = '19:a@thread.tacv2', slotAt = at('2026-11-23T09:00:00Z')): NewPost => ({
  slotKey: key,
  conversationId,
  slotAt,
  status: 'pending',
  entryId: 'lbbd-be-curious',
  content: { entryId: 'lbbd-be-curious' },
});

describe.each(BACKENDS)('store on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let schedules: ScheduleStore;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    schedules = scheduleStore(store);
  });
  const create = (s: Subscription) => schedules.createSubscription(s, made(s));
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  test('migrations are versioned and run once: reopening the same database applies nothing and keeps the data', async () => {
    await store.setFramework({
      scopeId: 'team:1',
      frameworkId: 'jersey',
      changedBy: 'u1',
      at: at('2026-11-23T09:00:00Z'),
    });
    await store.close();
    store = await db.open();
    expect(await store.frameworkFor('team:1')).toBe('jersey');
  });

  test('framework changes are kept and audited: who, when, what', async () => {
    await store.setFramework({
      scopeId: 'team:1',
      frameworkId: 'jersey',
      changedBy: 'u1',
      at: at('2026-11-23T09:00:00Z'),
    });
    await store.setFramework({
      scopeId: 'team:1',
      frameworkId: 'lbbd',
      changedBy: 'u2',
      at: at('2026-11-23T10:00:00Z'),
    });
    expect(await store.frameworkFor('team:1')).toBe('lbbd');
    const log = await store.auditLog(['team:1'], 10);
    expect(log.map((e) => [e.actor, e.detail])).toEqual([
      ['u2', 'framework changed from jersey to lbbd'],
      ['u1', 'framework changed from the default to jersey'],
    ]);
    expect(log[0]!.at.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  test('votes: one per person per card, replaced not added; counts per entry per day', async () => {
    const vote = { answerId: 'a1', voter: 'h1', entryId: 'e1', day: '2026-11-23', helpful: true };
    expect(await store.recordVote(vote)).toBe('new');
    expect(await store.recordVote(vote)).toBe('same');
    expect(await store.recordVote({ ...vote, helpful: false })).toBe('changed');
    await store.recordVote({ ...vote, voter: 'h2' });
    expect(await store.feedbackCounts()).toEqual([{ entryId: 'e1', day: '2026-11-23', helpful: 1, notHelpful: 1 }]);
  });

  test('asks are counted per entry, most asked first', async () => {
    for (const id of ['b', 'a', 'b', 'c', 'b', 'a']) await store.recordAsk(id, '2026-11-23');
    await store.recordAsk('c', '2026-11-24');
    expect(await store.mostAsked(2)).toEqual([
      { entryId: 'b', count: 3 },
      { entryId: 'a', count: 2 },
    ]);
  });

  test('skipOneMore adds one skip per call, calls at the same moment included, and says when there is no such subscription', async () => {
    await create(subscription('s1'));
    expect((await Promise.all([1, 2, 3].map(() => schedules.skipOneMore('s1')))).sort()).toEqual([1, 2, 3]);
    expect((await schedules.subscription('s1'))?.skipNext).toBe(3);
    expect(await schedules.skipOneMore('no-such-id')).toBeUndefined();
  });

  test('ask counts are written a moment after they are counted, with nobody reading them, and on close', async () => {
    const counting = await openStore(db.url, { askFlushMs: 300 });
    try {
      for (const id of ['a', 'b', 'a']) await counting.recordAsk(id, '2026-11-23');
      // Read through the other connection, which has nothing of its own to write first.
      expect(await store.mostAsked(5)).toEqual([]);
      const deadline = Date.now() + 5000;
      while ((await store.mostAsked(5)).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      expect(await store.mostAsked(5)).toEqual([
        { entryId: 'a', count: 2 },
        { entryId: 'b', count: 1 },
      ]);
      await counting.recordAsk('b', '2026-11-23');
    } finally {
      await counting.close();
    }
    expect(await store.mostAsked(5)).toEqual([
      { entryId: 'a', count: 2 },
      { entryId: 'b', count: 2 },
    ]);
  });

  test('conversation references: saved, updated, and marked gone with the reason', async () => {
    const c = {
      id: '19:a@thread.tacv2',
      kind: 'channel' as const,
      tenantId: 't1',
      teamId: 'team1',
      serviceUrl: 'https://smba.example/',
      reference: { conversation: { id: '19:a@thread.tacv2' } },
    };
    await store.saveConversation(c, at('2026-11-23T09:00:00Z'));
    await store.saveConversation({ ...c, serviceUrl: 'https://smba.example/emea/' }, at('2026-11-23T10:00:00Z'));
    expect(await store.conversation(c.id)).toMatchObject({
      serviceUrl: 'https://smba.example/emea/',
      status: 'active',
      teamId: 'team1',
    });
    await store.markConversationGone(c.id, 'removed', at('2026-11-23T11:00:00Z'));
    expect(await store.conversation(c.id)).toMatchObject({ status: 'gone', goneReason: 'removed' });
    await store.saveConversation(c, at('2026-11-23T12:00:00Z')); // added back
    expect((await store.conversation(c.id))?.status).toBe('active');
  });

  test('removing the bot from a team stops every subscription in its channels', async () => {
    await create(subscription('s1'));
    await create(subscription('s2', '19:b@thread.tacv2'));
    await store.markTeamGone('19:team@thread.tacv2', 'the app was uninstalled', at('2026-11-23T09:00:00Z'));
    expect((await schedules.subscription('s1'))?.status).toBe('inactive');
    expect((await schedules.subscription('s2'))?.inactiveReason).toBe('the app was uninstalled');
  });

  test('subscriptions round-trip, and updates change only what they name', async () => {
    await create(subscription('s1'));
    await schedules.updateSubscription('s1', { status: 'paused', pausedUntil: at('2026-12-01T00:00:00Z') });
    const s = await schedules.subscription('s1');
    expect(s).toMatchObject({ status: 'paused', skipNext: 0, conversationId: '19:a@thread.tacv2' });
    expect(s?.pausedUntil?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(s?.spec).toEqual(subscription('s1').spec);
    await schedules.updateSubscription('s1', { status: 'active', pausedUntil: undefined });
    expect((await schedules.subscription('s1'))?.pausedUntil).toBeUndefined();
  });

  test('a slot key is logged once: the second add of the same slot is refused', async () => {
    expect(await addPost(store, post('k1'), at('2026-11-23T09:00:00Z'))).toBe(true);
    expect(await addPost(store, post('k1'), at('2026-11-23T09:00:01Z'))).toBe(false);
    expect(await store.postLog({ slotKey: 'k1' }, 10)).toHaveLength(1);
  });

  test('a post chosen from a kept rotation: the rotation moves on only when the post is added', async () => {
    const t = at('2026-11-23T10:00:00Z');
    const build = (state: {
      cycle: number;
      seen: readonly string[];
      promptsUsed: Readonly<Record<string, readonly number[]>>;
    }) => ({ post: post('m1'), state: { ...state, cycle: state.cycle + 1 } });
    expect(await schedules.addPostWithRotation('series-1', 'm1', t, build)).toBe(true);
    expect(await schedules.addPostWithRotation('series-1', 'm1', t, build)).toBe(false); // the same meeting again
    let cycleSeen = 0;
    await schedules.addPostWithRotation('series-1', 'm2', t, (state) => {
      cycleSeen = state.cycle;
      return { post: post('m2'), state };
    });
    expect(cycleSeen).toBe(2);
  });

  test('planDue plans each due subscription once, in its own transaction', async () => {
    await create(subscription('s1'));
    await create(subscription('s2', '19:a@thread.tacv2', at('2026-11-30T09:00:00Z')));
    const plan = (s: Subscription) => ({
      posts: [{ ...post(`${s.id}@x`), subscriptionId: s.id }],
      rotation: { ...s.rotation, cycle: 7 },
      nextSlotAt: at('2026-11-30T09:00:00Z'),
      skipNext: 0,
      status: 'active' as const,
      pausedUntil: undefined,
    });
    expect(await schedules.planDue(at('2026-11-23T09:00:01Z'), 10, plan)).toBe(1);
    expect(await schedules.planDue(at('2026-11-23T09:00:02Z'), 10, plan)).toBe(0);
    expect((await schedules.subscription('s1'))?.rotation.cycle).toBe(7);
    expect((await schedules.subscription('s1'))?.nextSlotAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  test('claims: one claimant per post; finished posts are not claimed again; retries wait their turn', async () => {
    await addPost(store, post('k1'), at('2026-11-23T09:00:00Z'));
    await addPost(store, post('k2'), at('2026-11-23T09:00:00Z'));
    const now = at('2026-11-23T09:00:01Z');
    const lease = at('2026-11-23T09:02:01Z');
    const a = await store.claimNextPost(now, 'w1', lease);
    const b = await store.claimNextPost(now, 'w2', lease);
    expect(a?.slotKey).not.toBe(b?.slotKey);
    expect(await store.claimNextPost(now, 'w3', lease)).toBeUndefined();
    await store.finishPost(a!.id, 'w1', { status: 'sent', activityId: 'act-1' }, now);
    await store.finishPost(
      b!.id,
      'w2',
      { status: 'pending', nextAttemptAt: at('2026-11-23T09:00:05Z'), error: '503' },
      now,
    );
    await store.finishPost(b!.id, 'w9', { status: 'sent' }, now); // not its claim: ignored
    expect(await store.claimNextPost(at('2026-11-23T09:00:04Z'), 'w1', lease)).toBeUndefined();
    const retry = await store.claimNextPost(at('2026-11-23T09:00:05Z'), 'w1', lease);
    expect(retry).toMatchObject({ slotKey: b!.slotKey, attempts: 2 });
    expect((await store.postLog({ slotKey: a!.slotKey }, 1))[0]).toMatchObject({
      status: 'sent',
      activityId: 'act-1',
      attempts: 1,
    });
  });

  test('a claim whose sender died becomes "uncertain" after its lease, and is never sent again', async () => {
    await addPost(store, post('k1'), at('2026-11-23T09:00:00Z'));
    await store.claimNextPost(at('2026-11-23T09:00:01Z'), 'dead', at('2026-11-23T09:02:01Z'));
    expect(await store.claimNextPost(at('2026-11-23T09:03:00Z'), 'alive', at('2026-11-23T09:05:00Z'))).toBeUndefined();
    expect((await store.postLog({ slotKey: 'k1' }, 1))[0]).toMatchObject({ status: 'uncertain' });
  });

  test('featuredEntry finds what a scheduled post (not a meeting opener) sent this week, in this channel or any channel of the team', async () => {
    await create(subscription('s1', '19:b@thread.tacv2'));
    await addPost(
      store,
      { ...post('k1', '19:b@thread.tacv2'), subscriptionId: 's1', teamId: 'team1' },
      at('2026-11-23T09:00:00Z'),
    );
    const claimed = await store.claimNextPost(at('2026-11-23T09:00:01Z'), 'w', at('2026-11-23T09:05:00Z'));
    expect(
      await store.featuredEntry({ conversationId: '19:b@thread.tacv2' }, at('2026-11-23T00:00:00Z')),
    ).toBeUndefined(); // not sent yet
    await store.finishPost(claimed!.id, 'w', { status: 'sent' }, at('2026-11-23T09:00:02Z'));
    expect(await store.featuredEntry({ conversationId: '19:other', teamId: 'team1' }, at('2026-11-23T00:00:00Z'))).toBe(
      'lbbd-be-curious',
    );
    expect(
      await store.featuredEntry({ conversationId: '19:b@thread.tacv2' }, at('2026-11-24T00:00:00Z')),
    ).toBeUndefined();
  });

  test('no question text can reach the store: no column holds free text from people', async () => {
    // The schema has no column for message text; this lists every column so a new one is noticed.
    // The one exception is a question a person chose to send to the practice team (suggestions.text).
    const statements = MIGRATIONS.flatMap((m) => m.statements);
    const freeText = statements.filter((s) => /\b(text|question|message|body)\s+TEXT/i.test(s));
    expect(freeText.map((s) => /CREATE TABLE (\w+)/.exec(s)?.[1])).toEqual(['suggestions']);
    expect(freeText.join('\n').match(/\b(text|question|message|body)\s+TEXT/gi)).toEqual(['text TEXT']);
  });
});

test('a database newer than this version is refused with a clear message', async () => {
  const db = openSqlite(':memory:');
  await migrate(db);
  await db.k.insertInto('schema_migrations').values({ version: 999, name: 'from the future', applied_at: 0 }).execute();
  await expect(migrate(db)).rejects.toThrow(/migrations this version does not know \(999\)/);
  await db.close();
});

test('a PostgreSQL that cannot be reached gives a clear message, without the password', async () => {
  await expect(openStore('postgres://app:secret@127.0.0.1:1/pc')).rejects.toThrow(
    /^Could not open the PostgreSQL database at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/pc: .*ECONNREFUSED/,
  );
  await expect(openStore('mysql://x')).rejects.toThrow(/is not a database address/);
});
