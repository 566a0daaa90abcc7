import { DateTime } from 'luxon';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { ContentKind, SubscriptionSpec } from './model';

export const KINDS: readonly ContentKind[] = ['principle', 'value', 'approach', 'ingredient'];
export const KIND_PLURAL: Readonly<Record<ContentKind, string>> = {
  principle: 'principles',
  value: 'values',
  approach: 'approaches',
  ingredient: 'ingredients',
};

/** "Mon 30 Nov 2026 at 09:00" in the schedule's time zone, as replies and audit rows say it. */
export function formatWhen(at: Date | undefined, timeZone: string): string | undefined {
  return at && DateTime.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL yyyy 'at' HH:mm");
}

/** What a schedule posts, in a few words: "Barking & Dagenham principles", "Meeting opener from …". */
export function describeWhat(
  kb: KnowledgeBase,
  spec: Pick<SubscriptionSpec, 'kind' | 'frameworkId' | 'content'>,
): string {
  const framework = kb.framework(spec.frameworkId)?.shortName ?? spec.frameworkId;
  const what = spec.content.map((k) => KIND_PLURAL[k]).join(' and ');
  return spec.kind === 'meeting-opener' ? `Meeting opener from ${framework} ${what}` : `${framework} ${what}`;
}
