import { insertAudit } from './audit';
import { changed, compiledOnce, transaction } from './db';
import type { Db, Kdb } from './db';
import type { ConsoleStore, DailyMetric, Suggestion } from './console-types';
import { utcDay } from '../time/clock';

const DAY_MS = 86_400_000;

/** What the practice lead's console keeps: daily counts, suggested questions, and leads' personal chats (lead_chats). */
export function consoleTables(db: Db, open: () => void): ConsoleStore {
  // Counted on every "not sure" answer: compiled once.
  const addOne = compiledOnce<unknown, [day: string, metric: DailyMetric, item: string]>(db, (k, value) =>
    k
      .insertInto('daily_counts')
      .values({ day: value(0), metric: value(1) as DailyMetric, item: value(2), count: 1 })
      .onConflict((oc) =>
        oc.columns(['day', 'metric', 'item']).doUpdateSet((eb) => ({ count: eb('daily_counts.count', '+', 1) })),
      ),
  );
  return {
    async countDaily(metric, item, day) {
      open();
      await addOne(day, metric, item);
    },
    async dailyCounts(metrics, range) {
      open();
      if (metrics.length === 0) return [];
      const rows = await db.k
        .selectFrom('daily_counts')
        .select(['day', 'metric', 'item', 'count'])
        .where('day', '>=', range.from)
        .where('day', '<=', range.to)
        .where('metric', 'in', metrics)
        .orderBy('day')
        .orderBy('metric')
        .orderBy('item')
        .execute();
      return rows.map((r) => ({ day: r.day, metric: r.metric, item: r.item, count: Number(r.count) }));
    },
    async postOutcomes(from, to) {
      open();
      // By UTC day (whole-number division works alike on both backends). Meeting openers are logged
      // without a subscription: their slot key names the meeting series.
      const rows = await db.k
        .selectFrom('post_log as p')
        .leftJoin('subscriptions as s', 's.id', 'p.subscription_id')
        .select((eb) => [
          eb('p.slot_at', '/', eb.lit(DAY_MS)).as('d'),
          'p.conversation_id',
          'p.team_id',
          'p.entry_id',
          's.kind',
          'p.status',
          eb.fn.countAll().as('n'),
        ])
        .where('p.slot_at', '>=', from.getTime())
        .where('p.slot_at', '<', to.getTime())
        .where('p.slot_key', 'not like', 'digest:%')
        .groupBy((eb) => [
          eb('p.slot_at', '/', eb.lit(DAY_MS)),
          'p.conversation_id',
          'p.team_id',
          'p.entry_id',
          's.kind',
          'p.status',
        ])
        .orderBy('d')
        .orderBy('p.conversation_id')
        .execute();
      return rows.map((r) => ({
        day: utcDay(new Date(Math.floor(Number(r.d)) * DAY_MS)),
        conversationId: r.conversation_id,
        ...(r.team_id !== null && { teamId: r.team_id }),
        ...(r.entry_id !== null && { entryId: r.entry_id }),
        kind: r.kind === 'post' ? 'post' : 'meeting-opener',
        status: r.status,
        count: Number(r.n),
      }));
    },
    async addSuggestion(s) {
      open();
      await db.k
        .insertInto('suggestions')
        .values({ id: s.id, text: s.text, framework_id: s.frameworkId, entry_id: s.entryId ?? null, day: s.day })
        .execute();
    },
    async suggestions(limit) {
      open();
      const rows = await db.k
        .selectFrom('suggestions')
        .select(['id', 'text', 'framework_id', 'entry_id', 'day', 'outcome', 'resolved_at'])
        .orderBy('day', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r): Suggestion => ({
        id: r.id,
        text: r.text,
        frameworkId: r.framework_id,
        ...(r.entry_id !== null && { entryId: r.entry_id }),
        day: r.day,
        ...(r.outcome !== null &&
          r.resolved_at !== null && { resolved: { outcome: r.outcome, at: new Date(Number(r.resolved_at)) } }),
      }));
    },
    async suggestionCounts() {
      open();
      const rows = await db.k
        .selectFrom('suggestions')
        .select((eb) => ['framework_id', eb.fn.countAll().as('n')])
        .where('outcome', 'is', null)
        .groupBy('framework_id')
        .orderBy('framework_id')
        .execute();
      return rows.map((r) => ({ frameworkId: r.framework_id, count: Number(r.n) }));
    },
    async resolveSuggestion(id, outcome, at) {
      open();
      const result = await db.k
        .updateTable('suggestions')
        .set({ outcome, resolved_at: at.getTime() })
        .where('id', '=', id)
        .where('outcome', 'is', null)
        .executeTakeFirstOrThrow();
      return changed(result) > 0;
    },
    async reopenSuggestion(id, resolvedAfter) {
      open();
      const result = await db.k
        .updateTable('suggestions')
        .set({ outcome: null, resolved_at: null })
        .where('id', '=', id)
        .where('outcome', 'is not', null)
        .where('resolved_at', '>', resolvedAfter.getTime())
        .executeTakeFirstOrThrow();
      return changed(result) > 0;
    },
    async finishResolvedSuggestions(resolvedUpTo) {
      open();
      const finished = await transaction(db.k, async (tx) => {
        const rows = await tx
          .selectFrom('suggestions')
          .select(['id', 'framework_id', 'outcome', 'resolved_at'])
          .where('outcome', 'is not', null)
          .where('resolved_at', '<=', resolvedUpTo.getTime())
          .execute();
        if (rows.length === 0) return 0;
        const deleted = changed(
          await tx
            .deleteFrom('suggestions')
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .executeTakeFirstOrThrow(),
        );
        // Counted on the day it was marked, once its text is gone.
        const counts = new Map<string, { day: string; metric: DailyMetric; item: string; count: number }>();
        for (const r of rows) {
          const day = utcDay(new Date(Number(r.resolved_at)));
          const metric = r.outcome === 'answered' ? 'suggestion-answered' : 'suggestion-dismissed';
          const key = `${day} ${metric} ${r.framework_id}`;
          const count = counts.get(key) ?? { day, metric, item: r.framework_id, count: 0 };
          count.count++;
          counts.set(key, count);
        }
        for (const c of counts.values()) await addCount(tx, c);
        return deleted;
      });
      // The text a person typed: gone from the database file too, not left in free space or the log.
      if (finished > 0) await db.clearDeleted();
      return finished;
    },
    async purgeSuggestions(beforeDay) {
      open();
      const deleted = await transaction(db.k, async (tx) => {
        const rows = await tx
          .selectFrom('suggestions')
          .select((eb) => ['framework_id', 'day', 'outcome', eb.fn.countAll().as('n')])
          .where('day', '<', beforeDay)
          .groupBy(['framework_id', 'day', 'outcome'])
          .execute();
        if (rows.length === 0) return 0;
        const deleted = changed(
          await tx.deleteFrom('suggestions').where('day', '<', beforeDay).executeTakeFirstOrThrow(),
        );
        // One a lead had marked, still in its undo window, counts as marked; the others expired.
        for (const r of rows)
          await addCount(tx, {
            day: r.day,
            metric: r.outcome === null ? 'suggestion-expired' : `suggestion-${r.outcome}`,
            item: r.framework_id,
            count: Number(r.n),
          });
        return deleted;
      });
      if (deleted > 0) await db.clearDeleted();
      return deleted;
    },
    async saveLeadChat(leadId, conversationId, at) {
      open();
      // A new chat keeps the lead's choice about the digest; a first one starts with it on.
      await db.k
        .insertInto('lead_chats')
        .values({ lead_id: leadId, conversation_id: conversationId, digest_on: 1, updated_at: at.getTime() })
        .onConflict((oc) =>
          oc.column('lead_id').doUpdateSet((eb) => ({
            conversation_id: eb.ref('excluded.conversation_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
    async leadChats() {
      open();
      const rows = await db.k
        .selectFrom('lead_chats')
        .select(['lead_id', 'conversation_id', 'digest_on', 'updated_at'])
        .orderBy('lead_id')
        .execute();
      return rows.map((r) => ({
        leadId: r.lead_id,
        conversationId: r.conversation_id,
        digestOn: Number(r.digest_on) === 1,
        updatedAt: new Date(Number(r.updated_at)),
      }));
    },
    async setDigest(leadId, on, at, audit) {
      open();
      return transaction(db.k, async (tx) => {
        const result = await tx
          .updateTable('lead_chats')
          .set({ digest_on: on ? 1 : 0, updated_at: at.getTime() })
          .where('lead_id', '=', leadId)
          .executeTakeFirstOrThrow();
        if (changed(result) === 0) return false;
        if (audit) await insertAudit(tx, audit);
        return true;
      });
    },
  };
}

/** Adds `count` to a daily count, in the caller's transaction. */
async function addCount(tx: Kdb, c: { day: string; metric: DailyMetric; item: string; count: number }): Promise<void> {
  await tx
    .insertInto('daily_counts')
    .values(c)
    .onConflict((oc) =>
      oc
        .columns(['day', 'metric', 'item'])
        .doUpdateSet((eb) => ({ count: eb('daily_counts.count', '+', eb.ref('excluded.count')) })),
    )
    .execute();
}
