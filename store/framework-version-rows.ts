// Framework versions' rows as stored, and back (store/framework-versions.ts runs the queries).
import type { PublishedVersion, VersionKind, VersionSummary } from './framework-versions';

interface SummaryRow {
  framework_id: string;
  version: number;
  file_hash: string;
  note: string;
  reason: string | null;
  published_by: string;
  published_at: number;
  diff: string;
  drafted_by: string | null;
  kind: string | null;
}

export const SUMMARY_COLUMNS = [
  'framework_id',
  'version',
  'file_hash',
  'note',
  'reason',
  'published_by',
  'published_at',
  'diff',
  'drafted_by',
  'kind',
] as const;

/** A comma-separated list of ids as stored, and back. */
export const idList = (text: string | null): string[] => (text ? text.split(',').filter(Boolean) : []);
export const idText = (ids: readonly string[]): string | null => (ids.length > 0 ? [...new Set(ids)].join(',') : null);
const KINDS: ReadonlySet<string | null> = new Set(['sign-off']);

export function toSummary(row: SummaryRow): VersionSummary {
  return {
    frameworkId: row.framework_id,
    version: Number(row.version),
    fileHash: row.file_hash,
    note: row.note,
    reason: row.reason,
    publishedBy: row.published_by,
    publishedAt: new Date(Number(row.published_at)),
    diff: row.diff,
    draftedBy: idList(row.drafted_by),
    kind: KINDS.has(row.kind) ? (row.kind as VersionKind) : null,
  };
}

export function toVersion(row: SummaryRow & { source: string }): PublishedVersion {
  return { ...toSummary(row), source: row.source };
}
