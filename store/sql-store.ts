import { randomBytes, randomUUID } from 'node:crypto';
import { AskTally } from './ask-tally';
import { createHousekeeping } from './housekeeping';
import { migrate } from './migrations';
import type { Sql } from './sql';
import { createFrameworkVersionStore } from './framework-versions';
import { EMPTY_ROTATION } from '../schedule/rotation';
import type { AuditEntry, ConversationRecord, DailyMetric, FeedbackCount, NewPost, Plan, PostRecord, PostStatus, RotationState, Store, Subscription, Suggestion } from './types';

interface SubscriptionRow {
  id: string;
  conversation_id: string;
  team_id: string | null;
  spec: string;
  status: Subscription['status'];
  inactive_reason: string | null;
  paused_until: number | null;
  skip_next: number;
  rotation: string;
  next_slot_at: number | null;
  created_at: number;
  created_by: string;
}

interface PostRow {
  id: string;
  slot_key: string;
  subscription_id: string | null;
  conversation_id: string;
  team_id: string | null;
  slot_at: number;
  entry_id: string | null;
  content: string | null;
  status: PostRecord['status'];
  attempts: number;
  next_attempt_at: number | null;
  activity_id: string | null;
  error: string | null;
  updated_at: number;
}

interface ConversationRow {
  id: string;
  kind: ConversationRecord['kind'];
  tenant_id: string | null;
  team_id: string | null;
  service_url: string;
  reference: string;
  status: ConversationRecord['status'];
  gone_reason: string | null;
  updated_at: number;
}

const ms = (d: Date | undefined) => (d === undefined ? null : d.getTime());

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    ...(r.team_id !== null && { teamId: r.team_id }),
    spec: JSON.parse(r.spec) as Subscription['spec'],
    status: r.status,
    ...(r.inactive_reason !== null && { inactiveReason: r.inactive_reason }),
    ...(r.paused_until !== null && { pausedUntil: new Date(Number(r.paused_until)) }),
    skipNext: Number(r.skip_next),
    rotation: JSON.parse(r.rotation) as Subscription['rotation'],
    ...(r.next_slot_at !== null && { nextSlotAt: new Date(Number(r.next_slot_at)) }),
    createdAt: new Date(Number(r.created_at)),
    createdBy: r.created_by,
  };
}

function toPost(r: PostRow): PostRecord {
  return {
    id: r.id,
    slotKey: r.slot_key,
    ...(r.subscription_id !== null && { subscriptionId: r.subscription_id }),
    conversationId: r.conversation_id,
    ...(r.team_id !== null && { teamId: r.team_id }),
    slotAt: new Date(Number(r.slot_at)),
    ...(r.entry_id !== null && { entryId: r.entry_id }),
    ...(r.content !== null && { content: JSON.parse(r.content) as Record<string, unknown> }),
    status: r.status,
    attempts: Number(r.attempts),
    ...(r.next_attempt_at !== null && { nextAttemptAt: new Date(Number(r.next_attempt_at)) }),
    ...(r.activity_id !== null && { activityId: r.activity_id }),
    ...(r.error !== null && { error: r.error }),
    updatedAt: new Date(Number(r.updated_at)),
  };
}

function toConversation(r: ConversationRow): ConversationRecord {
  return {
    id: r.id,
    kind: r.kind,
    ...(r.tenant_id !== null && { tenantId: r.tenant_id }),
    ...(r.team_id !== null && { teamId: r.team_id }),
    serviceUrl: r.service_url,
    reference: JSON.parse(r.reference) as Record<string, unknown>,
    status: r.status,
    ...(r.gone_reason !== null && { goneReason: r.gone_reason }),
    updatedAt: new Date(Number(r.updated_at)),
  };
}

async function insertPost(tx: Sql, post: NewPost, at: Date): Promise<boolean> {
  const added = await tx.run(
    `INSERT INTO post_log (id, slot_key, subscription_id, conversation_id, team_id, slot_at, entry_id, content, status, attempts, next_attempt_at, error, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (slot_key) DO NOTHING`,
    [
      randomUUID(),
      post.slotKey,
      post.subscriptionId ?? null,
      post.conversationId,
      post.teamId ?? null,
      post.slotAt.getTime(),
      post.entryId ?? null,
      post.content === undefined ? null : JSON.stringify(post.content),
      post.status,
      post.status === 'pending' ? post.slotAt.getTime() : null,
      post.error ?? null,
      at.getTime(),
      at.getTime(),
    ],
  );
  return added > 0;
}

async function applyPlan(tx: Sql, row: SubscriptionRow, plan: (s: Subscription) => Plan, now: Date): Promise<void> {
  const decided = plan(toSubscription(row));
  for (const post of decided.posts) await insertPost(tx, post, now);
  await tx.run('UPDATE subscriptions SET rotation = ?, next_slot_at = ?, skip_next = ?, status = ?, paused_until = ? WHERE id = ?', [
    JSON.stringify(decided.rotation),
    ms(decided.nextSlotAt),
    decided.skipNext,
    decided.status,
    ms(decided.pausedUntil),
    row.id,
  ]);
}

/** How long ask counts wait in memory before they are written together (see AskTally). */
export const ASK_FLUSH_MS = 2000;

export interface StoreOptions {
  /** How long ask counts wait before they are written; ASK_FLUSH_MS unless a test wants it shorter. */
  readonly askFlushMs?: number;
}

/** The store on SQLite or PostgreSQL. Runs the migrations before it is returned. */
export async function createSqlStore(sql: Sql, options: StoreOptions = {}): Promise<Store> {
  await migrate(sql);
  let closed = false;
  const open = () => {
    if (closed) throw new Error('the store is closed');
  };

  const asks = new AskTally(
    (batch) =>
      sql.transaction(async (tx) => {
        for (const a of batch) {
          await tx.run(`INSERT INTO asks (entry_id, day, count) VALUES (?, ?, ?) ON CONFLICT (entry_id, day) DO UPDATE SET count = asks.count + excluded.count`, [a.entryId, a.day, a.count]);
        }
      }),
    options.askFlushMs ?? ASK_FLUSH_MS,
  );

  const store: Store = {
    ...createHousekeeping(sql, () => asks.flush(), open),
    frameworkVersions: createFrameworkVersionStore(sql),
    async frameworkFor(scopeId) {
      open();
      const row = await sql.get<{ framework_id: string | null }>('SELECT framework_id FROM settings WHERE scope_id = ?', [scopeId]);
      return row?.framework_id ?? undefined;
    },
    async setFramework({ scopeId, frameworkId, changedBy, at }) {
      open();
      await sql.transaction(async (tx) => {
        const before = await tx.get<{ framework_id: string | null }>('SELECT framework_id FROM settings WHERE scope_id = ?', [scopeId]);
        await tx.run(
          `INSERT INTO settings (scope_id, framework_id, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (scope_id) DO UPDATE SET framework_id = excluded.framework_id, updated_at = excluded.updated_at`,
          [scopeId, frameworkId, at.getTime()],
        );
        await tx.run('INSERT INTO audit_log (id, scope_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [
          randomUUID(),
          scopeId,
          at.getTime(),
          changedBy,
          'framework',
          `framework changed from ${before?.framework_id ?? 'the default'} to ${frameworkId}`,
        ]);
      });
    },
    async recordVote(vote) {
      open();
      return sql.transaction(async (tx) => {
        const before = await tx.get<{ helpful: number }>('SELECT helpful FROM votes WHERE answer_id = ? AND voter = ?', [vote.answerId, vote.voter]);
        await tx.run(
          `INSERT INTO votes (answer_id, voter, entry_id, day, helpful) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, entry_id = excluded.entry_id, day = excluded.day`,
          [vote.answerId, vote.voter, vote.entryId, vote.day, vote.helpful ? 1 : 0],
        );
        if (!before) return 'new';
        return Boolean(Number(before.helpful)) === vote.helpful ? 'same' : 'changed';
      });
    },
    async feedbackCounts() {
      open();
      const rows = await sql.all<{ entry_id: string; day: string; helpful: number; not_helpful: number }>(
        // Votes, and the daily counts that older votes were rolled up into before the purge removed them.
        `SELECT entry_id, day, SUM(helpful) AS helpful, SUM(not_helpful) AS not_helpful FROM (
           SELECT entry_id, day, helpful, 1 - helpful AS not_helpful FROM votes
           UNION ALL SELECT entry_id, day, helpful, not_helpful FROM vote_tallies
         ) v GROUP BY entry_id, day ORDER BY day, entry_id`,
      );
      return rows.map((r): FeedbackCount => ({ entryId: r.entry_id, day: r.day, helpful: Number(r.helpful), notHelpful: Number(r.not_helpful) }));
    },
    async recordAsk(entryId, day) {
      open();
      asks.add(entryId, day);
    },
    async mostAsked(limit) {
      open();
      await asks.flush();
      const rows = await sql.all<{ entry_id: string; total: number }>('SELECT entry_id, SUM(count) AS total FROM asks GROUP BY entry_id ORDER BY total DESC, entry_id LIMIT ?', [limit]);
      return rows.map((r) => ({ entryId: r.entry_id, count: Number(r.total) }));
    },
    async featuredEntry({ conversationId, teamId }, since) {
      open();
      const row = await sql.get<{ entry_id: string }>(
        `SELECT p.entry_id FROM post_log p JOIN subscriptions s ON s.id = p.subscription_id AND s.kind = 'post'
         WHERE p.status = 'sent' AND p.entry_id IS NOT NULL AND p.slot_at >= ? AND (p.conversation_id = ? OR (p.team_id IS NOT NULL AND p.team_id = ?))
         ORDER BY p.slot_at DESC LIMIT 1`,
        [since.getTime(), conversationId, teamId ?? null],
      );
      return row?.entry_id;
    },
    async secretKey(name) {
      open();
      // Two instances starting together: one insert wins, and both read the winner's key.
      await sql.run('INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64'), Date.now()]);
      const row = await sql.get<{ value: string }>('SELECT value FROM secrets WHERE name = ?', [name]);
      return Buffer.from(row!.value, 'base64');
    },

    async saveConversation(c, at) {
      open();
      await sql.run(
        `INSERT INTO conversations (id, kind, tenant_id, team_id, service_url, reference, status, gone_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'active', NULL, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, tenant_id = excluded.tenant_id, team_id = excluded.team_id, service_url = excluded.service_url,
           reference = excluded.reference, status = 'active', gone_reason = NULL, updated_at = excluded.updated_at`,
        [c.id, c.kind, c.tenantId ?? null, c.teamId ?? null, c.serviceUrl, JSON.stringify(c.reference), at.getTime()],
      );
    },
    async conversation(id) {
      open();
      const row = await sql.get<ConversationRow>('SELECT * FROM conversations WHERE id = ?', [id]);
      return row && toConversation(row);
    },
    async markConversationGone(id, reason, at) {
      open();
      await sql.run(`UPDATE conversations SET status = 'gone', gone_reason = ?, updated_at = ? WHERE id = ?`, [reason, at.getTime(), id]);
    },
    async markTeamGone(teamId, reason, at) {
      open();
      await sql.transaction(async (tx) => {
        await tx.run(`UPDATE conversations SET status = 'gone', gone_reason = ?, updated_at = ? WHERE team_id = ?`, [reason, at.getTime(), teamId]);
        await tx.run(`UPDATE subscriptions SET status = 'inactive', inactive_reason = ?, next_slot_at = NULL WHERE team_id = ? AND status IN ('active', 'paused')`, [reason, teamId]);
      });
    },

    async audit(entry) {
      open();
      await sql.run('INSERT INTO audit_log (id, scope_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), entry.scopeId, entry.at.getTime(), entry.actor, entry.action, entry.detail]);
    },
    async auditLog(scopeIds, limit) {
      open();
      if (scopeIds.length === 0) return [];
      const rows = await sql.all<{ scope_id: string; at: number; actor: string; action: string; detail: string }>(
        `SELECT scope_id, at, actor, action, detail FROM audit_log WHERE scope_id IN (${scopeIds.map(() => '?').join(', ')}) ORDER BY at DESC, id LIMIT ?`,
        [...scopeIds, limit],
      );
      return rows.map((r): AuditEntry => ({ scopeId: r.scope_id, at: new Date(Number(r.at)), actor: r.actor, action: r.action, detail: r.detail }));
    },

    async meetingOpeners(scopeId) {
      open();
      const row = await sql.get<{ meeting_openers: string | null }>('SELECT meeting_openers FROM settings WHERE scope_id = ?', [scopeId]);
      return row?.meeting_openers === null || row?.meeting_openers === undefined ? undefined : row.meeting_openers === 'on';
    },
    async setMeetingOpeners(scopeId, on, at) {
      open();
      await sql.run(
        `INSERT INTO settings (scope_id, meeting_openers, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (scope_id) DO UPDATE SET meeting_openers = excluded.meeting_openers, updated_at = excluded.updated_at`,
        [scopeId, on ? 'on' : 'off', at.getTime()],
      );
    },

    async createSubscription(s) {
      open();
      await sql.run(
        `INSERT INTO subscriptions (id, conversation_id, team_id, kind, spec, status, inactive_reason, paused_until, skip_next, rotation, next_slot_at, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          s.id,
          s.conversationId,
          s.teamId ?? null,
          s.spec.kind,
          JSON.stringify(s.spec),
          s.status,
          s.inactiveReason ?? null,
          ms(s.pausedUntil),
          s.skipNext,
          JSON.stringify(s.rotation),
          ms(s.nextSlotAt),
          s.createdAt.getTime(),
          s.createdBy,
        ],
      );
    },
    async subscription(id) {
      open();
      const row = await sql.get<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?', [id]);
      return row && toSubscription(row);
    },
    async subscriptionsIn(conversationId) {
      open();
      const rows = await sql.all<SubscriptionRow>(`SELECT * FROM subscriptions WHERE conversation_id = ? AND status <> 'cancelled' ORDER BY created_at, id`, [conversationId]);
      return rows.map(toSubscription);
    },
    async skipOneMore(id) {
      open();
      const row = await sql.get<{ skip_next: number }>('UPDATE subscriptions SET skip_next = skip_next + 1 WHERE id = ? RETURNING skip_next', [id]);
      return row === undefined ? undefined : Number(row.skip_next);
    },
    async updateSubscription(id, patch) {
      open();
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if ('status' in patch) set('status', patch.status);
      if ('pausedUntil' in patch) set('paused_until', ms(patch.pausedUntil));
      if ('skipNext' in patch) set('skip_next', patch.skipNext);
      if ('spec' in patch && patch.spec) {
        set('spec', JSON.stringify(patch.spec));
        set('kind', patch.spec.kind);
      }
      if ('nextSlotAt' in patch) set('next_slot_at', ms(patch.nextSlotAt));
      if ('inactiveReason' in patch) set('inactive_reason', patch.inactiveReason ?? null);
      if (sets.length === 0) return;
      await sql.run(`UPDATE subscriptions SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
    },
    async deactivateSubscriptionsIn(conversationId, reason) {
      open();
      return sql.run(`UPDATE subscriptions SET status = 'inactive', inactive_reason = ?, next_slot_at = NULL WHERE conversation_id = ? AND status IN ('active', 'paused')`, [reason, conversationId]);
    },

    async planDue(now, limit, plan) {
      open();
      let planned = 0;
      while (planned < limit) {
        // A batch per transaction, locked (and skipped by other instances) until it commits.
        const batch = await sql.transaction(async (tx) => {
          const rows = await tx.all<SubscriptionRow>(
            `SELECT * FROM subscriptions WHERE next_slot_at IS NOT NULL AND next_slot_at <= ? AND status IN ('active', 'paused') ORDER BY next_slot_at, id LIMIT ?${tx.skipLocked}`,
            [now.getTime(), Math.min(50, limit - planned)],
          );
          for (const row of rows) await applyPlan(tx, row, plan, now);
          return rows.length;
        });
        if (batch === 0) break;
        planned += batch;
      }
      return planned;
    },
    async planOne(id, at, plan) {
      open();
      return sql.transaction(async (tx) => {
        const row = await tx.get<SubscriptionRow>(`SELECT * FROM subscriptions WHERE id = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [id]);
        if (!row) return false;
        await applyPlan(tx, row, plan, at);
        return true;
      });
    },
    async addPostWithRotation(rotationKey, key, at, build) {
      open();
      return sql.transaction(async (tx) => {
        await tx.run(`INSERT INTO rotations (key, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`, [rotationKey, JSON.stringify(EMPTY_ROTATION), at.getTime()]);
        // Locks the rotation, so racing events for the same series queue here, then see the post.
        const row = await tx.get<{ state: string }>(`SELECT state FROM rotations WHERE key = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [rotationKey]);
        if (await tx.get('SELECT 1 AS found FROM post_log WHERE slot_key = ?', [key])) return false;
        const built = build(JSON.parse(row!.state) as RotationState);
        if (!built) return false;
        if (!(await insertPost(tx, { ...built.post, slotKey: key }, at))) return false;
        await tx.run('UPDATE rotations SET state = ?, updated_at = ? WHERE key = ?', [JSON.stringify(built.state), at.getTime(), rotationKey]);
        return true;
      });
    },
    async claimNextPost(now, worker, leaseUntil) {
      open();
      return sql.transaction(async (tx) => {
        // A claim whose lease ran out belonged to a sender that stopped mid-send. The post may have
        // reached Teams, so it is never sent again: it is marked for people to see in the history.
        await tx.run(`UPDATE post_log SET status = 'uncertain', error = 'the service stopped while sending this post', updated_at = ? WHERE status = 'sending' AND claimed_until < ?`, [
          now.getTime(),
          now.getTime(),
        ]);
        const due = await tx.get<{ id: string }>(`SELECT id FROM post_log WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1${tx.skipLocked}`, [now.getTime()]);
        if (!due) return undefined;
        const row = await tx.get<PostRow>(
          `UPDATE post_log SET status = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending' RETURNING *`,
          [worker, leaseUntil.getTime(), now.getTime(), due.id],
        );
        return row && toPost(row);
      });
    },
    async finishPost(id, worker, result, at) {
      open();
      await sql.run(
        `UPDATE post_log SET status = ?, activity_id = ?, error = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ? AND claimed_by = ? AND status = 'sending'`,
        [result.status, 'activityId' in result ? (result.activityId ?? null) : null, result.error ?? null, result.status === 'pending' ? result.nextAttemptAt.getTime() : null, at.getTime(), id, worker],
      );
    },
    async nextWake() {
      open();
      const a = await sql.get<{ t: number | null }>(`SELECT MIN(next_slot_at) AS t FROM subscriptions WHERE status IN ('active', 'paused')`);
      const b = await sql.get<{ t: number | null }>(`SELECT MIN(next_attempt_at) AS t FROM post_log WHERE status = 'pending'`);
      const c = await sql.get<{ t: number | null }>(`SELECT MIN(claimed_until) AS t FROM post_log WHERE status = 'sending'`);
      const times = [a?.t, b?.t, c?.t].filter((t): t is number => t !== null && t !== undefined).map(Number);
      return times.length === 0 ? undefined : new Date(Math.min(...times));
    },
    async postLog(where, limit) {
      open();
      const clauses: string[] = [];
      const values: unknown[] = [];
      if (where.conversationId !== undefined) {
        clauses.push('conversation_id = ?');
        values.push(where.conversationId);
      }
      if (where.subscriptionId !== undefined) {
        clauses.push('subscription_id = ?');
        values.push(where.subscriptionId);
      }
      if (where.slotKey !== undefined) {
        clauses.push('slot_key = ?');
        values.push(where.slotKey);
      }
      const rows = await sql.all<PostRow>(`SELECT * FROM post_log${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY slot_at DESC, id LIMIT ?`, [...values, limit]);
      return rows.map(toPost);
    },

    async countDaily(metric, item, day) {
      open();
      await sql.run(`INSERT INTO daily_counts (day, metric, item, count) VALUES (?, ?, ?, 1) ON CONFLICT (day, metric, item) DO UPDATE SET count = daily_counts.count + 1`, [day, metric, item]);
    },
    async dailyCounts(metrics, range) {
      open();
      if (metrics.length === 0) return [];
      const rows = await sql.all<{ day: string; metric: DailyMetric; item: string; count: number }>(
        `SELECT day, metric, item, count FROM daily_counts WHERE day >= ? AND day <= ? AND metric IN (${metrics.map(() => '?').join(', ')}) ORDER BY day, metric, item`,
        [range.from, range.to, ...metrics],
      );
      return rows.map((r) => ({ day: r.day, metric: r.metric, item: r.item, count: Number(r.count) }));
    },
    async askCounts(range) {
      open();
      await asks.flush();
      const rows = await sql.all<{ entry_id: string; day: string; count: number }>('SELECT entry_id, day, count FROM asks WHERE day >= ? AND day <= ? ORDER BY day, entry_id', [range.from, range.to]);
      return rows.map((r) => ({ entryId: r.entry_id, day: r.day, count: Number(r.count) }));
    },
    async voteCounts(range) {
      open();
      const rows = await sql.all<{ entry_id: string; helpful: number; not_helpful: number }>(
        // Votes past RETAIN_VOTES_DAYS live on as daily counts (vote_tallies): the purge moves them in one transaction.
        `SELECT entry_id, SUM(h) AS helpful, SUM(nh) AS not_helpful FROM (
           SELECT entry_id, helpful AS h, 1 - helpful AS nh FROM votes WHERE day >= ? AND day <= ?
           UNION ALL SELECT entry_id, helpful AS h, not_helpful AS nh FROM vote_tallies WHERE day >= ? AND day <= ?
         ) counted GROUP BY entry_id ORDER BY entry_id`,
        [range.from, range.to, range.from, range.to],
      );
      return rows.map((r) => ({ entryId: r.entry_id, helpful: Number(r.helpful), notHelpful: Number(r.not_helpful) }));
    },
    async postOutcomes(from, to) {
      open();
      // By UTC day (whole-number division works alike on both backends). Meeting openers are logged
      // without a subscription: their slot key names the meeting series.
      const rows = await sql.all<{ d: number; conversation_id: string; team_id: string | null; kind: string | null; status: PostStatus; n: number }>(
        `SELECT p.slot_at / 86400000 AS d, p.conversation_id, p.team_id, s.kind, p.status, COUNT(*) AS n FROM post_log p LEFT JOIN subscriptions s ON s.id = p.subscription_id
         WHERE p.slot_at >= ? AND p.slot_at < ? AND p.slot_key NOT LIKE 'digest:%' GROUP BY p.slot_at / 86400000, p.conversation_id, p.team_id, s.kind, p.status ORDER BY d, p.conversation_id`,
        [from.getTime(), to.getTime()],
      );
      return rows.map((r) => ({
        day: new Date(Math.floor(Number(r.d)) * 86_400_000).toISOString().slice(0, 10),
        conversationId: r.conversation_id,
        ...(r.team_id !== null && { teamId: r.team_id }),
        kind: r.kind === 'post' ? 'post' : 'meeting-opener',
        status: r.status,
        count: Number(r.n),
      }));
    },
    async conversationCounts() {
      open();
      const rows = await sql.all<{ kind: string; n: number; teams: number }>(
        `SELECT kind, COUNT(*) AS n, COUNT(DISTINCT COALESCE(team_id, id)) AS teams FROM conversations WHERE status = 'active' GROUP BY kind`,
      );
      const of = (kind: string) => rows.find((r) => r.kind === kind);
      return { personal: Number(of('personal')?.n ?? 0), groupChat: Number(of('groupChat')?.n ?? 0), teams: Number(of('channel')?.teams ?? 0) };
    },
    async addSuggestion(s) {
      open();
      await sql.run('INSERT INTO suggestions (id, text, framework_id, entry_id, day) VALUES (?, ?, ?, ?, ?)', [s.id, s.text, s.frameworkId, s.entryId ?? null, s.day]);
    },
    async suggestions(limit) {
      open();
      const rows = await sql.all<{ id: string; text: string; framework_id: string; entry_id: string | null; day: string }>('SELECT id, text, framework_id, entry_id, day FROM suggestions ORDER BY day DESC, id LIMIT ?', [limit]);
      return rows.map((r): Suggestion => ({ id: r.id, text: r.text, frameworkId: r.framework_id, ...(r.entry_id !== null && { entryId: r.entry_id }), day: r.day }));
    },
    async suggestionCounts() {
      open();
      const rows = await sql.all<{ framework_id: string; n: number }>('SELECT framework_id, COUNT(*) AS n FROM suggestions GROUP BY framework_id ORDER BY framework_id');
      return rows.map((r) => ({ frameworkId: r.framework_id, count: Number(r.n) }));
    },
    async resolveSuggestion(id, outcome, day) {
      open();
      return sql.transaction(async (tx) => {
        const row = await tx.get<{ framework_id: string }>('SELECT framework_id FROM suggestions WHERE id = ?', [id]);
        if (!row) return false;
        await tx.run('DELETE FROM suggestions WHERE id = ?', [id]);
        await tx.run(`INSERT INTO daily_counts (day, metric, item, count) VALUES (?, ?, ?, 1) ON CONFLICT (day, metric, item) DO UPDATE SET count = daily_counts.count + 1`, [day, `suggestion-${outcome}`, row.framework_id]);
        return true;
      });
    },
    async purgeSuggestions(beforeDay) {
      open();
      return sql.transaction(async (tx) => {
        const rows = await tx.all<{ framework_id: string; day: string; n: number }>('SELECT framework_id, day, COUNT(*) AS n FROM suggestions WHERE day < ? GROUP BY framework_id, day', [beforeDay]);
        if (rows.length === 0) return 0;
        const deleted = await tx.run('DELETE FROM suggestions WHERE day < ?', [beforeDay]);
        for (const r of rows) {
          await tx.run(`INSERT INTO daily_counts (day, metric, item, count) VALUES (?, 'suggestion-expired', ?, ?) ON CONFLICT (day, metric, item) DO UPDATE SET count = daily_counts.count + excluded.count`, [r.day, r.framework_id, Number(r.n)]);
        }
        return deleted;
      });
    },
    async saveLeadChat(leadId, conversationId, at) {
      open();
      // A new chat keeps the lead's choice about the digest; a first one starts with it on.
      await sql.run(
        `INSERT INTO lead_chats (lead_id, conversation_id, digest_on, updated_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (lead_id) DO UPDATE SET conversation_id = excluded.conversation_id, updated_at = excluded.updated_at`,
        [leadId, conversationId, at.getTime()],
      );
    },
    async leadChats() {
      open();
      const rows = await sql.all<{ lead_id: string; conversation_id: string; digest_on: number; updated_at: number }>('SELECT lead_id, conversation_id, digest_on, updated_at FROM lead_chats ORDER BY lead_id');
      return rows.map((r) => ({ leadId: r.lead_id, conversationId: r.conversation_id, digestOn: Number(r.digest_on) === 1, updatedAt: new Date(Number(r.updated_at)) }));
    },
    async setDigest(leadId, on, at) {
      open();
      return (await sql.run('UPDATE lead_chats SET digest_on = ?, updated_at = ? WHERE lead_id = ?', [on ? 1 : 0, at.getTime(), leadId])) > 0;
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        await asks.flush();
      } finally {
        await sql.close();
      }
    },
  };
  return store;
}
