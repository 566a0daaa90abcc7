import { RESPONSE_WORDS } from '../knowledge/respond';
import type { SignpostName } from '../knowledge/respond';
import type { Entry, Framework, KnowledgeBase, Signposts } from '../knowledge/kb/model';
import type { DetailKind } from '../knowledge/safety';
import { signpostElements, signpostLines } from './signposts';
import { displayTitle } from '../knowledge/kb/model';
import { askButton, openButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, lead, text } from './elements';
import { reminderFor } from './pii-reminder';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export const MAX_SUGGESTIONS = 3;
export const MAX_EXAMPLES = 3;
/** Where "not sure" sends people: case advice, procedures, support for themselves, and the urgent line. */
const NOT_SURE_WHERE: readonly SignpostName[] = ['caseAdvice', 'procedures', 'staffSupport', 'urgent'];
const DECLINE_WHERE: readonly SignpostName[] = ['caseAdvice', 'procedures'];

export interface NoAnswerCardInput {
  /** Part of the common input of every card builder; this card needs nothing from it yet. */
  readonly kb: KnowledgeBase;
  readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered';
  /** For 'not-covered': what the question named that the framework does not contain ("Signs of Safety"). */
  readonly notCovered?: string;
  /** For 'not-covered': what it names is an entry the practice team retired, so it is "no longer covered". */
  readonly retired?: true;
  readonly suggestions: readonly Entry[];
  readonly examples: readonly string[];
  /** The framework the examples are from, when the place has one: their buttons carry it. */
  readonly examplesFrameworkId?: string;
  /** Kinds of personal detail the question seemed to hold: a gentle reminder opens the card. */
  readonly reminder?: readonly DetailKind[];
  /** The place's framework's signposts: where to go when the framework does not cover a question. */
  readonly signposts?: Signposts;
  /** Which signposts, in order; by default case advice and procedures for a decline, and more for "not sure". */
  readonly whereToGo?: readonly SignpostName[];
  /** "Who holds the role now": each framework's author or approver and date, and "check your intranet". */
  readonly wroteIt?: readonly Framework[];
}

/** A kind reply when there is no answer: never a guess, only places to go next. */
export function noAnswerCard(input: NoAnswerCardInput): CardMessage {
  const declined = input.reason === 'not-covered';
  const line =
    declined && input.notCovered
      ? (input.retired ? WORDING.noLongerCovered : WORDING.notCovered)(input.notCovered)
      : WORDING.noAnswer[input.reason];
  const suggestions = input.suggestions.slice(0, MAX_SUGGESTIONS);
  const examples = input.examples.slice(0, MAX_EXAMPLES);
  // An empty question has nothing to have meant; its suggestions are simply good places to start.
  const suggestionsHeading = input.reason === 'empty' ? WORDING.startWith : WORDING.didYouMean;

  // Not covered is said plainly: asking in different words would not help.
  const hint = declined
    ? WORDING.notCoveredHint
    : suggestions.length + examples.length > 0
      ? WORDING.noAnswerHint
      : WORDING.noAnswerHintAlone;
  const wroteIt = (input.wroteIt ?? []).map((f) => RESPONSE_WORDS.wroteIt(f));
  const authorship = wroteIt.length > 0 ? [...wroteIt, RESPONSE_WORDS.checkIntranet] : [];

  // Not covered is not the end: where to go instead. An empty question has nothing uncovered yet.
  const which = input.whereToGo ?? (declined ? DECLINE_WHERE : NOT_SURE_WHERE);
  const where = input.signposts && input.reason !== 'empty' && which.length > 0 ? input.signposts : undefined;
  const whereInstead = where ? [lead(WORDING.signposts.whereInstead), ...signpostElements(where, which)] : [];
  // Something the framework plainly does not contain: where to go comes straight after saying so.
  const body: Element[] = [
    ...reminderFor(input.reminder),
    lead(line),
    ...authorship.map((l) => text(l, { spacing: 'Small' })),
    ...(input.reason === 'empty' ? [] : [text(hint, { spacing: 'Small' })]),
    ...(declined ? whereInstead : []),
    ...(suggestions.length > 0 ? [heading(suggestionsHeading), actionSet(suggestions.map(openButton))] : []),
    ...(examples.length > 0
      ? [heading(WORDING.youCouldAsk), actionSet(examples.map((q) => askButton(q, input.examplesFrameworkId)))]
      : []),
    ...(declined ? [] : whereInstead),
  ];

  const fallback = [
    line,
    ...authorship,
    ...suggestions.map((e) => `• ${displayTitle(e)}`),
    ...examples.map((q) => `• ${q}`),
    ...(where ? [WORDING.signposts.whereInstead, ...signpostLines(where, which)] : []),
  ];
  return cardMessage({ body, speak: line, fallbackText: fallback.join('\n'), summary: line });
}
