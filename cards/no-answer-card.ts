import type { Entry, KnowledgeBase, Signposts } from '../knowledge/kb/model';
import { signpostElements, signpostLines } from './signposts';
import { displayTitle } from '../knowledge/kb/model';
import { askButton, openButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, lead, text } from './elements';
import { piiReminder } from './pii-reminder';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export const MAX_SUGGESTIONS = 3;
export const MAX_EXAMPLES = 3;
const WHERE_INSTEAD = ['caseAdvice', 'procedures', 'urgent'] as const;

export interface NoAnswerCardInput {
  /** Part of the common input of every card builder; this card needs nothing from it yet. */
  readonly kb: KnowledgeBase;
  readonly reason: 'empty' | 'no-match' | 'no-such-number';
  readonly suggestions: readonly Entry[];
  readonly examples: readonly string[];
  readonly piiReminder: boolean;
  /** The place's framework's signposts: where to go when the framework does not cover a question. */
  readonly signposts?: Signposts;
}

/** A kind reply when there is no answer: never a guess, only places to go next. */
export function noAnswerCard(input: NoAnswerCardInput): CardMessage {
  const line = WORDING.noAnswer[input.reason];
  const suggestions = input.suggestions.slice(0, MAX_SUGGESTIONS);
  const examples = input.examples.slice(0, MAX_EXAMPLES);
  // An empty question has nothing to have meant; its suggestions are simply good places to start.
  const suggestionsHeading = input.reason === 'empty' ? WORDING.startWith : WORDING.didYouMean;

  const hint = suggestions.length + examples.length > 0 ? WORDING.noAnswerHint : WORDING.noAnswerHintAlone;

  const body: Element[] = [
    ...(input.piiReminder ? [piiReminder()] : []),
    lead(line),
    ...(input.reason === 'empty' ? [] : [text(hint, { spacing: 'Small' })]),
    ...(suggestions.length > 0 ? [heading(suggestionsHeading), actionSet(suggestions.map(openButton))] : []),
    ...(examples.length > 0 ? [heading(WORDING.youCouldAsk), actionSet(examples.map(askButton))] : []),
    // Not covered is not the end: where to go instead. An empty question has nothing uncovered yet.
    ...(input.signposts && input.reason !== 'empty' ? [lead(WORDING.signposts.whereInstead), ...signpostElements(input.signposts, WHERE_INSTEAD)] : []),
  ];

  const fallback = [
    line,
    ...suggestions.map((e) => `• ${displayTitle(e)}`),
    ...examples.map((q) => `• ${q}`),
    ...(input.signposts && input.reason !== 'empty' ? [WORDING.signposts.whereInstead, ...signpostLines(input.signposts, WHERE_INSTEAD)] : []),
  ];
  return cardMessage({ body, speak: line, fallbackText: fallback.join('\n'), summary: line });
}
