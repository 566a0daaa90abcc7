/**
 * One response, everywhere: what a message gets, decided once, knowing nothing of Teams. Chat in every
 * scope, the tab, the message extension and `practice-companion ask` all ask here and lay out what it says,
 * in this order: the safety routes (each its own card), then the answer or a plain decline, then the
 * reminders (personal details noticed; the calm line for an ordinary question that mentions risk).
 */
import type { Framework, KnowledgeBase, Signposts } from '../kb/model';
import { assessSafety, personalDetails } from '../safety';
import type { DetailKind, SafetyAssessment, SafetyRoute } from '../safety';
import { MAX_QUESTION_LENGTH } from '../search/answer';
import type { AnswerResult, DeclineSignpost, FoundAnswer, Search } from '../search/answer';
import { outsideTheFramework } from '../search/outside-the-framework';
import { publicNamesOf } from './public-names';
import type { SignpostName } from './words';

export { routeLines, routeText, signpostLine } from './plain';
export { ROUTE_CONTENT } from './routes';
export { RESPONSE_WORDS, SIGNPOST_HEADINGS } from './words';
export type { SignpostName } from './words';

/** What search says for "who is our current PSW": the framework names its author, not who holds the role now. */
export const WHO_HOLDS_THE_ROLE = 'who holds the role now';

export interface RespondOptions {
  /**
   * The place's framework: its own choice, the configured default, or the only one served. Left out
   * when several are served and the place chose none: then the answer is the best match across them.
   */
  readonly frameworkId?: string;
}

type NotFound = Extract<AnswerResult, { found: false }>;

/** What the framework part of a response shows. */
export type Reply =
  | { readonly kind: 'answer'; readonly result: FoundAnswer }
  | {
      /** The framework plainly does not contain it ("section 47", "annual leave"): say so, and where to go. */
      readonly kind: 'decline';
      readonly result: NotFound;
      readonly whereToGo: readonly SignpostName[];
      /** For "who holds the role now": who wrote or approved each framework in scope, and when. */
      readonly wroteIt: readonly Framework[];
    }
  | { readonly kind: 'not-sure'; readonly result: NotFound; readonly whereToGo: readonly SignpostName[] };

export interface Response {
  /** The message as read: at most MAX_QUESTION_LENGTH characters. */
  readonly question: string;
  /** The safety routes, most pressing first; each gets its own card before anything else. */
  readonly routes: readonly SafetyRoute[];
  /** What search found, whatever is shown (`ask --json` keeps its fields from it). */
  readonly result: AnswerResult;
  /** The answer, decline or "not sure"; absent when a route stands alone (crisis, distress, or nothing to add). */
  readonly reply?: Reply;
  readonly reminders: {
    /** The kinds of personal detail noticed, for the reminder on every card; never the details themselves. */
    readonly personalDetails: readonly DetailKind[];
    /** An ordinary question that only mentions risk: the answer, with one calm line at its foot. */
    readonly calm: boolean;
  };
  /** The place's framework, when it has one (see RespondOptions). */
  readonly frameworkId?: string;
  /** The framework whose signposts the response shows: the place's, else the answer's, else the first served. */
  readonly framework: Framework;
  readonly signposts: Signposts;
  /** "Suggest this question to the practice team": only for a decline or "not sure", never on a route's message. */
  readonly offerSuggestion: boolean;
}

/** The assessment, with the further routes the safety module may add (`also`), read if present. */
type Assessed = SafetyAssessment & { readonly also?: readonly SafetyRoute[] };

export function respond(search: Search, message: string, options: RespondOptions = {}): Response {
  const { kb } = search;
  const question = message.slice(0, MAX_QUESTION_LENGTH);
  const safety: Assessed = assessSafety(question);
  const routes = [...new Set([safety.route, ...(safety.also ?? [])])].filter((r): r is SafetyRoute => r !== null);
  const place = options.frameworkId !== undefined ? kb.framework(options.frameworkId) : undefined;
  const result = outsideOrFound(search.answer(question, place ? { defaultFramework: place.id } : {}), question);
  const framework = place ?? (result.found ? kb.framework(result.entry.frameworkId) : undefined) ?? firstOf(kb);
  const reply = replyFor(result, routes, kb, place);
  return {
    question,
    routes,
    result,
    ...(reply && { reply }),
    reminders: {
      personalDetails: personalDetails(question, { publicNames: publicNamesOf(kb) }),
      calm: routes.length === 0 && safety.mentionsRisk,
    },
    ...(place && { frameworkId: place.id }),
    framework,
    signposts: framework.signposts,
    offerSuggestion:
      routes.length === 0 &&
      question.trim() !== '' &&
      (reply?.kind === 'decline' || (reply?.kind === 'not-sure' && reply.result.reason !== 'empty')),
  };
}

/**
 * A route's card comes first. After a child at risk or the worker's own safety, the answer (or a plain
 * decline) follows where the message also asks something of the framework; "not sure" would only repeat
 * the signposts. After crisis or distress, nothing from the framework: sharing a word is not an answer.
 */
function replyFor(
  result: AnswerResult,
  routes: readonly SafetyRoute[],
  kb: KnowledgeBase,
  place: Framework | undefined,
): Reply | undefined {
  const alone = routes.includes('worker-crisis') || (routes.length > 0 && routes[0] === 'distress');
  if (alone) return undefined;
  if (result.found) return { kind: 'answer', result };
  if (result.reason === 'not-covered')
    return {
      kind: 'decline',
      result,
      whereToGo: declineSignposts(result.goTo),
      wroteIt: result.notCovered === WHO_HOLDS_THE_ROLE ? (place ? [place] : kb.frameworks) : [],
    };
  if (routes.length > 0) return undefined;
  return {
    kind: 'not-sure',
    result,
    whereToGo: result.reason === 'empty' ? [] : ['caseAdvice', 'procedures', 'staffSupport', 'urgent'],
  };
}

/**
 * Search found nothing, or nothing it is sure of, and the question is of a kind the framework is not for
 * (leave, IT, procedures and the law, other models): a plain decline naming that kind, never "not sure"
 * nor a guess from the nearest entry. A sure answer, a named decline, "principle 12" and a question that names a
 * kind of entry ("which value…") stand.
 */
function outsideOrFound(result: AnswerResult, question: string): AnswerResult {
  const unsure = result.found ? !result.confident : result.reason === 'no-match';
  // "which value do I lean on to challenge a school missing core groups" asks of the framework, whatever else it says.
  if (!unsure || result.ofKindNamed) return result;
  const topic = outsideTheFramework().topicOf(question);
  if (topic === undefined) return result;
  return {
    found: false,
    reason: 'not-covered',
    suggestions: [], // nearest entries would say the framework covers it after all
    notCovered: topic.name,
    goTo: topic.goTo,
  };
}

/** Where a decline sends people: the signpost search named first; with none named, case advice and procedures. */
function declineSignposts(goTo: DeclineSignpost | undefined): SignpostName[] {
  switch (goTo) {
    case 'employment':
      return ['employment'];
    case 'procedures':
      return ['procedures', 'caseAdvice'];
    case 'case_advice':
    case undefined:
      return ['caseAdvice', 'procedures'];
  }
}

function firstOf(kb: KnowledgeBase): Framework {
  const first = kb.frameworks[0];
  if (!first) throw new Error('the knowledge base has no frameworks');
  return first;
}
