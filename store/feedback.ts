import { AskTally } from './ask-tally';
import { transaction } from './db';
import type { Db, Kdb } from './db';
import type { DayRange } from './console-types';

export interface Vote {
  /** The answer card's random id (not the question). */
  readonly answerId: string;
  /** A keyed one-way code of the voter's id (bot/voter-code.ts), so votes can be replaced without keeping who voted. */
  readonly voter: string;
  readonly entryId: string;
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly helpful: boolean;
}

export interface FeedbackCount {
  readonly entryId: string;
  readonly day: string;
  readonly helpful: number;
  readonly notHelpful: number;
}

/** What feedbackTables keeps. */
export interface FeedbackStore {
  /** One vote per person per answer card: a second vote replaces the first. */
  recordVote(vote: Vote): Promise<'new' | 'changed' | 'same'>;
  /** Helpful / not helpful counts per entry per day. */
  feedbackCounts(): Promise<FeedbackCount[]>;
  /**
   * Counts that an entry answered a question (the entry id and the day, never the question). Counts
   * are added up in memory and written together a moment later, on close, and before `mostAsked`.
   * Rejects when an earlier write failed; those counts are kept and written with the next.
   */
  recordAsk(entryId: string, day: string): Promise<void>;
  /** The entries that answered most questions, most first. */
  mostAsked(limit: number): Promise<Array<{ entryId: string; count: number }>>;
  /** Answer counts per entry per day in the range (writes waiting in memory first). */
  askCounts(range: DayRange): Promise<Array<{ entryId: string; day: string; count: number }>>;
  /** Votes per entry in the range, with those the daily purge has rolled up into daily counts. */
  voteCounts(range: DayRange): Promise<Array<{ entryId: string; helpful: number; notHelpful: number }>>;
}

/** How long ask counts wait in memory before they are written together (see AskTally). */
export const ASK_FLUSH_MS = 2000;

/** Votes on answers (votes, and vote_tallies once the purge has rolled them up) and "most asked" counts (asks). */
export function feedbackTables(
  db: Db,
  open: () => void,
  askFlushMs: number,
): {
  asks: AskTally;
  methods: FeedbackStore;
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
  const methods: FeedbackStore = {
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
      const rows = await db.k
        .selectFrom(votesAndTallies(db.k))
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
      const rows = await db.k
        .selectFrom(votesAndTallies(db.k))
        .select((eb) => [
          'v.entry_id',
          eb.fn.sum('v.helpful').as('helpful'),
          eb.fn.sum('v.not_helpful').as('not_helpful'),
        ])
        .where('v.day', '>=', range.from)
        .where('v.day', '<=', range.to)
        .groupBy('v.entry_id')
        .orderBy('v.entry_id')
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

/**
 * Every vote as (entry_id, day, helpful, not_helpful), and the daily counts the purge rolled older
 * votes into (vote_tallies) before it removed them, so counts include votes past RETAIN_VOTES_DAYS.
 */
const votesAndTallies = (k: Kdb) =>
  k
    .selectFrom('votes')
    .select((v) => ['entry_id', 'day', 'helpful', v(v.lit<number>(1), '-', v.ref('helpful')).as('not_helpful')])
    .unionAll(k.selectFrom('vote_tallies').select(['entry_id', 'day', 'helpful', 'not_helpful']))
    .as('v');
