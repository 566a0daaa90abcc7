import { insertAudit } from './audit';
import { changed, transaction } from './db';
import type { Db } from './db';
import type { VERSION_KINDS } from './schema';
import { idList, idText, SUMMARY_COLUMNS, toSummary, toVersion } from './framework-version-rows';

/** A version that is not a publish of a draft: a content review signed off. */
export type VersionKind = (typeof VERSION_KINDS)[number];

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
  /** Who edited the draft it was published from (empty for a sign-off, and for versions before migration 10). */
  readonly draftedBy: readonly string[];
  /** Null for an ordinary publish. */
  readonly kind: VersionKind | null;
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
  /** The last saver's name as their sign-in gave it, when it gave one. */
  readonly updatedByName: string | null;
  readonly updatedAt: Date;
  /** Everyone who saved into it (object ids, or a stand-in's in local mode). */
  readonly editors: readonly string[];
}

/** What a save writes into the draft. */
export interface DraftWrite {
  readonly source: string;
  readonly base: string;
  readonly by: string;
  readonly at: Date;
  /** The saver's name from their sign-in, if it gave one. */
  readonly name?: string | null;
  /** Everyone who has saved into it, this saver included; just the saver when left out. */
  readonly editors?: readonly string[];
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
  /** Who edited the draft (recorded with the version and in the audit log). */
  readonly draftedBy?: readonly string[];
  readonly kind?: VersionKind | null;
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
  saveDraft(frameworkId: string, rev: number, draft: DraftWrite): Promise<boolean>;
  discardDraft(frameworkId: string): Promise<void>;
  /**
   * One transaction: the new version, the audit entry, and the draft gone. Resolves to the new version
   * number, or 'conflict' when another version was published after `after`.
   */
  publish(version: NewVersion): Promise<number | 'conflict'>;
}

export function frameworkVersionTables(db: Db, open: () => void): FrameworkVersionStore {
  /** Every stored version of one framework, whole rows. */
  const versionsOf = (frameworkId: string) =>
    db.k.selectFrom('framework_versions').selectAll().where('framework_id', '=', frameworkId);
  return {
    async newestVersions() {
      open();
      const rows = await db.k
        .selectFrom('framework_versions')
        .select((eb) => ['framework_id', eb.fn.max('version').as('v')])
        .groupBy('framework_id')
        .execute();
      return new Map(rows.map((r) => [r.framework_id, Number(r.v)]));
    },
    async newest(frameworkId) {
      open();
      const row = await versionsOf(frameworkId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row && toVersion(row);
    },
    async version(frameworkId, version) {
      open();
      const row = await versionsOf(frameworkId).where('version', '=', version).executeTakeFirst();
      return row && toVersion(row);
    },
    async history(frameworkId, limit) {
      open();
      const rows = await db.k
        .selectFrom('framework_versions')
        .select(SUMMARY_COLUMNS)
        .where('framework_id', '=', frameworkId)
        .orderBy('version', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toSummary);
    },
    async draft(frameworkId) {
      open();
      const row = await db.k
        .selectFrom('framework_drafts')
        .selectAll()
        .where('framework_id', '=', frameworkId)
        .executeTakeFirst();
      return (
        row && {
          frameworkId: row.framework_id,
          source: row.source,
          base: row.base,
          rev: Number(row.rev),
          updatedBy: row.updated_by,
          updatedByName: row.updated_by_name,
          updatedAt: new Date(Number(row.updated_at)),
          editors: idList(row.editors ?? row.updated_by),
        }
      );
    },
    async saveDraft(frameworkId, rev, draft) {
      open();
      const editors = idText(draft.editors ?? [draft.by]);
      const name = draft.name ?? null;
      if (rev === 0) {
        const added = await db.k
          .insertInto('framework_drafts')
          .values({
            framework_id: frameworkId,
            source: draft.source,
            base: draft.base,
            rev: 1,
            updated_by: draft.by,
            updated_at: draft.at.getTime(),
            editors,
            updated_by_name: name,
          })
          .onConflict((oc) => oc.column('framework_id').doNothing())
          .executeTakeFirstOrThrow();
        return changed(added) === 1;
      }
      const updated = await db.k
        .updateTable('framework_drafts')
        .set((eb) => ({
          source: draft.source,
          base: draft.base,
          rev: eb('rev', '+', 1),
          updated_by: draft.by,
          updated_at: draft.at.getTime(),
          editors,
          updated_by_name: name,
        }))
        .where('framework_id', '=', frameworkId)
        .where('rev', '=', rev)
        .executeTakeFirstOrThrow();
      return changed(updated) === 1;
    },
    async discardDraft(frameworkId) {
      open();
      await db.k.deleteFrom('framework_drafts').where('framework_id', '=', frameworkId).execute();
    },
    async publish(v) {
      open();
      return transaction(db.k, async (tx) => {
        const newest = await tx
          .selectFrom('framework_versions')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('framework_id', '=', v.frameworkId)
          .executeTakeFirst();
        if (Number(newest?.v ?? 0) !== v.after) return 'conflict';
        const version = v.after + 1;
        // Two publishers who both read `after` cannot both insert `after + 1`: the key refuses the second.
        const added = await tx
          .insertInto('framework_versions')
          .values({
            framework_id: v.frameworkId,
            version,
            source: v.source,
            file_hash: v.fileHash,
            note: v.note,
            reason: v.reason,
            published_by: v.publishedBy,
            published_at: v.at.getTime(),
            diff: v.diff,
            drafted_by: idText(v.draftedBy ?? []),
            kind: v.kind ?? null,
          })
          .onConflict((oc) => oc.columns(['framework_id', 'version']).doNothing())
          .executeTakeFirstOrThrow();
        if (changed(added) !== 1) return 'conflict';
        if (v.draftRev !== null)
          await tx
            .deleteFrom('framework_drafts')
            .where('framework_id', '=', v.frameworkId)
            .where('rev', '=', v.draftRev)
            .execute();
        await insertAudit(tx, {
          scopeId: `framework:${v.frameworkId}`,
          at: v.at,
          actor: v.publishedBy,
          action:
            v.kind === 'sign-off'
              ? 'framework-signed-off'
              : v.reason === null
                ? 'framework-published'
                : 'framework-published-regression',
          // Who drafted it beside who published it (the actor): the record of two pairs of eyes.
          detail: JSON.stringify({
            version,
            note: v.note,
            ...(v.reason !== null && { reason: v.reason }),
            ...(v.draftedBy && v.draftedBy.length > 0 && { draftedBy: [...new Set(v.draftedBy)] }),
          }),
        });
        return version;
      });
    },
  };
}
