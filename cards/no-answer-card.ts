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
  readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered';
  /** For 'not-covered': what the question named that the framework does not contain ("Signs of Safety"). */
  readonly notCovered?: string;
  readonly suggestions: readonly Entry[];
  readonly examples: readonly string[];
  readonly piiReminder: boolean;
  /** The place's framework's signposts: where to go when the framework does not cover a question. */
  readonly signposts?: Signposts;
}

/** A kind reply when there is no answer: never a guess, only places to go next. */
export function noAnswerCard(input: NoAnswerCardInput): CardMessage {
  const line =
    input.reason === 'not-covered' && input.notCovered
      ? WORDING.notCovered(input.notCovered)
      : WORDING.noAnswer[input.reason];
  const suggestions = input.suggestions.slice(0, MAX_SUGGESTIONS);
  const examples = input.examples.slice(0, MAX_EXAMPLES);
  // An empty question has nothing to have meant; its suggestions are simply good places to start.
  const suggestionsHeading = input.reason === 'empty' ? WORDING.startWith : WORDING.didYouMean;

  // Not covered is said plainly: asking in different words would not help.
  const hint =
    input.reason === 'not-covered'
      ? WORDING.notCoveredHint
      : suggestions.length + examples.length > 0
        ? WORDING.noAnswerHint
        : WORDING.noAnswerHintAlone;

  // Not covered is not the end: where to go instead. An empty question has nothing uncovered yet.
  const whereInstead =
    input.signposts && input.reason !== 'empty'
      ? [lead(WORDING.signposts.whereInstead), ...signpostElements(input.signposts, WHERE_INSTEAD)]
      : [];
  // Something the framework plainly does not contain: where to go comes straight after saying so.
  const first = input.reason === 'not-covered';
  const body: Element[] = [
    ...(input.piiReminder ? [piiReminder()] : []),
    lead(line),
    ...(input.reason === 'empty' ? [] : [text(hint, { spacing: 'Small' })]),
    ...(first ? whereInstead : []),
    ...(suggestions.length > 0 ? [heading(suggestionsHeading), actionSet(suggestions.map(openButton))] : []),
    ...(examples.length > 0 ? [heading(WORDING.youCouldAsk), actionSet(examples.map(askButton))] : []),
    ...(first ? [] : whereInstead),
  ];

  const fallback = [
    line,
    ...suggestions.map((e) => `• ${displayTitle(e)}`),
    ...examples.map((q) => `• ${q}`),
    ...(input.signposts && input.reason !== 'empty'
      ? [WORDING.signposts.whereInstead, ...signpostLines(input.signposts, WHERE_INSTEAD)]
      : []),
  ];
  return cardMessage({ body, speak: line, fallbackText: fallback.join('\n'), summary: line });
}
