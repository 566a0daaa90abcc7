import { randomUUID } from 'node:crypto';
import type { Sql } from './sql';

/**
 * Frameworks edited in the console: each published version of a framework file (the whole YAML
 * text, so a version is one row and can never be half written), and one draft per framework. All the
 * SQL of the framework editor is here (migration 7 makes the tables).
 */

export interface PublishedVersion {
  readonly frameworkId: string;
  readonly version: number;
  /** The framework file as published: YAML in the files' layout. */
  readonly source: string;
  /** sha256 of the file in git this version was edited from (see knowledge/README.md: "Git and the console"). */
  readonly fileHash: string;
  readonly note: string;
  /** Set when a lead published a regression on purpose: why. */
  readonly reason: string | null;
  readonly publishedBy: string;
  readonly publishedAt: Date;
  /** JSON: what changed from the version before, field by field. */
  readonly diff: string;
}

export type VersionSummary = Omit<PublishedVersion, 'source'>;

export interface FrameworkDraft {
  readonly frameworkId: string;
  readonly source: string;
  /** What the draft was started from: "v3", or "file:<hash>" for the file in git. */
  readonly base: string;
  /** Goes up by one on every save: a save names the revision it read, so two saves never overwrite each other. */
  readonly rev: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface NewVersion {
  readonly frameworkId: string;
  /** The newest version the publisher saw (0 for none): another publish since means a conflict, not a silent overwrite. */
  readonly after: number;
  readonly source: string;
  readonly fileHash: string;
  readonly note: string;
  readonly reason: string | null;
  readonly publishedBy: string;
  readonly at: Date;
  readonly diff: string;
  /** The draft revision published: the draft is deleted only if nobody saved it since. */
  readonly draftRev: number | null;
}

export interface FrameworkVersionStore {
  /** The newest version number of each framework that has any: what every instance polls. */
  newestVersions(): Promise<Map<string, number>>;
  newest(frameworkId: string): Promise<PublishedVersion | undefined>;
  version(frameworkId: string, version: number): Promise<PublishedVersion | undefined>;
  history(frameworkId: string, limit: number): Promise<VersionSummary[]>;
  draft(frameworkId: string): Promise<FrameworkDraft | undefined>;
  /**
   * Writes the draft if its revision is still `rev` (0: there is no draft yet). False when someone
   * else saved in between: read it again.
   */
  saveDraft(frameworkId: string, rev: number, draft: { source: string; base: string; by: string; at: Date }): Promise<boolean>;
  discardDraft(frameworkId: string): Promise<void>;
  /**
   * One transaction: the new version, the audit entry, and the draft gone. Resolves to the new version
   * number, or 'conflict' when another version was published after `after`.
   */
  publish(version: NewVersion): Promise<number | 'conflict'>;
}

interface VersionRow {
  framework_id: string;
  version: number;
  source?: string;
  file_hash: string;
  note: string;
  reason: string | null;
  published_by: string;
  published_at: number;
  diff: string;
}

interface DraftRow {
  framework_id: string;
  source: string;
  base: string;
  rev: number;
  updated_by: string;
  updated_at: number;
}

/** Migration 7's statements. */
export const FRAMEWORK_VERSION_TABLES: readonly string[] = [
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
];

const SUMMARY_COLUMNS = 'framework_id, version, file_hash, note, reason, published_by, published_at, diff';

function toVersion(row: VersionRow): PublishedVersion {
  return { ...toSummary(row), source: row.source ?? '' };
}

function toSummary(row: VersionRow): VersionSummary {
  return {
    frameworkId: row.framework_id,
    version: Number(row.version),
    fileHash: row.file_hash,
    note: row.note,
    reason: row.reason,
    publishedBy: row.published_by,
    publishedAt: new Date(Number(row.published_at)),
    diff: row.diff,
  };
}

export function createFrameworkVersionStore(sql: Sql): FrameworkVersionStore {
  return {
    async newestVersions() {
      const rows = await sql.all<{ framework_id: string; v: number }>('SELECT framework_id, MAX(version) AS v FROM framework_versions GROUP BY framework_id');
      return new Map(rows.map((r) => [r.framework_id, Number(r.v)]));
    },
    async newest(frameworkId) {
      const row = await sql.get<VersionRow>('SELECT * FROM framework_versions WHERE framework_id = ? ORDER BY version DESC LIMIT 1', [frameworkId]);
      return row && toVersion(row);
    },
    async version(frameworkId, version) {
      const row = await sql.get<VersionRow>('SELECT * FROM framework_versions WHERE framework_id = ? AND version = ?', [frameworkId, version]);
      return row && toVersion(row);
    },
    async history(frameworkId, limit) {
      const rows = await sql.all<VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM framework_versions WHERE framework_id = ? ORDER BY version DESC LIMIT ?`, [frameworkId, limit]);
      return rows.map(toSummary);
    },
    async draft(frameworkId) {
      const row = await sql.get<DraftRow>('SELECT * FROM framework_drafts WHERE framework_id = ?', [frameworkId]);
      return row && { frameworkId: row.framework_id, source: row.source, base: row.base, rev: Number(row.rev), updatedBy: row.updated_by, updatedAt: new Date(Number(row.updated_at)) };
    },
    async saveDraft(frameworkId, rev, draft) {
      if (rev === 0) {
        const added = await sql.run('INSERT INTO framework_drafts (framework_id, source, base, rev, updated_by, updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (framework_id) DO NOTHING', [frameworkId, draft.source, draft.base, draft.by, draft.at.getTime()]);
        return added === 1;
      }
      const changed = await sql.run('UPDATE framework_drafts SET source = ?, base = ?, rev = rev + 1, updated_by = ?, updated_at = ? WHERE framework_id = ? AND rev = ?', [draft.source, draft.base, draft.by, draft.at.getTime(), frameworkId, rev]);
      return changed === 1;
    },
    async discardDraft(frameworkId) {
      await sql.run('DELETE FROM framework_drafts WHERE framework_id = ?', [frameworkId]);
    },
    async publish(v) {
      return sql.transaction(async (tx) => {
        const newest = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM framework_versions WHERE framework_id = ?', [v.frameworkId]);
        if (Number(newest?.v ?? 0) !== v.after) return 'conflict';
        const version = v.after + 1;
        // Two publishers who both read `after` cannot both insert `after + 1`: the key refuses the second.
        const added = await tx.run(
          'INSERT INTO framework_versions (framework_id, version, source, file_hash, note, reason, published_by, published_at, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (framework_id, version) DO NOTHING',
          [v.frameworkId, version, v.source, v.fileHash, v.note, v.reason, v.publishedBy, v.at.getTime(), v.diff],
        );
        if (added !== 1) return 'conflict';
        if (v.draftRev !== null) await tx.run('DELETE FROM framework_drafts WHERE framework_id = ? AND rev = ?', [v.frameworkId, v.draftRev]);
        await tx.run('INSERT INTO audit_log (id, scope_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)', [
          randomUUID(),
          `framework:${v.frameworkId}`,
          v.at.getTime(),
          v.publishedBy,
          v.reason === null ? 'framework-published' : 'framework-published-regression',
          JSON.stringify({ version, note: v.note, ...(v.reason !== null && { reason: v.reason }) }),
        ]);
        return version;
      });
    },
  };
}
