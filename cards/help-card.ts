import { askButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, lead, small, text } from './elements';
import type { CardMessage } from './types';
import { WORDING, privacyLine } from './wording';

export const MAX_HELP_EXAMPLES = 3;

export interface HelpCardInput {
  /** Where help was asked: a personal chat, or a channel or group chat. Only what works there is shown. */
  readonly place: 'personal' | 'group';
  /** The lists this place's framework has, as the words to type, e.g. ["values", "principles", "approaches"]. */
  readonly lists: readonly string[];
  /** More than one framework is served, so this chat or team can change to another. */
  readonly canSwitchFramework: boolean;
  /** A practice lead in their personal chat: how to turn their weekly digest off and on. */
  readonly digest?: boolean;
  readonly examples: readonly string[];
  /** The framework the examples are from, when this place has one: their buttons carry it. */
  readonly frameworkId?: string;
  /** Days a question sent to the practice team is kept (SUGGESTION_RETENTION_DAYS), for the privacy line. */
  readonly retentionDays: number;
}

/** "a", "a or b", "a, b or c", each in quotes. */
function either(words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** What a person can do here, in plain sentences: no command syntax, nothing that does not work in this place. */
export function helpLines(input: Omit<HelpCardInput, 'examples' | 'retentionDays'>): string[] {
  const h = WORDING.help;
  return [
    ...(input.lists.length > 0 ? [h.lists(either(input.lists))] : []),
    h.reflect,
    input.canSwitchFramework ? h.frameworkSwitch : h.frameworkShow,
    ...(input.place === 'group' ? [h.schedule, h.meetings] : []),
    ...(input.digest === true && input.place === 'personal' ? [h.digest] : []),
    h.about,
  ];
}

/** How to ask, what else works here, and a few questions to try. */
export function helpCard(input: HelpCardInput): CardMessage {
  const h = WORDING.help;
  const examples = input.examples.slice(0, MAX_HELP_EXAMPLES);
  const lines = helpLines(input);
  const asking = input.place === 'group' ? [h.howToAsk, h.inChannels] : [h.howToAsk];
  const body: Element[] = [
    lead(h.title),
    text(WORDING.purpose, { weight: 'Bolder' }),
    text(h.howToAsk),
    ...(input.place === 'group' ? [text(h.inChannels, { spacing: 'Small' })] : []),
    heading(h.commands),
    ...lines.map((l) => text(l, { spacing: 'Small' })),
    ...(examples.length > 0
      ? [heading(WORDING.youCouldAsk), actionSet(examples.map((q) => askButton(q, input.frameworkId)))]
      : []),
    small(privacyLine(input.retentionDays)),
  ];
  return cardMessage({
    body,
    speak: asking.join(' '),
    fallbackText: [h.title, WORDING.purpose, ...asking, ...lines, privacyLine(input.retentionDays)].join('\n'),
    summary: asking.join(' '),
  });
}
