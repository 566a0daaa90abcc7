/**
 * Every table and column the migrations make, declared once. The row types Kysely checks queries
 * against (`Database`) are derived from this description, and tests/store/schema.test.ts migrates a
 * fresh SQLite and a fresh PostgreSQL database and compares what they hold with it, both ways: a
 * migration that adds, drops or changes a column fails that test until this file says the same.
 *
 * Times are integer milliseconds (BIGINT), ids TEXT made by the application, flags INTEGER 0/1.
 */

/** A column: its SQL type, whether it may be NULL, and for TEXT the values the application writes. */
interface Column {
  readonly type: 'text' | 'bigint' | 'integer';
  readonly nullable: boolean;
  readonly values?: readonly string[];
}

const text = { type: 'text', nullable: false } as const;
const textOrNull = { type: 'text', nullable: true } as const;
const bigint = { type: 'bigint', nullable: false } as const;
const bigintOrNull = { type: 'bigint', nullable: true } as const;
const integer = { type: 'integer', nullable: false } as const;
const oneOf = <const V extends readonly string[]>(...values: V) => ({ type: 'text', nullable: false, values }) as const;

export const CONVERSATION_KINDS = ['personal', 'groupChat', 'channel'] as const;
export const SUBSCRIPTION_KINDS = ['post', 'meeting-opener'] as const;
export const SUBSCRIPTION_STATUSES = ['active', 'paused', 'ended', 'inactive', 'cancelled'] as const;
/** Things counted per day that have no row of their own. */
export const DAILY_METRICS = [
  'not-sure',
  'another-prompt',
  'extension-share',
  'suggestion-answered',
  'suggestion-dismissed',
  'suggestion-expired',
  // A topic the bot declined, by its name from the product's own list (knowledge/search/named-elsewhere.yaml).
  'declined',
  // A safety signpost shown first: child-at-risk, worker-safety, worker-crisis or distress.
  'route',
] as const;
/** A framework version that is not a publish of a draft: a content review signed off. */
export const VERSION_KINDS = ['sign-off'] as const;
/** How a practice lead marked a suggested question. */
export const SUGGESTION_OUTCOMES = ['answered', 'dismissed'] as const;
export const POST_STATUSES = [
  'pending',
  'sending',
  'sent',
  'skipped',
  'missed',
  'uncertain',
  'failed',
  'gone',
] as const;

export const TABLES = {
  schema_migrations: { version: integer, name: text, applied_at: bigint },
  conversations: {
    id: text,
    kind: oneOf(...CONVERSATION_KINDS),
    tenant_id: textOrNull,
    team_id: textOrNull,
    service_url: text,
    /** botbuilder's ConversationReference, as JSON, without the chat's title. */
    reference: text,
    status: oneOf('active', 'gone'),
    gone_reason: textOrNull,
    updated_at: bigint,
  },
  settings: {
    scope_id: text,
    framework_id: textOrNull,
    meeting_openers: { type: 'text', nullable: true, values: ['on', 'off'] },
    updated_at: bigint,
  },
  votes: { answer_id: text, voter: text, entry_id: text, day: text, helpful: integer },
  asks: { entry_id: text, day: text, count: bigint },
  audit_log: { id: text, scope_id: text, at: bigint, actor: text, action: text, detail: text },
  subscriptions: {
    id: text,
    conversation_id: text,
    team_id: textOrNull,
    kind: oneOf(...SUBSCRIPTION_KINDS),
    /** JSON the store does not read: what to post, where and when (schedule/model.ts). */
    spec: text,
    status: oneOf(...SUBSCRIPTION_STATUSES),
    inactive_reason: textOrNull,
    paused_until: bigintOrNull,
    skip_next: integer,
    /** JSON the store does not read: where the subscription is in its walk through the entries. */
    rotation: text,
    next_slot_at: bigintOrNull,
    created_at: bigint,
    created_by: text,
  },
  post_log: {
    id: text,
    slot_key: text,
    subscription_id: textOrNull,
    conversation_id: text,
    team_id: textOrNull,
    slot_at: bigint,
    entry_id: textOrNull,
    /** JSON the store does not read: what the post carries, fixed when it was planned. */
    content: textOrNull,
    status: oneOf(...POST_STATUSES),
    attempts: integer,
    next_attempt_at: bigintOrNull,
    claimed_by: textOrNull,
    claimed_until: bigintOrNull,
    activity_id: textOrNull,
    error: textOrNull,
    created_at: bigint,
    updated_at: bigint,
  },
  rotations: { key: text, state: text, updated_at: bigint },
  secrets: { name: text, value: text, created_at: bigint },
  vote_tallies: { entry_id: text, day: text, helpful: bigint, not_helpful: bigint },
  purge_runs: { day: text, worker: text, started_at: bigint, finished_at: bigintOrNull, removed: textOrNull },
  daily_counts: { day: text, metric: oneOf(...DAILY_METRICS), item: text, count: bigint },
  suggestions: {
    id: text,
    text: text,
    framework_id: text,
    entry_id: textOrNull,
    day: text,
    /** Set when a lead marks it, until the undo window ends and the row is deleted (migration 9). */
    outcome: { type: 'text', nullable: true, values: SUGGESTION_OUTCOMES },
    resolved_at: bigintOrNull,
  },
  lead_chats: { lead_id: text, conversation_id: text, digest_on: integer, updated_at: bigint },
  /** A framework as published from the console: the whole YAML file, one row a version (migration 7). */
  framework_versions: {
    framework_id: text,
    version: integer,
    source: text,
    file_hash: text,
    note: text,
    reason: textOrNull,
    published_by: text,
    published_at: bigint,
    diff: text,
    /** Who edited the draft it was published from, comma-separated ids (migration 10). */
    drafted_by: textOrNull,
    kind: { type: 'text', nullable: true, values: VERSION_KINDS },
  },
  framework_drafts: {
    framework_id: text,
    source: text,
    base: text,
    rev: integer,
    updated_by: text,
    updated_at: bigint,
    /** Everyone who saved into it, comma-separated ids, and the last saver's name (migration 10). */
    editors: textOrNull,
    updated_by_name: textOrNull,
  },
  send_budget: { key: text, next_at_us: bigint },
} as const satisfies Record<string, Record<string, Column>>;

/** The primary key of each table: SQLite reports such TEXT columns as nullable, PostgreSQL does not. */
export const PRIMARY_KEYS: { readonly [T in TableName]: readonly (keyof (typeof TABLES)[T])[] } = {
  schema_migrations: ['version'],
  conversations: ['id'],
  settings: ['scope_id'],
  votes: ['answer_id', 'voter'],
  asks: ['entry_id', 'day'],
  audit_log: ['id'],
  subscriptions: ['id'],
  post_log: ['id'],
  rotations: ['key'],
  secrets: ['name'],
  vote_tallies: ['entry_id', 'day'],
  purge_runs: ['day'],
  daily_counts: ['day', 'metric', 'item'],
  suggestions: ['id'],
  lead_chats: ['lead_id'],
  framework_versions: ['framework_id', 'version'],
  framework_drafts: ['framework_id'],
  send_budget: ['key'],
};

export type TableName = keyof typeof TABLES;

type ValueOf<C> = C extends { readonly type: 'text'; readonly values: readonly (infer V)[] }
  ? V
  : C extends { readonly type: 'text' }
    ? string
    : number;
type ColumnValue<C> = C extends { readonly nullable: true } ? ValueOf<C> | null : ValueOf<C>;

/** The row types of every table, derived from TABLES (for Kysely). */
export type Database = { [T in TableName]: { [K in keyof (typeof TABLES)[T]]: ColumnValue<(typeof TABLES)[T][K]> } };

/** JSON as the store keeps it, opaque to the store: the scheduler gives it meaning (schedule/model.ts). */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };
