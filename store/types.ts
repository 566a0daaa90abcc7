import type { AuditStore } from './audit';
import type { ConsoleStore } from './console-types';
import type { ConversationStore } from './conversations';
import type { FeedbackStore } from './feedback';
import type { FrameworkVersionStore } from './framework-versions';
import type { HousekeepingStore } from './housekeeping';
import type { PostStore } from './posts';
import type { SendBudgetStore } from './send-budget';
import type { SettingsStore } from './settings';
import type { SubscriptionStore } from './subscriptions';

// The one place callers import the store's types from; each group is declared beside the tables it keeps.
export type { AuditEntry } from './audit';
export type { ConversationRecord } from './conversations';
export type { NewPost, PostRecord, PostStatus } from './posts';
export type { Person } from './personal-data';
export type { SendBudgetStore, SendSlot } from './send-budget';
export type { PurgeReport, Retention } from './retention';
export type { PlanRecord, SubscriptionPatch, SubscriptionRecord, SubscriptionStatus } from './subscriptions';

/**
 * What the bot keeps. Never message text: only ids, settings, and counts.
 * SQLite (the embedded default) and PostgreSQL implement it with the same statements, one part per
 * group of tables (composed in store/open.ts).
 */
export interface Store
  extends
    ConversationStore,
    AuditStore,
    SettingsStore,
    SubscriptionStore,
    PostStore,
    FeedbackStore,
    ConsoleStore,
    HousekeepingStore {
  /** Frameworks edited in the console (store/framework-versions.ts). */
  readonly frameworkVersions: FrameworkVersionStore;
  /** Teams' send budget shared by every instance on the database: PostgreSQL only (store/send-budget.ts). */
  readonly sendBudget?: SendBudgetStore;
  close(): Promise<void>;
}

/** Durable state of the scheduler, as records. schedule/schedule-store.ts gives it the scheduler's types. */
export type ScheduleRecords = Omit<ConversationStore, 'conversationCounts'> &
  AuditStore &
  Pick<SettingsStore, 'meetingOpeners' | 'setMeetingOpeners'> &
  SubscriptionStore &
  Omit<PostStore, 'featuredEntry'>;
