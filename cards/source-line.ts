import type { Framework } from '../knowledge/kb/model';

/** `Source: “One Minute Guide – …” by Russ Bellenie, …, 2021`, or "approved by" where the framework names an approver. */
export function sourceText(framework: Framework): string {
  const by = framework.authorRole === 'approver' ? ', approved by' : ' by';
  return `Source: “${framework.source}”${by} ${framework.author}, ${framework.date}`;
}
