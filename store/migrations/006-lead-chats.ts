import type { Migration } from './migration';

export const migration: Migration = {
  version: 6,
  name: "the practice lead's weekly digest: each lead's personal chat with the bot, and whether they want the digest",
  statements: [
    // One row per practice lead (an Entra object id already listed in PRACTICE_LEAD_AAD_IDS) who has
    // talked to the bot in a personal chat: where their digest goes. Nobody else gets a row.
    `CREATE TABLE lead_chats (
        lead_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        digest_on INTEGER NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
  ],
};
