import { isDeepStrictEqual } from 'node:util';
import { toData } from './source';

/** What changed between two versions of a framework file, field by field: the history shows it. */
export interface FieldChange {
  /** "lbbd-be-human.summary", "framework.review_due", "signposts.urgent". */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface FrameworkDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly retired: readonly string[];
  readonly changes: readonly FieldChange[];
}

type FileData = {
  framework?: Record<string, unknown>;
  signposts?: Record<string, unknown>;
  entries?: Array<Record<string, unknown>>;
};

function fieldChanges(prefix: string, a: Record<string, unknown> = {}, b: Record<string, unknown> = {}): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => !isDeepStrictEqual(a[k], b[k]))
    .map((k) => ({ field: `${prefix}.${k}`, before: a[k] ?? null, after: b[k] ?? null }));
}

export function frameworkDiff(beforeSource: string, afterSource: string): FrameworkDiff {
  const a = toData(beforeSource) as FileData;
  const b = toData(afterSource) as FileData;
  const before = new Map((a.entries ?? []).map((e) => [String(e['id']), e]));
  const after = new Map((b.entries ?? []).map((e) => [String(e['id']), e]));
  const changes = [
    ...fieldChanges('framework', a.framework, b.framework),
    ...fieldChanges('signposts', a.signposts, b.signposts),
  ];
  for (const [id, e] of after) {
    const old = before.get(id);
    if (old) changes.push(...fieldChanges(id, old, e));
  }
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    retired: [...after]
      .filter(([id, e]) => e['retired'] === true && before.get(id)?.['retired'] !== true)
      .map(([id]) => id),
    changes,
  };
}
