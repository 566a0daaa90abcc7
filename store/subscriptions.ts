import { insertAudit } from './audit';
import { transaction } from './db';
import type { Db, Kdb } from './db';
import { insertPost, parseJson } from './posts';
import type { AuditEntry } from './audit';
import type { NewPost } from './posts';
import type { Database, Json, SUBSCRIPTION_KINDS, SUBSCRIPTION_STATUSES } from './schema';

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/**
 * A subscription as the store keeps it. What to post and where the rotation stands are JSON the store
 * does not read (the scheduler's `Subscription`, schedule/model.ts, gives them meaning); the kind is a
 * column of its own, for the console's counts and the post log.
 */
export interface SubscriptionRecord {
  readonly id: string;
  readonly conversationId: string;
  readonly teamId?: string;
  readonly kind: SubscriptionKind;
  readonly spec: Json;
  readonly status: SubscriptionStatus;
  readonly inactiveReason?: string;
  /** While paused: the moment it resumes by itself, or undefined to stay paused until resumed. */
  readonly pausedUntil?: Date;
  /** How many coming slots to skip. */
  readonly skipNext: number;
  readonly rotation: Json;
  readonly nextSlotAt?: Date;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** A key present with the value undefined clears that field (e.g. pausedUntil on resume); an absent key leaves it. */
export type SubscriptionPatch = {
  [K in 'status' | 'pausedUntil' | 'skipNext' | 'kind' | 'spec' | 'nextSlotAt' | 'inactiveReason']?:
    SubscriptionRecord[K] | undefined;
};

/** What planning decided for one due subscription: the slots to log, and where it is now. */
export interface PlanRecord {
  readonly posts: readonly NewPost[];
  readonly rotation: Json;
  readonly nextSlotAt: Date | undefined;
  readonly skipNext: number;
  readonly status: SubscriptionStatus;
  readonly pausedUntil: Date | undefined;
}

/** What subscriptionTables keeps. */
export interface SubscriptionStore {
  /** Saves a new subscription and its audit entry in one transaction. */
  createSubscription(subscription: SubscriptionRecord, audit: AuditEntry): Promise<void>;
  subscription(id: string): Promise<SubscriptionRecord | undefined>;
  subscriptionsIn(conversationId: string): Promise<SubscriptionRecord[]>;
  updateSubscription(id: string, patch: SubscriptionPatch, audit?: AuditEntry): Promise<void>;
  /**
   * Skips one more coming post, in one statement (two "skip"s at once count twice), with the audit
   * entry for the new count in the same transaction. The new count, or undefined if there is no such subscription.
   */
  skipOneMore(id: string, audit?: (skipping: number) => AuditEntry): Promise<number | undefined>;
  /** Subscriptions that are gone or ended when their conversation is: marks them inactive. */
  deactivateSubscriptionsIn(conversationId: string, reason: string): Promise<number>;
  /**
   * Plans due subscriptions one at a time, each in its own transaction with the subscription locked
   * (SKIP LOCKED on PostgreSQL, so instances share the work), logging its slots under their unique keys.
   */
  planDue(now: Date, limit: number, plan: (subscription: SubscriptionRecord) => PlanRecord): Promise<number>;
  /** Like planDue, for one subscription now, whether due or not ("schedule post now"), with its audit entry. False if it does not exist. */
  planOne(
    id: string,
    at: Date,
    plan: (subscription: SubscriptionRecord) => PlanRecord,
    audit?: AuditEntry,
  ): Promise<boolean>;
}

/** Subscriptions are read as whole rows: toSubscription and applyPlan use every column. */
const subscriptionRows = (k: Kdb) => k.selectFrom('subscriptions').selectAll();

const ms = (d: Date | undefined) => (d === undefined ? null : d.getTime());

const toSubscription = (r: Database['subscriptions']): SubscriptionRecord => ({
  id: r.id,
  conversationId: r.conversation_id,
  ...(r.team_id !== null && { teamId: r.team_id }),
  kind: r.kind,
  spec: parseJson(r.spec),
  status: r.status,
  ...(r.inactive_reason !== null && { inactiveReason: r.inactive_reason }),
  ...(r.paused_until !== null && { pausedUntil: new Date(Number(r.paused_until)) }),
  skipNext: Number(r.skip_next),
  rotation: parseJson(r.rotation),
  ...(r.next_slot_at !== null && { nextSlotAt: new Date(Number(r.next_slot_at)) }),
  createdAt: new Date(Number(r.created_at)),
  createdBy: r.created_by,
});

async function applyPlan(
  tx: Kdb,
  row: Database['subscriptions'],
  plan: (s: SubscriptionRecord) => PlanRecord,
  now: Date,
): Promise<void> {
  const decided = plan(toSubscription(row));
  for (const post of decided.posts) await insertPost(tx, post, now);
  await tx
    .updateTable('subscriptions')
    .set({
      rotation: JSON.stringify(decided.rotation),
      next_slot_at: ms(decided.nextSlotAt),
      skip_next: decided.skipNext,
      status: decided.status,
      paused_until: ms(decided.pausedUntil),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Schedules (subscriptions): made, changed, and planned slot by slot into the post log. */
export function subscriptionTables(db: Db, open: () => void): SubscriptionStore {
  const postgres = db.dialect === 'postgres';
  return {
    async createSubscription(s, audit) {
      open();
      await transaction(db.k, async (tx) => {
        await tx
          .insertInto('subscriptions')
          .values({
            id: s.id,
            conversation_id: s.conversationId,
            team_id: s.teamId ?? null,
            kind: s.kind,
            spec: JSON.stringify(s.spec),
            status: s.status,
            inactive_reason: s.inactiveReason ?? null,
            paused_until: ms(s.pausedUntil),
            skip_next: s.skipNext,
            rotation: JSON.stringify(s.rotation),
            next_slot_at: ms(s.nextSlotAt),
            created_at: s.createdAt.getTime(),
            created_by: s.createdBy,
          })
          .execute();
        await insertAudit(tx, audit);
      });
    },
    async subscription(id) {
      open();
      const row = await subscriptionRows(db.k).where('id', '=', id).executeTakeFirst();
      return row && toSubscription(row);
    },
    async subscriptionsIn(conversationId) {
      open();
      const rows = await subscriptionRows(db.k)
        .where('conversation_id', '=', conversationId)
        .where('status', '<>', 'cancelled')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toSubscription);
    },
    async skipOneMore(id, audit) {
      open();
      return transaction(db.k, async (tx) => {
        const row = await tx
          .updateTable('subscriptions')
          .set((eb) => ({ skip_next: eb('skip_next', '+', 1) }))
          .where('id', '=', id)
          .returning('skip_next')
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const skipping = Number(row.skip_next);
        if (audit) await insertAudit(tx, audit(skipping));
        return skipping;
      });
    },
    async updateSubscription(id, patch, audit) {
      open();
      const set: Partial<Database['subscriptions']> = {
        ...('status' in patch && patch.status !== undefined && { status: patch.status }),
        ...('pausedUntil' in patch && { paused_until: ms(patch.pausedUntil) }),
        ...('skipNext' in patch && patch.skipNext !== undefined && { skip_next: patch.skipNext }),
        ...('spec' in patch && patch.spec !== undefined && { spec: JSON.stringify(patch.spec) }),
        ...('kind' in patch && patch.kind !== undefined && { kind: patch.kind }),
        ...('nextSlotAt' in patch && { next_slot_at: ms(patch.nextSlotAt) }),
        ...('inactiveReason' in patch && { inactive_reason: patch.inactiveReason ?? null }),
      };
      if (Object.keys(set).length === 0 && !audit) return;
      await transaction(db.k, async (tx) => {
        if (Object.keys(set).length > 0) await tx.updateTable('subscriptions').set(set).where('id', '=', id).execute();
        if (audit) await insertAudit(tx, audit);
      });
    },
    async deactivateSubscriptionsIn(conversationId, reason) {
      open();
      const result = await db.k
        .updateTable('subscriptions')
        .set({ status: 'inactive', inactive_reason: reason, next_slot_at: null })
        .where('conversation_id', '=', conversationId)
        .where('status', 'in', ['active', 'paused'])
        .executeTakeFirstOrThrow();
      return Number(result.numUpdatedRows);
    },
    async planDue(now, limit, plan) {
      open();
      let planned = 0;
      while (planned < limit) {
        // A batch per transaction, locked (and skipped by other instances) until it commits.
        const batch = await transaction(db.k, async (tx) => {
          const rows = await subscriptionRows(tx)
            .where('next_slot_at', 'is not', null)
            .where('next_slot_at', '<=', now.getTime())
            .where('status', 'in', ['active', 'paused'])
            .orderBy('next_slot_at')
            .orderBy('id')
            .limit(Math.min(50, limit - planned))
            .$if(postgres, (q) => q.forUpdate().skipLocked())
            .execute();
          for (const row of rows) await applyPlan(tx, row, plan, now);
          return rows.length;
        });
        if (batch === 0) break;
        planned += batch;
      }
      return planned;
    },
    async planOne(id, at, plan, audit) {
      open();
      return transaction(db.k, async (tx) => {
        const row = await subscriptionRows(tx)
          .where('id', '=', id)
          .$if(postgres, (q) => q.forUpdate())
          .executeTakeFirst();
        if (!row) return false;
        await applyPlan(tx, row, plan, at);
        if (audit) await insertAudit(tx, audit);
        return true;
      });
    },
  };
}
