import type { Migration } from './migration';

export const migration: Migration = {
  version: 2,
  name: 'rotations kept outside subscriptions (meeting series)',
  statements: [
    `CREATE TABLE rotations (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
  ],
};
