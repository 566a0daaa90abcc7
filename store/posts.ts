import { randomUUID } from 'node:crypto';
import { changed, transaction } from './db';
import type { Db, Kdb } from './db';
import type { Database, Json, POST_STATUSES } from './schema';

/**
 * pending: due, waiting to be sent (or to be retried); sending: claimed by a sender; skipped: on
 * request, or while paused; missed: the service was down for longer than the grace window;
 * uncertain: the sender stopped mid-send, so it may or may not have arrived, and is never sent twice;
 * failed: gave up after the retries, or Teams refused it; gone: the bot was removed from the conversation.
 */
export type PostStatus = (typeof POST_STATUSES)[number];

export interface PostRecord {
  readonly id: string;
  readonly slotKey: string;
  readonly subscriptionId?: string;
  readonly conversationId: string;
  readonly teamId?: string;
  readonly slotAt: Date;
  readonly entryId?: string;
  /** What to post, fixed when the slot is planned: entry, prompts and place in the cycle (JSON). */
  readonly content?: Json;
  readonly status: PostStatus;
  readonly attempts: number;
  readonly nextAttemptAt?: Date;
  readonly activityId?: string;
  readonly error?: string;
  readonly updatedAt: Date;
}

/** A post to add to the log; `slotKey` is unique, so the same slot can never be logged twice. */
export interface NewPost extends Pick<
  PostRecord,
  'slotKey' | 'subscriptionId' | 'conversationId' | 'teamId' | 'slotAt' | 'entryId' | 'content' | 'error'
> {
  readonly status: 'pending' | 'skipped' | 'missed';
}

export type PostResult =
  | { status: 'sent' | 'failed' | 'gone' | 'missed' | 'skipped'; activityId?: string; error?: string }
  | { status: 'pending'; nextAttemptAt: Date; error: string };

/** What postTables keeps. */
export interface PostStore {
  /**
   * Adds the post for `slotKey` unless it is already logged, choosing its content from the rotation
   * kept under `rotationKey` (`initial` if there is none yet), all in one transaction: the rotation
   * moves on only when the post is added. True if added; false if the slot was already logged.
   */
  addPostWithRotation(
    rotationKey: string,
    slotKey: string,
    at: Date,
    initial: Json,
    build: (state: Json) => { post: NewPost; state: Json } | undefined,
  ): Promise<boolean>;
  /** Claims the next due post for `worker` until `leaseUntil`; stale claims become 'uncertain' first. */
  claimNextPost(now: Date, worker: string, leaseUntil: Date): Promise<PostRecord | undefined>;
  /** Records how a claimed send went. */
  finishPost(id: string, worker: string, result: PostResult, at: Date): Promise<void>;
  /** When the next post is due (for the scheduler to sleep until), if any. */
  nextWake(): Promise<Date | undefined>;
  postLog(
    where: { conversationId?: string; subscriptionId?: string; slotKey?: string },
    limit: number,
  ): Promise<PostRecord[]>;
  /**
   * The entry most recently posted by a scheduled post (not a meeting opener) on or after `since`, in this conversation or, given a
   * team id, in any channel of that team. Undefined when nothing was posted.
   */
  featuredEntry(where: { conversationId: string; teamId?: string }, since: Date): Promise<string | undefined>;
}

/** Stored JSON (post content, rotation state, subscription spec), read back as the store's opaque Json. */
export function parseJson(text: string): Json {
  const value: Json = JSON.parse(text);
  return value;
}

const toPost = (r: Database['post_log']): PostRecord => ({
  id: r.id,
  slotKey: r.slot_key,
  ...(r.subscription_id !== null && { subscriptionId: r.subscription_id }),
  conversationId: r.conversation_id,
  ...(r.team_id !== null && { teamId: r.team_id }),
  slotAt: new Date(Number(r.slot_at)),
  ...(r.entry_id !== null && { entryId: r.entry_id }),
  ...(r.content !== null && { content: parseJson(r.content) }),
  status: r.status,
  attempts: Number(r.attempts),
  ...(r.next_attempt_at !== null && { nextAttemptAt: new Date(Number(r.next_attempt_at)) }),
  ...(r.activity_id !== null && { activityId: r.activity_id }),
  ...(r.error !== null && { error: r.error }),
  updatedAt: new Date(Number(r.updated_at)),
});

/** Logs a post under its unique slot key; false if that slot is already logged. */
export async function insertPost(tx: Kdb, post: NewPost, at: Date): Promise<boolean> {
  const result = await tx
    .insertInto('post_log')
    .values({
      id: randomUUID(),
      slot_key: post.slotKey,
      subscription_id: post.subscriptionId ?? null,
      conversation_id: post.conversationId,
      team_id: post.teamId ?? null,
      slot_at: post.slotAt.getTime(),
      entry_id: post.entryId ?? null,
      content: post.content === undefined ? null : JSON.stringify(post.content),
      status: post.status,
      attempts: 0,
      next_attempt_at: post.status === 'pending' ? post.slotAt.getTime() : null,
      error: post.error ?? null,
      created_at: at.getTime(),
      updated_at: at.getTime(),
    })
    .onConflict((oc) => oc.column('slot_key').doNothing())
    .executeTakeFirstOrThrow();
  return changed(result) > 0;
}

/** The post log (post_log) and the rotations of meeting series (rotations). */
export function postTables(db: Db, open: () => void): PostStore {
  const postgres = db.dialect === 'postgres';
  return {
    async addPostWithRotation(rotationKey, key, at, initial, build) {
      open();
      return transaction(db.k, async (tx) => {
        await tx
          .insertInto('rotations')
          .values({ key: rotationKey, state: JSON.stringify(initial), updated_at: at.getTime() })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        // Locks the rotation, so racing events for the same series queue here, then see the post.
        const row = await tx
          .selectFrom('rotations')
          .select('state')
          .where('key', '=', rotationKey)
          .$if(postgres, (q) => q.forUpdate())
          .executeTakeFirstOrThrow();
        if (await tx.selectFrom('post_log').select('id').where('slot_key', '=', key).executeTakeFirst()) return false;
        const built = build(parseJson(row.state));
        if (!built) return false;
        if (!(await insertPost(tx, { ...built.post, slotKey: key }, at))) return false;
        await tx
          .updateTable('rotations')
          .set({ state: JSON.stringify(built.state), updated_at: at.getTime() })
          .where('key', '=', rotationKey)
          .execute();
        return true;
      });
    },
    async claimNextPost(now, worker, leaseUntil) {
      open();
      return transaction(db.k, async (tx) => {
        // A claim whose lease ran out belonged to a sender that stopped mid-send. The post may have
        // reached Teams, so it is never sent again: it is marked for people to see in the history.
        await tx
          .updateTable('post_log')
          .set({ status: 'uncertain', error: 'the service stopped while sending this post', updated_at: now.getTime() })
          .where('status', '=', 'sending')
          .where('claimed_until', '<', now.getTime())
          .execute();
        const due = await tx
          .selectFrom('post_log')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now.getTime())
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(1)
          .$if(postgres, (q) => q.forUpdate().skipLocked())
          .executeTakeFirst();
        if (!due) return undefined;
        const row = await tx
          .updateTable('post_log')
          .set((eb) => ({
            status: 'sending',
            claimed_by: worker,
            claimed_until: leaseUntil.getTime(),
            attempts: eb('attempts', '+', 1),
            updated_at: now.getTime(),
          }))
          .where('id', '=', due.id)
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirst();
        return row && toPost(row);
      });
    },
    async finishPost(id, worker, result, at) {
      open();
      await db.k
        .updateTable('post_log')
        .set({
          status: result.status,
          activity_id: 'activityId' in result ? (result.activityId ?? null) : null,
          error: result.error ?? null,
          next_attempt_at: result.status === 'pending' ? result.nextAttemptAt.getTime() : null,
          claimed_by: null,
          claimed_until: null,
          updated_at: at.getTime(),
        })
        .where('id', '=', id)
        .where('claimed_by', '=', worker)
        .where('status', '=', 'sending')
        .execute();
    },
    async nextWake() {
      open();
      const a = await db.k
        .selectFrom('subscriptions')
        .select((eb) => eb.fn.min('next_slot_at').as('t'))
        .where('status', 'in', ['active', 'paused'])
        .executeTakeFirst();
      const b = await db.k
        .selectFrom('post_log')
        .select((eb) => eb.fn.min('next_attempt_at').as('t'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      const c = await db.k
        .selectFrom('post_log')
        .select((eb) => eb.fn.min('claimed_until').as('t'))
        .where('status', '=', 'sending')
        .executeTakeFirst();
      const times = [a?.t, b?.t, c?.t].filter((t) => t !== null && t !== undefined).map(Number);
      return times.length === 0 ? undefined : new Date(Math.min(...times));
    },
    async postLog(where, limit) {
      open();
      const { conversationId, subscriptionId, slotKey } = where;
      let query = db.k.selectFrom('post_log').selectAll();
      if (conversationId !== undefined) query = query.where('conversation_id', '=', conversationId);
      if (subscriptionId !== undefined) query = query.where('subscription_id', '=', subscriptionId);
      if (slotKey !== undefined) query = query.where('slot_key', '=', slotKey);
      const rows = await query.orderBy('slot_at', 'desc').orderBy('id').limit(limit).execute();
      return rows.map(toPost);
    },
    async featuredEntry({ conversationId, teamId }, since) {
      open();
      const row = await db.k
        .selectFrom('post_log as p')
        .innerJoin('subscriptions as s', (j) => j.onRef('s.id', '=', 'p.subscription_id').on('s.kind', '=', 'post'))
        .select('p.entry_id')
        .where('p.status', '=', 'sent')
        .where('p.entry_id', 'is not', null)
        .where('p.slot_at', '>=', since.getTime())
        .where((eb) =>
          teamId === undefined
            ? eb('p.conversation_id', '=', conversationId)
            : eb.or([eb('p.conversation_id', '=', conversationId), eb('p.team_id', '=', teamId)]),
        )
        .orderBy('p.slot_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.entry_id ?? undefined;
    },
  };
}
