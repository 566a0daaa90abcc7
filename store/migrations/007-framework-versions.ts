import type { Migration } from './migration';

// The tables of store/framework-versions.ts as they were first made. Frozen here: a later change to
// those tables is a new migration, never an edit of this text (a test holds its checksum).
export const migration: Migration = {
  version: 7,
  name: 'frameworks edited in the console: published versions and drafts',
  statements: [
    `CREATE TABLE framework_versions (
    framework_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    note TEXT NOT NULL,
    reason TEXT,
    published_by TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    diff TEXT NOT NULL,
    PRIMARY KEY (framework_id, version)
  )`,
    `CREATE TABLE framework_drafts (
    framework_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    base TEXT NOT NULL,
    rev INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  )`,
  ],
};
