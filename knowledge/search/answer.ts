import type { Entry, KnowledgeBase } from '../kb/model';
import type { Kind } from '../kb/schema';
import { stem } from './analyse';
import { loadLexicon } from './lexicon';
import type { Lexicon } from './lexicon';
import { LAST, MIDDLE, parseQuestion } from './query';
import { buildIndex, KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { contentTerms, surfaceWords } from './terms';
import { rank } from './rank';
import { createNotCoveredCheck } from './not-covered';
import type { NotCoveredCheck } from './not-covered';
import { inOrder, isOnlyAbout, neighbourOf, overviewOf, rootOverview } from './framework-order';
import { asksForOne, initialAsked, listAsked, placeAsked } from './pointing';
import type { Asked } from './pointing';
import { THRESHOLDS } from './thresholds';
import { titledAsked } from './titled';

export { THRESHOLDS };

/** Questions longer than this are cut, not processed whole. */
export const MAX_QUESTION_LENGTH = 1000;

export interface AnswerOptions {
  /**
   * The asker's framework (the team's or chat's). Answers, alternatives and suggestions keep to it;
   * the only exception is a question that names another framework ("what does jersey say about trauma").
   */
  readonly defaultFramework?: string;
}

export interface Match {
  readonly entry: Entry;
  readonly confidence: number;
}

/** The signposts a decline can send people to. */
export type DeclineSignpost = 'procedures' | 'employment' | 'case_advice';

/** How the answer was found; 'direct' means the entry was asked for by id (a button). */
export type How = 'number' | 'letter' | 'list' | 'framework' | 'search' | 'direct';

export type AnswerResult =
  | {
      readonly found: true;
      readonly entry: Entry;
      readonly confidence: number;
      /** False when the answer is a best guess: show the alternatives as "did you mean…". */
      readonly confident: boolean;
      readonly how: How;
      /** The question named a kind of entry and the answer is of it ("which value…"): it asks of the framework. */
      readonly ofKindNamed?: true;
      readonly alternatives: readonly Match[];
    }
  | {
      readonly found: false;
      readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered';
      readonly suggestions: readonly Match[];
      /** For 'not-covered': what the question named that the framework does not contain ("Signs of Safety", "values"). */
      readonly notCovered?: string;
      /** For 'not-covered': what it named is an entry the practice team retired ("no longer covered"). */
      readonly retired?: true;
      /** For 'not-covered': where to go instead (a signpost of the framework): procedures and law, employment (HR, IT), case advice. */
      readonly goTo?: DeclineSignpost;
      /** For 'no-match': the question named a kind of entry and the suggestions are of it ("which value…"). */
      readonly ofKindNamed?: true;
    };

export type FoundAnswer = Extract<AnswerResult, { found: true }>;

export interface Search {
  readonly kb: KnowledgeBase;
  answer(question: string, options?: AnswerOptions): AnswerResult;
}

/** The answer for an entry asked for by id, e.g. from a "related" button. */
export function directAnswer(entry: Entry): FoundAnswer {
  return { found: true, entry, confidence: 1, confident: true, how: 'direct', alternatives: [] };
}

export function createSearch(kb: KnowledgeBase, lexicon: Lexicon = loadLexicon()): Search {
  const index = buildIndex(kb, lexicon);
  const notCovered = createNotCoveredCheck(kb);
  return Object.freeze({
    kb,
    answer: (question: string, options: AnswerOptions = {}) => answerWith(index, notCovered, question, options),
  });
}

function answerWith(
  index: SearchIndex,
  notCovered: NotCoveredCheck,
  question: string,
  options: AnswerOptions,
  checkNamed = true,
): AnswerResult {
  const surface = surfaceWords(question.slice(0, MAX_QUESTION_LENGTH), index.lexicon);
  const parsed = parseQuestion(surface, index);
  const named = parsed.acronym !== undefined ? index.acronyms.get(parsed.acronym) : undefined;
  const scope = parsed.frameworkId ?? named?.overview.frameworkId;
  const preferred = scope ?? options.defaultFramework;
  const allTerms = contentTerms(parsed.words, index.lexicon, false);
  // Kind words ("principle", "values") say what sort of entry is wanted, not what it is about.
  const kinds = new Set<string>(allTerms.flatMap((t) => KIND_STEMS.get(t) ?? []));
  if (named?.overview.lists) kinds.add(named.overview.lists);
  const terms = allTerms.filter((t) => !KIND_STEMS.has(t));

  // "which value…", "what approach…": one kind, named in the singular, keeps the answer to that kind (and
  // the overview that lists it), when one of them matched. Plurals are often lists or counts ("the 3 principles of…").
  // "which one of our values", "which of the principles" ask for one too.
  const singular = new Set(
    parsed.words.flatMap((w, i) =>
      w.endsWith('s') && !asksForOne(parsed.words, i) ? [] : (KIND_STEMS.get(stem(w)) ?? []),
    ),
  );
  const only = singular.size === 1 ? [...singular][0] : undefined;
  // Before ranking: a named model or process this framework does not contain is declined, never near-missed.
  if (preferred !== undefined) {
    const missing = checkNamed ? notCovered.named(question, preferred) : undefined;
    if (missing !== undefined) {
      // "life story work with an adopted child, which ingredient does it sit under": a question that asks which entry
      // of a kind fits names a process or tool as its situation: answered when, without it, one entry of that kind
      // clearly leads ("is signs of safety a value we use" is about what it names: nothing is left to answer).
      const rest = only === undefined ? undefined : notCovered.withoutNamed(question, preferred);
      const ofKind = rest === undefined ? undefined : answerWith(index, notCovered, rest, options, false);
      if (
        ofKind?.found &&
        ofKind.how === 'search' &&
        ofKind.ofKindNamed &&
        ofKind.alternatives.every((m) => m.confidence * THRESHOLDS.clearLead <= ofKind.confidence)
      )
        return ofKind;
      return { found: false, reason: 'not-covered', suggestions: [], notCovered: missing };
    }
    const retired = notCovered.retired(question, preferred);
    if (retired !== undefined)
      return { found: false, reason: 'not-covered', suggestions: [], notCovered: retired, retired: true };
    // The framework asked for a kind of entry it does not have, as a list ("which values does jersey have")
    // or by another framework's acronym ("does jersey have values like CARES"). A singular kind word is
    // often plain English ("children's rights approach"), so it does not count.
    const askedKinds = [parsed.plural, named?.overview.lists].filter((k): k is Kind => k !== undefined);
    const lacking = parsed.numbered ? undefined : askedKinds.find((k) => notCovered.lacksKind(preferred, k));
    if (lacking !== undefined)
      return {
        found: false,
        reason: 'not-covered',
        suggestions: defaultSuggestions(index, preferred),
        notCovered: `${lacking}s`,
      };
  }
  const ranking = rank(index, terms, { scope: preferred, preferred, kinds, keep: preferred });
  // "which value…", "what approach…": one kind, named in the singular, keeps the answer to that kind (see above).
  const ofKind =
    only === undefined ? [] : ranking.matches.filter((m) => m.entry.kind === only || m.entry.lists === only);
  const matches = ofKind.length > 0 ? ofKind : ranking.matches;
  const ranked = matches.map(({ entry, confidence }) => ({ entry, confidence }));
  const top = matches[0];
  const alternativesTo = (entry: Entry) => ranked.filter((m) => m.entry.id !== entry.id).slice(0, 3);

  const exact = (entry: Entry, how: How): AnswerResult => ({
    found: true,
    entry,
    confidence: 1,
    confident: true,
    how,
    alternatives: alternativesTo(entry),
  });

  if (parsed.letter) {
    const group = index.acronyms.get(parsed.letter.acronym);
    const member = group?.members[group.overview.acronym?.toLowerCase().indexOf(parsed.letter.letter) ?? -1];
    if (member?.retired)
      return { found: false, reason: 'not-covered', suggestions: [], notCovered: member.title, retired: true };
    if (member) return exact(member, 'letter');
  }

  const asked: Asked = { index, parsed, matches: ranking.matches, terms, allTerms, named, preferred, only, kinds };
  const initial = initialAsked(asked);
  if (initial) return exact(initial, 'letter');

  if (parsed.numbered) {
    const { kind, number } = parsed.numbered;
    const members = inOrder(index, kind, preferred);
    // By its number; "the last", or a kind the file does not number ("the first approach"), by its place.
    const entry =
      number === MIDDLE
        ? members.length % 2 === 1
          ? members[(members.length - 1) / 2]
          : undefined
        : number <= LAST
          ? members[members.length + number]
          : (members.find((e) => e.number === number) ??
            (members.every((e) => e.number === undefined) ? members[number - 1] : undefined));
    if (entry) return exact(entry, 'number');
    const overview = overviewOf(index, kind, preferred, preferred);
    // A kind this framework does not have ("principle 3" in Jersey): its own overviews show what it has.
    return {
      found: false,
      reason: 'no-such-number',
      suggestions: overview ? [{ entry: overview, confidence: 0 }] : defaultSuggestions(index, preferred),
    };
  }

  const place = placeAsked(asked);
  if (place) return exact(place, 'number');

  const list = listAsked(asked);
  if (list) return exact(list, 'list');

  // "sharing value", "the systemic practice ingredient": an entry's name right before its kind word.
  const titled = titledAsked(index, parsed.words, preferred);
  if (titled) return exact(titled, 'search');

  // "cares acronym??", "what do the letters of CARES stand for": the acronym itself.
  if (named && isOnlyAbout(index, named.overview, terms)) return exact(named.overview, 'list');

  // "what's our framework called", "the headings of the practice framework": the framework as a whole.
  const wholeFramework = scope !== undefined || parsed.mentionsFramework ? rootOverview(index, preferred) : undefined;
  if (wholeFramework && terms.length > 0 && isOnlyAbout(index, wholeFramework, terms))
    return exact(wholeFramework, 'framework');

  // "framework overview pls", "explain the whole framework to a youth worker", "what model does CSCS work to": the
  // framework as a whole in other words, when no other entry answers the rest of the question on its own. Two kinds
  // beside the framework's name ("the lbbd model: values, principles, what more?") ask for its parts: the whole.
  if (
    wholeFramework &&
    (parsed.asksForWhole || kinds.size >= 2) &&
    // Not when only an acronym pointed to the framework ("social care's" read as CARES in a Jersey chat).
    (parsed.frameworkId !== undefined || scope === undefined) &&
    (parsed.plural === undefined || kinds.size >= 2) &&
    !ranking.matches.some((m) => m.entry !== wholeFramework && m.confidence >= THRESHOLDS.wholeFramework)
  )
    return exact(wholeFramework, 'framework');

  if (terms.length === 0) {
    const root = wholeFramework;
    if (root) return exact(root, 'framework');
    return { found: false, reason: 'empty', suggestions: defaultSuggestions(index, preferred) };
  }

  if (parsed.relative !== undefined && top) {
    const neighbour = neighbourOf(index, parsed.relative, matches, terms);
    if (neighbour) return exact(neighbour, 'number');
  }

  const second = ranked[1];
  const lead = second ? top && top.confidence / Math.max(second.confidence, 1e-9) : Number.POSITIVE_INFINITY;
  // A question that names the kind ("which value…") and has one clear leader of that kind is answered from it: the
  // situation around it is the asker's, not the framework's, so most of its words are unknown here.
  const kindLeader = ofKind.length > 0 && (lead ?? 0) >= THRESHOLDS.clearLead;
  const accepted =
    top &&
    (top.confidence >= THRESHOLDS.answer ||
      (top.confidence >= THRESHOLDS.clearLeadAnswer &&
        (((lead ?? 0) >= THRESHOLDS.clearLead && top.anchored && ranking.knownShare >= THRESHOLDS.knownShare) ||
          kindLeader)));
  if (!top || !accepted) {
    const suggestions = ranked.length > 0 ? ranked.slice(0, 3) : defaultSuggestions(index, preferred);
    return { found: false, reason: 'no-match', suggestions, ...(ofKind.length > 0 && { ofKindNamed: true as const }) };
  }
  const clearLead = !second || second.confidence <= top.confidence * 0.8;
  return {
    found: true,
    entry: top.entry,
    confidence: round(top.confidence),
    confident: top.confidence >= THRESHOLDS.confident && clearLead,
    how: 'search',
    ...(ofKind.length > 0 && { ofKindNamed: true as const }),
    alternatives: ranked
      .slice(1)
      .filter((m) => m.confidence >= top.confidence * THRESHOLDS.alternative)
      .slice(0, 3)
      .map((m) => ({ entry: m.entry, confidence: round(m.confidence) })),
  };
}

function defaultSuggestions(index: SearchIndex, frameworkId: string | undefined): Match[] {
  const overviews = index.entries.filter((e) => e.kind === 'overview');
  const mine = frameworkId === undefined ? overviews : overviews.filter((e) => e.frameworkId === frameworkId);
  return mine.slice(0, 3).map((entry) => ({ entry, confidence: 0 }));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
