import { askButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, factSet, heading, lead, small, text } from './elements';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export const MAX_HELP_EXAMPLES = 3;

export interface HelpCardInput {
  readonly commands: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly examples: readonly string[];
}

/** How to ask, the commands people can type, and a few questions to try. */
export function helpCard(input: HelpCardInput): CardMessage {
  const h = WORDING.help;
  const examples = input.examples.slice(0, MAX_HELP_EXAMPLES);
  const body: Element[] = [
    lead(h.title),
    text(WORDING.purpose, { weight: 'Bolder' }),
    text(h.howToAsk),
    text(h.inChannels, { spacing: 'Small' }),
    ...(input.commands.length > 0 ? [heading(h.commands), factSet(input.commands.map((c) => [c.name, c.description] as const))] : []),
    ...(examples.length > 0 ? [heading(WORDING.youCouldAsk), actionSet(examples.map(askButton))] : []),
    small(WORDING.privacy),
  ];
  return cardMessage({
    body,
    speak: `${h.howToAsk} ${h.inChannels}`,
    fallbackText: [h.title, WORDING.purpose, h.howToAsk, h.inChannels, ...input.commands.map((c) => `• ${c.name}: ${c.description}`), WORDING.privacy].join('\n'),
    summary: `${h.howToAsk} ${h.inChannels}`,
  });
}
