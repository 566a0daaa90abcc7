import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import { anotherPromptButton } from './buttons';
import { cardMessage } from './card-message';
import type { Action, Element } from './elements';
import { actionSet, heading, lead, small, text } from './elements';
import { entryHeading } from './entry-heading';
import { inShortAndFrameworkSays } from './entry-sections';
import { promptAt } from './prompt';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface ReflectCardInput {
  readonly kb: KnowledgeBase;
  readonly entry: Entry;
  /** Which prompt to show; counts round past the end, so callers can simply add one. */
  readonly promptIndex: number;
  /** A group (a team or a meeting) gets the entry's group prompts. */
  readonly audience: 'individual' | 'group';
  /** e.g. "Welcome. A moment to reflect before we start". */
  readonly heading?: string;
  /** The reflection that opens a meeting: it has the welcome heading, and so do its next prompts. */
  readonly opener?: boolean;
}

/** One entry and one prompt to think about, with "Another prompt" and the full text on request. */
export function reflectCard(input: ReflectCardInput): CardMessage {
  const { kb, entry, promptIndex, audience } = input;
  const openingHeading = input.heading ?? (input.opener ? WORDING.meetingOpener : undefined);
  const prompts = audience === 'group' && entry.groupPrompts.length > 0 ? entry.groupPrompts : entry.prompts;
  const prompt = promptAt(prompts, promptIndex);
  // "Read the full principle": in a meeting, the button names what the group is reflecting on.
  const buttons: Action[] =
    prompts.length > 1
      ? [
          anotherPromptButton({
            entryId: entry.id,
            promptIndex: promptIndex + 1,
            audience,
            ...(input.opener && { opener: true as const }),
          }),
        ]
      : [];

  const body: Element[] = [
    ...(openingHeading ? [lead(openingHeading)] : []),
    ...entryHeading(kb, entry),
    ...(prompt ? [heading(WORDING.reflect), text(prompt, { size: 'Medium', spacing: 'Small' })] : []),
    ...(buttons.length > 0 ? [actionSet(buttons)] : []),
    ...inShortAndFrameworkSays(
      kb,
      entry,
      entry.kind === 'overview' ? WORDING.readFullText : `Read the full ${entry.kind}`,
    ),
    ...(audience === 'group' ? [small(WORDING.noDetailsInReplies)] : []),
  ];

  const title = displayTitle(entry);
  const opening = openingHeading ? `${openingHeading}. ` : '';
  return cardMessage({
    body,
    speak: `${opening}${title}. ${prompt ?? entry.summary}`,
    fallbackText: [
      ...(openingHeading ? [openingHeading] : []),
      title,
      entry.summary,
      ...(prompt ? [`${WORDING.reflect}: ${prompt}`] : []),
    ].join('\n\n'),
    summary: `${title}: ${prompt ?? entry.summary}`,
  });
}
