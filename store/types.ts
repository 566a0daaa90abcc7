import type { FrameworkVersionStore } from './framework-versions';
import type { CONVERSATION_KINDS, Json, POST_STATUSES, SUBSCRIPTION_KINDS, SUBSCRIPTION_STATUSES } from './schema';

export type { Json } from './schema';
export type { ConsoleStore, Suggestion } from './console-types';
import type { ConsoleStore } from './console-types';

/**
 * What the bot keeps. Never message text: only ids, settings, and counts.
 * SQLite (the embedded default) and PostgreSQL implement it with the same statements.
 */
export interface Store extends ScheduleRecords, HousekeepingStore, ConsoleStore {
  /** Frameworks edited in the console (store/framework-versions.ts). */
  readonly frameworkVersions: FrameworkVersionStore;
  /** The framework chosen for a team or chat, if anyone has chosen one. */
  frameworkFor(scopeId: string): Promise<string | undefined>;
  setFramework(change: { scopeId: string; frameworkId: string; changedBy: string; at: Date }): Promise<void>;
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
  /**
   * The entry most recently posted by a scheduled post (not a meeting opener) on or after `since`, in this conversation or, given a
   * team id, in any channel of that team. Undefined when nothing was posted.
   */
  featuredEntry(where: { conversationId: string; teamId?: string }, since: Date): Promise<string | undefined>;
  /**
   * A random 32-byte key kept under `name`, made the first time it is asked for. Every instance
   * sharing the database gets the same key (for signing what the bot issues, such as answer ids).
   */
  secretKey(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

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

/** Where the bot can post: a Teams conversation reference (ids and the service URL, never text). */
export interface ConversationRecord {
  readonly id: string;
  readonly kind: (typeof CONVERSATION_KINDS)[number];
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly serviceUrl: string;
  /** botbuilder's ConversationReference, as JSON. */
  readonly reference: Record<string, unknown>;
  readonly status: 'active' | 'gone';
  readonly goneReason?: string;
  readonly updatedAt: Date;
}

export interface AuditEntry {
  readonly scopeId: string;
  readonly at: Date;
  /** Entra object id (or Teams user id) of who made the change. */
  readonly actor: string;
  readonly action: string;
  /** What changed, in plain words. */
  readonly detail: string;
}

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

/** What planning decided for one due subscription: the slots to log, and where it is now. */
export interface PlanRecord {
  readonly posts: readonly NewPost[];
  readonly rotation: Json;
  readonly nextSlotAt: Date | undefined;
  readonly skipNext: number;
  readonly status: SubscriptionStatus;
  readonly pausedUntil: Date | undefined;
}

/** Durable state of the scheduler, as records. schedule/schedule-store.ts gives it the scheduler's types. */
export interface ScheduleRecords {
  saveConversation(conversation: Omit<ConversationRecord, 'status' | 'updatedAt'>, at: Date): Promise<void>;
  conversation(id: string): Promise<ConversationRecord | undefined>;
  markConversationGone(id: string, reason: string, at: Date): Promise<void>;
  /** The bot was removed from a team: every channel of it is gone, and its subscriptions stop. */
  markTeamGone(teamId: string, reason: string, at: Date): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  auditLog(scopeIds: readonly string[], limit: number): Promise<AuditEntry[]>;

  meetingOpeners(scopeId: string): Promise<boolean | undefined>;
  /** Turns meeting openers on or off, and writes `audit` in the same transaction. */
  setMeetingOpeners(scopeId: string, on: boolean, at: Date, audit?: AuditEntry): Promise<void>;

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
}

export type PostResult =
  | { status: 'sent' | 'failed' | 'gone' | 'missed' | 'skipped'; activityId?: string; error?: string }
  | { status: 'pending'; nextAttemptAt: Date; error: string };

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

/** One person, as the store holds them: their Entra object id (audit log, schedules) and their voter codes (votes). */
export interface Person {
  readonly ids: readonly string[];
  readonly voterCodes: readonly string[];
}

export interface PersonalData {
  readonly audit: ReadonlyArray<AuditEntry>;
  readonly votes: ReadonlyArray<{
    readonly answerId: string;
    readonly entryId: string;
    readonly day: string;
    readonly helpful: boolean;
  }>;
  readonly schedulesCreated: ReadonlyArray<{
    readonly id: string;
    readonly conversationId: string;
    readonly teamId?: string;
    readonly kind: string;
    readonly status: string;
    readonly createdAt: Date;
  }>;
  /** A practice lead's personal chat, where their weekly digest goes. */
  readonly leadChats: ReadonlyArray<{
    readonly conversationId: string;
    readonly digestOn: boolean;
    readonly updatedAt: Date;
  }>;
}

export interface Erasure {
  readonly votesDeleted: number;
  readonly auditEntriesErased: number;
  readonly schedulesErased: number;
  /** The lead's personal-chat row and their weekly digests in the post log. */
  readonly leadChatsDeleted: number;
  readonly digestPostsDeleted: number;
}

/** Retention, people's data rights and readiness. */
export interface HousekeepingStore {
  /**
   * Removes what is past its time, once per UTC day across every instance: the first to claim the
   * day does it, in one transaction that also records what it removed; the others get undefined.
   */
  purge(now: Date, retention: Retention, worker: string): Promise<PurgeReport | undefined>;
  /** Recent purges, newest first. */
  purges(limit: number): Promise<PurgeReport[]>;
  /** Everything stored about one person. */
  personalData(person: Person): Promise<PersonalData>;
  /** Deletes the person's votes and puts "erased" in place of their id in the audit log and on schedules they made. */
  erasePerson(person: Person): Promise<Erasure>;
  /** The newest migration applied to the database (asks it, so it also shows the store answers). */
  schemaVersion(): Promise<number>;
}
