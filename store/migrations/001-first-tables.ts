import type { Migration } from './migration';

export const migration: Migration = {
  version: 1,
  name: 'conversations, settings, feedback, asks, audit, subscriptions, post log',
  statements: [
    `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        tenant_id TEXT,
        team_id TEXT,
        service_url TEXT NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL,
        gone_reason TEXT,
        updated_at BIGINT NOT NULL
      )`,
    `CREATE INDEX conversations_team ON conversations (team_id)`,
    `CREATE TABLE settings (
        scope_id TEXT PRIMARY KEY,
        framework_id TEXT,
        meeting_openers TEXT,
        updated_at BIGINT NOT NULL
      )`,
    `CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        voter TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        day TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        PRIMARY KEY (answer_id, voter)
      )`,
    `CREATE TABLE asks (
        entry_id TEXT NOT NULL,
        day TEXT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (entry_id, day)
      )`,
    `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        scope_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      )`,
    `CREATE INDEX audit_scope ON audit_log (scope_id, at)`,
    `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        team_id TEXT,
        kind TEXT NOT NULL,
        spec TEXT NOT NULL,
        status TEXT NOT NULL,
        inactive_reason TEXT,
        paused_until BIGINT,
        skip_next INTEGER NOT NULL,
        rotation TEXT NOT NULL,
        next_slot_at BIGINT,
        created_at BIGINT NOT NULL,
        created_by TEXT NOT NULL
      )`,
    `CREATE INDEX subscriptions_due ON subscriptions (next_slot_at)`,
    `CREATE INDEX subscriptions_conversation ON subscriptions (conversation_id)`,
    `CREATE TABLE post_log (
        id TEXT PRIMARY KEY,
        slot_key TEXT NOT NULL UNIQUE,
        subscription_id TEXT,
        conversation_id TEXT NOT NULL,
        team_id TEXT,
        slot_at BIGINT NOT NULL,
        entry_id TEXT,
        content TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT,
        claimed_by TEXT,
        claimed_until BIGINT,
        activity_id TEXT,
        error TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    `CREATE INDEX post_log_due ON post_log (status, next_attempt_at)`,
    `CREATE INDEX post_log_subscription ON post_log (subscription_id, slot_at)`,
    `CREATE INDEX post_log_conversation ON post_log (conversation_id, slot_at)`,
    `CREATE INDEX post_log_team ON post_log (team_id, slot_at)`,
  ],
};
