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

export interface ExtensionCardInput {
  readonly kb: KnowledgeBase;
  readonly entry: Entry;
  /** A channel or group chat gets the entry's group prompt, where it has one. */
  readonly audience: 'individual' | 'group';
}

/**
 * An entry as a person posts it from the compose box into any conversation: its title, summary,
 * full text on request, one prompt to reflect on, and the source. Only buttons that work without
 * the bot in the conversation (showing the full text), so no feedback or "related" buttons.
 */
export function extensionCard(input: ExtensionCardInput): CardMessage {
  const { kb, entry, audience } = input;
  const prompts = audience === 'group' && entry.groupPrompts.length > 0 ? entry.groupPrompts : entry.prompts;
  const prompt = promptAt(prompts, 0);

  const body: Element[] = [
    ...entryHeading(kb, entry),
    ...inShortAndFrameworkSays(kb, entry),
    ...(prompt ? [heading(WORDING.reflect), text(prompt, { spacing: 'Small' })] : []),
    ...(audience === 'group' ? [small(WORDING.noDetailsInReplies)] : []),
  ];

  const title = displayTitle(entry);
  return cardMessage({
    body,
    speak: `${title}. ${entry.summary}`,
    fallbackText: [title, entry.summary, ...(prompt ? [`${WORDING.reflect}: ${prompt}`] : [])].join('\n\n'),
    summary: `${title}: ${entry.summary}`,
  });
}
