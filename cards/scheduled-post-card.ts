import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { heading, small, text } from './elements';
import { entryHeading } from './entry-heading';
import { inShortAndFrameworkSays } from './entry-sections';
import { promptAt } from './prompt';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface ScheduledPostCardInput {
  readonly kb: KnowledgeBase;
  readonly entry: Entry;
  /** Indexes into the entry's group prompts (one or two); a channel is never given a prompt that invites case talk. */
  readonly prompts: readonly number[];
  /** Place in the cycle: "Principle 4 of 10". */
  readonly position: number;
  readonly of: number;
}

const KIND_WORD: Record<string, string> = {
  principle: 'Principle',
  value: 'Value',
  approach: 'Approach',
  ingredient: 'Ingredient',
  overview: 'Item',
};

/** "Principle 4 of 10" when the cycle holds one kind, else "4 of 17". */
export function placeLine(kb: KnowledgeBase, entry: Entry, position: number, of: number, kindsInCycle: number): string {
  const framework = kb.framework(entry.frameworkId);
  const where = framework ? ` in ${framework.shortName}` : '';
  return kindsInCycle === 1
    ? `${KIND_WORD[entry.kind] ?? 'Item'} ${position} of ${of}${where}`
    : `${position} of ${of}${where}`;
}

/** The card a scheduled post carries: the entry, its place in the cycle, and one or two prompts to reflect on. */
export function scheduledPostCard(input: ScheduledPostCardInput & { readonly kindsInCycle: number }): CardMessage {
  const { kb, entry } = input;
  // Channel posts always use the group prompts (older posts planned with other indexes count round them).
  const pool = entry.groupPrompts.length > 0 ? entry.groupPrompts : [];
  const prompts = [...new Set(input.prompts.map((i) => promptAt(pool, i)).filter((p): p is string => p !== undefined))];
  const place = placeLine(kb, entry, input.position, input.of, input.kindsInCycle);
  const body: Element[] = [
    small(`This week's reflection · ${place}`),
    ...entryHeading(kb, entry),
    ...inShortAndFrameworkSays(kb, entry),
    ...(prompts.length > 0
      ? [heading(WORDING.reflect), ...prompts.map((p) => text(`• ${p}`, { spacing: 'Small' }))]
      : []),
    small(WORDING.noDetailsInReplies),
  ];
  const title = displayTitle(entry);
  return cardMessage({
    body,
    speak: `${place}. ${title}. ${prompts[0] ?? entry.summary}`,
    fallbackText: [
      place,
      title,
      entry.summary,
      ...prompts.map((p) => `${WORDING.reflect}: ${p}`),
      WORDING.noDetailsInReplies,
    ].join('\n\n'),
    summary: `${title}: ${prompts[0] ?? entry.summary}`,
  });
}
