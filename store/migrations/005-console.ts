import type { Migration } from './migration';

export const migration: Migration = {
  version: 5,
  name: "the practice lead's console: daily counts, suggested questions, indexes for the insights",
  statements: [
    // Counts per day of things that have no row of their own: not-sure answers (per framework),
    // "Another prompt" presses and message-extension shares (per entry), suggestions resolved.
    `CREATE TABLE daily_counts (
        day TEXT NOT NULL,
        metric TEXT NOT NULL,
        item TEXT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (day, metric, item)
      )`,
    // A question a person chose to send to the practice team: no user id, no conversation.
    `CREATE TABLE suggestions (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        entry_id TEXT,
        day TEXT NOT NULL
      )`,
    `CREATE INDEX suggestions_day ON suggestions (day)`,
    `CREATE INDEX asks_day ON asks (day)`,
    `CREATE INDEX post_log_slot ON post_log (slot_at)`,
  ],
};
