import type {
  AuditEntry,
  NewPost,
  PlanRecord,
  ScheduleRecords,
  Store,
  SubscriptionPatch,
  SubscriptionRecord,
} from '../store/types';
import { rotationStateSchema, subscriptionSpecSchema } from './model';
import type { Plan, RotationState, Subscription } from './model';
import { EMPTY_ROTATION } from './rotation';

/** The store's methods that carry no scheduling types: the same as ScheduleRecords'. */
type UntypedScheduleRecords = Pick<
  ScheduleRecords,
  | 'saveConversation'
  | 'conversation'
  | 'markConversationGone'
  | 'markTeamGone'
  | 'audit'
  | 'auditLog'
  | 'meetingOpeners'
  | 'setMeetingOpeners'
  | 'skipOneMore'
  | 'deactivateSubscriptionsIn'
  | 'claimNextPost'
  | 'finishPost'
  | 'nextWake'
  | 'postLog'
>;

/**
 * The scheduler's durable state in its own types: the store keeps specs, rotations and post content
 * as opaque JSON, and this reads them back through the zod schemas of schedule/model.ts.
 */
export interface ScheduleStore extends UntypedScheduleRecords {
  /** Saves a new subscription and its audit entry in one transaction. */
  createSubscription(subscription: Subscription, audit: AuditEntry): Promise<void>;
  subscription(id: string): Promise<Subscription | undefined>;
  subscriptionsIn(conversationId: string): Promise<Subscription[]>;
  /** Changes a subscription, with `audit` in the same transaction. */
  updateSubscription(
    id: string,
    patch: {
      [K in 'status' | 'pausedUntil' | 'skipNext' | 'spec' | 'nextSlotAt' | 'inactiveReason']?:
        Subscription[K] | undefined;
    },
    audit?: AuditEntry,
  ): Promise<void>;

  /** Plans due subscriptions, each locked while it is planned (SKIP LOCKED on PostgreSQL, so instances share the work). */
  planDue(now: Date, limit: number, plan: (subscription: Subscription) => Plan): Promise<number>;
  /** Like planDue, for one subscription now, whether due or not ("schedule post now"), with its audit entry. False if it does not exist. */
  planOne(id: string, at: Date, plan: (subscription: Subscription) => Plan, audit?: AuditEntry): Promise<boolean>;
  /**
   * Adds the post for `slotKey` unless it is already logged, choosing its content from the rotation
   * kept under `rotationKey`, all in one transaction: the rotation moves on only when the post is added.
   * True if added; false if the slot was already logged (a repeated or racing event).
   */
  addPostWithRotation(
    rotationKey: string,
    slotKey: string,
    at: Date,
    build: (state: RotationState) => { post: NewPost; state: RotationState } | undefined,
  ): Promise<boolean>;
}

export function toSubscription(r: SubscriptionRecord): Subscription {
  const spec = subscriptionSpecSchema.parse(r.spec);
  if (spec.kind !== r.kind)
    throw new Error(`subscription ${r.id} is stored as a ${r.kind} with the spec of a ${spec.kind}`);
  return {
    id: r.id,
    conversationId: r.conversationId,
    ...(r.teamId !== undefined && { teamId: r.teamId }),
    spec,
    status: r.status,
    ...(r.inactiveReason !== undefined && { inactiveReason: r.inactiveReason }),
    ...(r.pausedUntil !== undefined && { pausedUntil: r.pausedUntil }),
    skipNext: r.skipNext,
    rotation: rotationStateSchema.parse(r.rotation),
    ...(r.nextSlotAt !== undefined && { nextSlotAt: r.nextSlotAt }),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}

function toRecord(s: Subscription): SubscriptionRecord {
  return { ...s, kind: s.spec.kind, spec: s.spec, rotation: s.rotation };
}

const toPlanRecord = (plan: Plan): PlanRecord => plan;

/** The scheduler's view of `store`. */
export function scheduleStore(store: Store): ScheduleStore {
  const planWith = (plan: (subscription: Subscription) => Plan) => (record: SubscriptionRecord) =>
    toPlanRecord(plan(toSubscription(record)));
  return {
    saveConversation: (conversation, at) => store.saveConversation(conversation, at),
    conversation: (id) => store.conversation(id),
    markConversationGone: (id, reason, at) => store.markConversationGone(id, reason, at),
    markTeamGone: (teamId, reason, at) => store.markTeamGone(teamId, reason, at),
    audit: (entry) => store.audit(entry),
    auditLog: (scopeIds, limit) => store.auditLog(scopeIds, limit),
    meetingOpeners: (scopeId) => store.meetingOpeners(scopeId),
    setMeetingOpeners: (scopeId, on, at, audit) => store.setMeetingOpeners(scopeId, on, at, audit),
    createSubscription: (subscription, audit) => store.createSubscription(toRecord(subscription), audit),
    subscription: async (id) => {
      const record = await store.subscription(id);
      return record && toSubscription(record);
    },
    subscriptionsIn: async (conversationId) => (await store.subscriptionsIn(conversationId)).map(toSubscription),
    updateSubscription: (id, patch, audit) => {
      const { spec, ...rest } = patch;
      const record: SubscriptionPatch = spec === undefined ? rest : { ...rest, spec, kind: spec.kind };
      return store.updateSubscription(id, record, audit);
    },
    skipOneMore: (id, audit) => store.skipOneMore(id, audit),
    deactivateSubscriptionsIn: (conversationId, reason) => store.deactivateSubscriptionsIn(conversationId, reason),
    planDue: (now, limit, plan) => store.planDue(now, limit, planWith(plan)),
    planOne: (id, at, plan, audit) => store.planOne(id, at, planWith(plan), audit),
    addPostWithRotation: (rotationKey, slotKey, at, build) =>
      store.addPostWithRotation(rotationKey, slotKey, at, EMPTY_ROTATION, (state) => {
        const built = build(rotationStateSchema.parse(state));
        return built && { post: built.post, state: built.state };
      }),
    claimNextPost: (now, worker, leaseUntil) => store.claimNextPost(now, worker, leaseUntil),
    finishPost: (id, worker, result, at) => store.finishPost(id, worker, result, at),
    nextWake: () => store.nextWake(),
    postLog: (where, limit) => store.postLog(where, limit),
  };
}
