import type { Migration } from './migration';

export const migration: Migration = {
  version: 11,
  name: 'one Teams send budget shared by every instance on PostgreSQL',
  statements: [
    // A token bucket per key ('app', or 'conversation:<id>') kept as its theoretical arrival time (GCRA):
    // the database clock's time, in microseconds, when the bucket next has a whole send free. A claim
    // moves it on by one send's interval in one statement; nothing holds a row between statements, so
    // an instance that dies holds no budget. Used on PostgreSQL only (SQLite serves one instance and
    // keeps its limiter in memory), made on both so the schemas stay the same.
    `CREATE TABLE send_budget (
        key TEXT PRIMARY KEY,
        next_at_us BIGINT NOT NULL
      )`,
  ],
};
