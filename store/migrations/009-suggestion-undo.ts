import type { Migration } from './migration';

export const migration: Migration = {
  version: 9,
  name: 'a suggested question marked answered or dismissed can be undone for a while before its text is deleted',
  statements: [
    // NULL while it waits; 'answered' or 'dismissed' once a lead marks it, until the undo window ends
    // and the row goes (only a count is kept, in daily_counts).
    `ALTER TABLE suggestions ADD COLUMN outcome TEXT`,
    `ALTER TABLE suggestions ADD COLUMN resolved_at BIGINT`,
    `CREATE INDEX suggestions_resolved ON suggestions (resolved_at)`,
  ],
};
