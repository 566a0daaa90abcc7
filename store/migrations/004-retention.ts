import type { Migration } from './migration';

export const migration: Migration = {
  version: 4,
  name: "retention: vote tallies kept after votes are purged, one purge a day, indexes for purging and for one person's rows",
  statements: [
    `CREATE TABLE vote_tallies (
        entry_id TEXT NOT NULL,
        day TEXT NOT NULL,
        helpful BIGINT NOT NULL,
        not_helpful BIGINT NOT NULL,
        PRIMARY KEY (entry_id, day)
      )`,
    `CREATE TABLE purge_runs (
        day TEXT PRIMARY KEY,
        worker TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        finished_at BIGINT,
        removed TEXT
      )`,
    `CREATE INDEX votes_day ON votes (day)`,
    `CREATE INDEX votes_voter ON votes (voter)`,
    `CREATE INDEX audit_at ON audit_log (at)`,
    `CREATE INDEX audit_actor ON audit_log (actor)`,
  ],
};
