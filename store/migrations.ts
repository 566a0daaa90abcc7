import { sql } from 'kysely';
import { transaction } from './db';
import type { Db, Kdb } from './db';
import { FRAMEWORK_VERSION_TABLES } from './framework-versions';

/**
 * Versioned migrations, applied in order at start on both backends. Never edit a migration that has
 * shipped: add the next one. The SQL is the common subset of SQLite and PostgreSQL: TEXT ids made by
 * the application, BIGINT milliseconds for times.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  /** Runs after the statements, in the same transaction: for changes to stored JSON, which the two dialects write differently. */
  readonly apply?: (tx: Kdb) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
    version: 2,
    name: 'rotations kept outside subscriptions (meeting series)',
    statements: [
      `CREATE TABLE rotations (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'conversation references without the chat title; secrets (the answer id key)',
    statements: [
      `CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
    ],
    // A group chat's title is text people typed: earlier versions kept it in the reference.
    apply: async (tx) => {
      const rows = await tx
        .selectFrom('conversations')
        .select(['id', 'reference'])
        .where('reference', 'like', '%"name"%')
        .execute();
      for (const row of rows) {
        const reference: unknown = JSON.parse(row.reference);
        if (typeof reference !== 'object' || reference === null || !('conversation' in reference)) continue;
        const conversation: unknown = reference.conversation;
        if (typeof conversation !== 'object' || conversation === null || !('name' in conversation)) continue;
        delete conversation.name;
        await tx
          .updateTable('conversations')
          .set({ reference: JSON.stringify(reference) })
          .where('id', '=', row.id)
          .execute();
      }
    },
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    version: 7,
    name: 'frameworks edited in the console: published versions and drafts',
    statements: FRAMEWORK_VERSION_TABLES,
  },
];

/** The schema version this code expects: the newest migration. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The newest migration applied to this database, or 0 for an empty one. */
export async function schemaVersion(db: Db): Promise<number> {
  const table = await (
    db.dialect === 'postgres'
      ? sql`SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`
      : sql`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
  ).execute(db.k);
  if (table.rows.length === 0) return 0;
  const row = await db.k
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Applies the migrations not yet applied, each statement as written, through Kysely. Safe when several instances start at once. */
export async function migrate(db: Db, now: () => number = Date.now): Promise<number[]> {
  return transaction(db.k, async (tx) => {
    // PostgreSQL: one instance migrates at a time; the others wait, then find nothing to do.
    if (db.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7031959)`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(
      tx,
    );
    const done = new Set(
      (await tx.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await sql.raw(statement).execute(tx);
      await m.apply?.(tx);
      await tx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: now() })
        .execute();
      applied.push(m.version);
    }
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length > 0)
      throw new Error(
        `the database has migrations this version does not know (${ahead.join(', ')}): run a newer version of Practice Companion`,
      );
    return applied;
  });
}
