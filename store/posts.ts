import { randomUUID } from 'node:crypto';
import { changed, transaction } from './db';
import type { Db, Kdb } from './db';
import type { Database, Json } from './schema';
import type { NewPost, PostRecord, Store } from './types';

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
export function postTables(
  db: Db,
  open: () => void,
): Pick<Store, 'addPostWithRotation' | 'claimNextPost' | 'finishPost' | 'nextWake' | 'postLog' | 'featuredEntry'> {
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
