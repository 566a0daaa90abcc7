import { z } from 'zod';
import { changed, transaction } from './db';
import type { Db } from './db';
import { utcDay } from '../time/clock';

const DAY_MS = 86_400_000;

/** How many days each kind of row is kept (see docs/data-protection.md). */
export interface Retention {
  /** Feedback votes (under the voter's one-way code); rolled up into daily counts before they go. */
  readonly votesDays: number;
  /** "Most asked" counts and the daily feedback counts rolled up from votes. */
  readonly askCountsDays: number;
  /** Finished scheduled posts (sent, skipped, missed, failed…), by the time they were due. */
  readonly postLogDays: number;
  /** Who changed what. Also cancelled schedules, by when they were made. */
  readonly auditDays: number;
  /** Chats and channels the bot was removed from, by when it was removed. */
  readonly goneConversationsDays: number;
}

/** What one day's purge removed, by table. */
export interface PurgeReport {
  readonly day: string;
  readonly at: Date;
  readonly worker: string;
  /** Votes rolled up into vote_tallies before they were removed. */
  readonly votesRolledUp: number;
  readonly removed: Readonly<
    Record<
      | 'votes'
      | 'voteTallies'
      | 'asks'
      | 'dailyCounts'
      | 'posts'
      | 'audit'
      | 'conversations'
      | 'subscriptions'
      | 'rotations'
      | 'settings'
      | 'purgeRuns',
      number
    >
  >;
}

/** What retentionPurge keeps. */
export interface RetentionStore {
  /**
   * Removes what is past its time, once per UTC day across every instance: the first to claim the
   * day does it, in one transaction that also records what it removed; the others get undefined.
   */
  purge(now: Date, retention: Retention, worker: string): Promise<PurgeReport | undefined>;
  /** Recent purges, newest first. */
  purges(limit: number): Promise<PurgeReport[]>;
}

/**
 * The daily retention purge. `flushAsks` writes the "most asked" counts waiting in memory, so a purge
 * sees them; `open` throws once the store is closed.
 */
export function retentionPurge(db: Db, flushAsks: () => Promise<void>, open: () => void): RetentionStore {
  return {
    async purge(now, retention, worker) {
      open();
      await flushAsks();
      const before = (days: number) => now.getTime() - days * DAY_MS;
      const report = await transaction(db.k, async (tx): Promise<PurgeReport | undefined> => {
        // The day's claim. A second instance waits for this transaction, then finds the day taken.
        const claim = await tx
          .insertInto('purge_runs')
          .values({ day: utcDay(now), worker, started_at: now.getTime() })
          .onConflict((oc) => oc.column('day').doNothing())
          .executeTakeFirstOrThrow();
        if (changed(claim) === 0) return undefined;
        const removed = {
          votes: 0,
          voteTallies: 0,
          asks: 0,
          dailyCounts: 0,
          posts: 0,
          audit: 0,
          conversations: 0,
          subscriptions: 0,
          rotations: 0,
          settings: 0,
          purgeRuns: 0,
        };
        const count = async (q: { executeTakeFirstOrThrow(): Promise<{ numDeletedRows: bigint }> }) =>
          changed(await q.executeTakeFirstOrThrow());

        // Votes: rolled up into daily counts per entry (no voter), so feedback figures survive them.
        const votesBefore = utcDay(new Date(before(retention.votesDays)));
        const rolledUp = await tx
          .selectFrom('votes')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('day', '<', votesBefore)
          .executeTakeFirst();
        await tx
          .insertInto('vote_tallies')
          .columns(['entry_id', 'day', 'helpful', 'not_helpful'])
          .expression((eb) =>
            eb
              .selectFrom('votes')
              .select((v) => [
                'entry_id',
                'day',
                v.fn.sum('helpful').as('helpful'),
                v.fn.sum(v(v.lit<number>(1), '-', v.ref('helpful'))).as('not_helpful'),
              ])
              .where('day', '<', votesBefore)
              .groupBy(['entry_id', 'day']),
          )
          .onConflict((oc) =>
            oc.columns(['entry_id', 'day']).doUpdateSet((eb) => ({
              helpful: eb('vote_tallies.helpful', '+', eb.ref('excluded.helpful')),
              not_helpful: eb('vote_tallies.not_helpful', '+', eb.ref('excluded.not_helpful')),
            })),
          )
          .execute();
        removed.votes = await count(tx.deleteFrom('votes').where('day', '<', votesBefore));

        // Counts: "most asked" and the rolled-up feedback.
        const countsBefore = utcDay(new Date(before(retention.askCountsDays)));
        removed.asks = await count(tx.deleteFrom('asks').where('day', '<', countsBefore));
        removed.voteTallies = await count(tx.deleteFrom('vote_tallies').where('day', '<', countsBefore));
        removed.dailyCounts = await count(tx.deleteFrom('daily_counts').where('day', '<', countsBefore));

        // Finished posts. Posts waiting or being sent stay whatever their age; rotations live elsewhere.
        const postsBefore = before(retention.postLogDays);
        removed.posts = await count(
          tx
            .deleteFrom('post_log')
            .where('slot_at', '<', postsBefore)
            .where('updated_at', '<', postsBefore)
            .where('status', 'not in', ['pending', 'sending']),
        );

        const auditBefore = before(retention.auditDays);
        removed.audit = await count(tx.deleteFrom('audit_log').where('at', '<', auditBefore));
        removed.subscriptions += await count(
          tx.deleteFrom('subscriptions').where('status', '=', 'cancelled').where('created_at', '<', auditBefore),
        );

        // Chats and channels the bot was removed from: their reference, stopped schedules, meeting rotation and settings.
        const gone = await tx
          .selectFrom('conversations')
          .select(['id', 'team_id'])
          .where('status', '=', 'gone')
          .where('updated_at', '<', before(retention.goneConversationsDays))
          .execute();
        for (let i = 0; i < gone.length; i += 200) {
          const ids = gone.slice(i, i + 200).map((g) => g.id);
          removed.subscriptions += await count(
            tx
              .deleteFrom('subscriptions')
              .where('conversation_id', 'in', ids)
              .where('status', 'not in', ['active', 'paused']),
          );
          removed.rotations += await count(
            tx.deleteFrom('rotations').where(
              'key',
              'in',
              ids.map((id) => `meeting-series:${id}`),
            ),
          );
          removed.conversations += await count(tx.deleteFrom('conversations').where('id', 'in', ids));
        }
        const scopes = [
          ...new Set(
            gone.flatMap((g) => [`conversation:${g.id}`, ...(g.team_id === null ? [] : [`team:${g.team_id}`])]),
          ),
        ];
        for (let i = 0; i < scopes.length; i += 200) {
          const some = scopes.slice(i, i + 200);
          // Only scopes no kept conversation still uses.
          removed.settings += await count(
            tx
              .deleteFrom('settings')
              .where('scope_id', 'in', some)
              .where((w) =>
                w.not(
                  w.exists(
                    w
                      .selectFrom('conversations as c')
                      .select('c.id')
                      .where((eb) =>
                        eb.or([
                          eb('settings.scope_id', '=', eb(eb.val('team:'), '||', eb.ref('c.team_id'))),
                          eb('settings.scope_id', '=', eb(eb.val('conversation:'), '||', eb.ref('c.id'))),
                        ]),
                      ),
                  ),
                ),
              ),
          );
        }

        removed.purgeRuns = await count(tx.deleteFrom('purge_runs').where('started_at', '<', auditBefore));
        const votesRolledUp = Number(rolledUp?.n ?? 0);
        await tx
          .updateTable('purge_runs')
          .set({ finished_at: now.getTime(), removed: JSON.stringify({ votesRolledUp, removed }) })
          .where('day', '=', utcDay(now))
          .execute();
        return { day: utcDay(now), at: now, worker, votesRolledUp, removed };
      });
      // What was purged is gone from the database file too (secure_delete, and the log emptied).
      if (report) await db.clearDeleted();
      return report;
    },

    async purges(limit) {
      open();
      const rows = await db.k
        .selectFrom('purge_runs')
        .select(['day', 'worker', 'started_at', 'removed'])
        .where('removed', 'is not', null)
        .orderBy('day', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const saved = savedPurge.parse(JSON.parse(r.removed ?? '{}'));
        return {
          day: r.day,
          at: new Date(Number(r.started_at)),
          worker: r.worker,
          votesRolledUp: saved.votesRolledUp,
          removed: saved.removed,
        };
      });
    },
  };
}

/** What a purge recorded in purge_runs.removed. */
const savedPurge = z.object({
  votesRolledUp: z.number(),
  removed: z.object({
    votes: z.number(),
    voteTallies: z.number(),
    asks: z.number(),
    dailyCounts: z.number(),
    posts: z.number(),
    audit: z.number(),
    conversations: z.number(),
    subscriptions: z.number(),
    rotations: z.number(),
    settings: z.number(),
    purgeRuns: z.number(),
  }),
});
