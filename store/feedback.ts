import { AskTally } from './ask-tally';
import { transaction } from './db';
import type { Db } from './db';
import type { FeedbackCount, Store } from './types';

/** How long ask counts wait in memory before they are written together (see AskTally). */
export const ASK_FLUSH_MS = 2000;

/** Votes on answers (votes, and vote_tallies once the purge has rolled them up) and "most asked" counts (asks). */
export function feedbackTables(
  db: Db,
  open: () => void,
  askFlushMs: number,
): {
  asks: AskTally;
  methods: Pick<Store, 'recordVote' | 'feedbackCounts' | 'recordAsk' | 'mostAsked' | 'askCounts' | 'voteCounts'>;
} {
  const asks = new AskTally(
    (batch) =>
      transaction(db.k, async (tx) => {
        for (const a of batch) {
          await tx
            .insertInto('asks')
            .values({ entry_id: a.entryId, day: a.day, count: a.count })
            .onConflict((oc) =>
              oc
                .columns(['entry_id', 'day'])
                .doUpdateSet((eb) => ({ count: eb('asks.count', '+', eb.ref('excluded.count')) })),
            )
            .execute();
        }
      }),
    askFlushMs,
  );
  const methods: Pick<Store, 'recordVote' | 'feedbackCounts' | 'recordAsk' | 'mostAsked' | 'askCounts' | 'voteCounts'> =
    {
      async recordVote(vote) {
        open();
        return transaction(db.k, async (tx) => {
          const before = await tx
            .selectFrom('votes')
            .select('helpful')
            .where('answer_id', '=', vote.answerId)
            .where('voter', '=', vote.voter)
            .executeTakeFirst();
          await tx
            .insertInto('votes')
            .values({
              answer_id: vote.answerId,
              voter: vote.voter,
              entry_id: vote.entryId,
              day: vote.day,
              helpful: vote.helpful ? 1 : 0,
            })
            .onConflict((oc) =>
              oc.columns(['answer_id', 'voter']).doUpdateSet((eb) => ({
                helpful: eb.ref('excluded.helpful'),
                entry_id: eb.ref('excluded.entry_id'),
                day: eb.ref('excluded.day'),
              })),
            )
            .execute();
          if (!before) return 'new';
          return Boolean(Number(before.helpful)) === vote.helpful ? 'same' : 'changed';
        });
      },
      async feedbackCounts() {
        open();
        // Votes, and the daily counts that older votes were rolled up into before the purge removed them.
        const rows = await db.k
          .selectFrom((eb) =>
            eb
              .selectFrom('votes')
              .select((v) => [
                'entry_id',
                'day',
                'helpful',
                v(v.lit<number>(1), '-', v.ref('helpful')).as('not_helpful'),
              ])
              .unionAll(eb.selectFrom('vote_tallies').select(['entry_id', 'day', 'helpful', 'not_helpful']))
              .as('v'),
          )
          .select((eb) => [
            'v.entry_id',
            'v.day',
            eb.fn.sum('v.helpful').as('helpful'),
            eb.fn.sum('v.not_helpful').as('not_helpful'),
          ])
          .groupBy(['v.entry_id', 'v.day'])
          .orderBy('v.day')
          .orderBy('v.entry_id')
          .execute();
        return rows.map((r): FeedbackCount => ({
          entryId: r.entry_id,
          day: r.day,
          helpful: Number(r.helpful),
          notHelpful: Number(r.not_helpful),
        }));
      },
      async recordAsk(entryId, day) {
        open();
        asks.add(entryId, day);
      },
      async mostAsked(limit) {
        open();
        await asks.flush();
        const rows = await db.k
          .selectFrom('asks')
          .select((eb) => ['entry_id', eb.fn.sum('count').as('total')])
          .groupBy('entry_id')
          .orderBy('total', 'desc')
          .orderBy('entry_id')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ entryId: r.entry_id, count: Number(r.total) }));
      },
      async askCounts(range) {
        open();
        await asks.flush();
        const rows = await db.k
          .selectFrom('asks')
          .select(['entry_id', 'day', 'count'])
          .where('day', '>=', range.from)
          .where('day', '<=', range.to)
          .orderBy('day')
          .orderBy('entry_id')
          .execute();
        return rows.map((r) => ({ entryId: r.entry_id, day: r.day, count: Number(r.count) }));
      },
      async voteCounts(range) {
        open();
        // Votes past RETAIN_VOTES_DAYS live on as daily counts (vote_tallies): the purge moves them in one transaction.
        const rows = await db.k
          .selectFrom((eb) =>
            eb
              .selectFrom('votes')
              .select((v) => [
                'entry_id',
                v.ref('helpful').as('h'),
                v(v.lit<number>(1), '-', v.ref('helpful')).as('nh'),
              ])
              .where('day', '>=', range.from)
              .where('day', '<=', range.to)
              .unionAll(
                eb
                  .selectFrom('vote_tallies')
                  .select((t) => ['entry_id', t.ref('helpful').as('h'), t.ref('not_helpful').as('nh')])
                  .where('day', '>=', range.from)
                  .where('day', '<=', range.to),
              )
              .as('counted'),
          )
          .select((eb) => [
            'counted.entry_id',
            eb.fn.sum('counted.h').as('helpful'),
            eb.fn.sum('counted.nh').as('not_helpful'),
          ])
          .groupBy('counted.entry_id')
          .orderBy('counted.entry_id')
          .execute();
        return rows.map((r) => ({
          entryId: r.entry_id,
          helpful: Number(r.helpful),
          notHelpful: Number(r.not_helpful),
        }));
      },
    };
  return { asks, methods };
}
