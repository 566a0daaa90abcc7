import type { Entry, KnowledgeBase } from '../kb/model';
import type { Kind } from '../kb/schema';
import { stem } from './analyse';
import { loadLexicon } from './lexicon';
import type { Lexicon } from './lexicon';
import { parseNumber } from './numbers';
import { LAST, MIDDLE, parseQuestion } from './query';
import { buildIndex, KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { contentTerms, surfaceWords } from './terms';
import { rank } from './rank';
import { createNotCoveredCheck } from './not-covered';
import type { NotCoveredCheck } from './not-covered';
import {
  inOrder,
  isListCue,
  isOnlyAbout,
  neighbourOf,
  onlyNumberedKind,
  overviewOf,
  rootOverview,
} from './framework-order';
import type { RankedMatch } from './rank';

/** Words that leave a place alone ("the final one on the list"): stems as search sees them. */
const PLACE_FILLERS: ReadonlySet<string> = new Set([
  'one',
  'list',
  'thing',
  'item',
  'entry',
  'bit',
  'come',
  'point',
  'out',
]);

/** Questions longer than this are cut, not processed whole. */
export const MAX_QUESTION_LENGTH = 1000;

/** Tunable decision points; changes here change answers, so note them in CHANGELOG.md. */
export const THRESHOLDS = Object.freeze({
  /** At or above: answer. */
  answer: 0.45,
  /** At or above, when the best is `clearLead` times the next: answer (long questions carry many other words). */
  clearLeadAnswer: 0.2,
  clearLead: 1.6,
  /** …and only when most of the question is words the knowledge base uses. */
  knownShare: 0.6,
  /** At or above (with a clear lead): a confident answer, with no "did you mean". */
  confident: 0.7,
  /** "The whole framework" is answered by its introduction unless another entry reaches this on the question's other words. */
  wholeFramework: 0.3,
  /** Alternatives must reach this share of the best score. */
  alternative: 0.45,
});

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

  // Before ranking: a named model or process this framework does not contain is declined, never near-missed.
  if (preferred !== undefined) {
    const missing = notCovered.named(question, preferred);
    if (missing !== undefined) return { found: false, reason: 'not-covered', suggestions: [], notCovered: missing };
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
  // "which value…", "what approach…": one kind, named in the singular, keeps the answer to that kind (and
  // the overview that lists it), when one of them matched. Plurals are often lists or counts ("the 3 principles of…").
  // "which one of our values", "which of the principles" ask for one too.
  const singular = new Set(
    parsed.words.flatMap((w, i) =>
      w.endsWith('s') && !asksForOne(parsed.words, i) ? [] : (KIND_STEMS.get(stem(w)) ?? []),
    ),
  );
  const only = singular.size === 1 ? [...singular][0] : undefined;
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

  if (parsed.initial) {
    const { letter } = parsed.initial;
    // No kind named ("the T one"): the kind an acronym names, else the one kind the framework numbers.
    const kind =
      parsed.initial.kind ??
      index.entries.find((e) => e.frameworkId === preferred && e.acronym !== undefined)?.lists ??
      onlyNumberedKind(index, preferred);
    const group = kind === undefined ? undefined : overviewOf(index, kind, preferred, preferred);
    const acronym = group?.acronym?.toLowerCase();
    const members = kind === undefined ? [] : inOrder(index, kind, group?.frameworkId ?? preferred);
    // An acronym's letters name its members in order; otherwise the one title that starts with the letter.
    const byAcronym = acronym !== undefined ? members[acronym.indexOf(letter)] : undefined;
    const byTitle = members.filter((e) => e.title.toLowerCase().startsWith(letter));
    const entry = byAcronym ?? (byTitle.length === 1 ? byTitle[0] : undefined);
    if (entry) return exact(entry, 'letter');
  }

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

  // "fifth", "number 9", "the last one", "final one on the list": a place alone, in a framework that numbers one kind
  // of entry, or of the kind the question names ("which principle sits at number 8", "no.2 in the relational practice list").
  if (parsed.bare !== undefined) {
    const list = namedList(index, ranking.matches, terms);
    const own = list ? index.ownTerms.get(index.positions.get(list) ?? -1) : undefined;
    const rest = terms.filter((t) => !own?.has(t));
    const kind = parsed.plural ?? only ?? named?.overview.lists ?? list?.lists ?? onlyNumberedKind(index, preferred);
    // "number 8" or "no 8" is a place for certain: other words may ask about it ("no 8 - give me an example"),
    // unless an entry answers them on its own. An ordinal is often ordinary English ("first visit"): fillers only.
    const alone = rest.every((t) => parseNumber(t) !== undefined || PLACE_FILLERS.has(t) || isListCue(index, t));
    const aboutIt =
      parsed.bareNumbered === true &&
      !ranking.matches.some((m) => m.entry.kind !== 'overview' && m.confidence >= THRESHOLDS.answer);
    const members = kind === undefined || !(alone || aboutIt) ? [] : inOrder(index, kind, preferred);
    const entry = parsed.bare < 0 ? members[members.length + parsed.bare] : members[parsed.bare - 1];
    if (entry) return exact(entry, 'number');
  }

  // Two kinds or more ("values, principles and approaches") is the framework as a whole, not one list.
  if (parsed.plural && kinds.size < 2) {
    const overview = overviewOf(index, parsed.plural, preferred, preferred);
    if (overview && isOnlyAbout(index, overview, allTerms)) return exact(overview, 'list');
    // The list asked for beside other words ("what each letter of our values means", "cares values for a supervision
    // template", "the short version of each value"): a list word or the list's acronym, and nothing of the kind
    // answering the rest ("what do our values say about culture" asks for one of them).
    const plural = parsed.plural;
    // A list word ("each", "all", "summary"), the list's acronym, or its size ("the 5 values").
    const forList = () =>
      terms.some((t) => isListCue(index, t)) ||
      parsed.words.some((w) => w === 'all' || index.lexicon.overviewCues.has(w)) ||
      (named !== undefined && named.overview === overview) ||
      terms.some((t) => parseNumber(t) === inOrder(index, plural, preferred).length);
    if (
      overview &&
      only === undefined &&
      !ranking.matches.some(
        (m) =>
          m.entry !== overview &&
          m.confidence >= (m.entry.kind === plural ? THRESHOLDS.clearLeadAnswer : THRESHOLDS.answer),
      ) &&
      forList()
    )
      return exact(overview, 'list');
  }

  // "cares acronym??", "what do the letters of CARES stand for": the acronym itself.
  if (named && isOnlyAbout(index, named.overview, terms)) return exact(named.overview, 'list');

  // "what's our framework called", "the headings of the practice framework": the framework as a whole.
  const wholeFramework = scope !== undefined || parsed.mentionsFramework ? rootOverview(index, preferred) : undefined;
  if (wholeFramework && terms.length > 0 && isOnlyAbout(index, wholeFramework, terms))
    return exact(wholeFramework, 'framework');

  // "framework overview pls", "explain the whole framework to a youth worker", "what model does CSCS work to": the
  // framework as a whole in other words, when no other entry answers the rest of the question on its own.
  if (
    wholeFramework &&
    parsed.asksForWhole &&
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

/**
 * The list a question names by an overview's own words ("the relational practice list"): the best-ranked overview
 * of a kind that shares a word of its title or aliases with the question, beyond list cues and kind words.
 */
function namedList(index: SearchIndex, matches: readonly RankedMatch[], terms: readonly string[]): Entry | undefined {
  for (const { entry } of matches) {
    if (entry.kind !== 'overview' || entry.lists === undefined) continue;
    const own = index.ownTerms.get(index.positions.get(entry) ?? -1);
    if (terms.some((t) => own?.has(t) && !isListCue(index, t) && !KIND_STEMS.has(t))) return entry;
  }
  return undefined;
}

/** Words before a plural kind that ask for one of it: "which (one) of (our|the) values", "what one of the principles". */
const ONE_OF_LINKS = new Set(['the', 'our', 'my', 'these', 'those', 'your']);
function asksForOne(words: readonly string[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i <= 3 && ONE_OF_LINKS.has(words[i] ?? '')) i--;
  if (words[i] !== 'of') return false;
  const before = words[i - 1] ?? '';
  return before === 'which' || (before === 'one' && (words[i - 2] === 'which' || words[i - 2] === 'what'));
}

function defaultSuggestions(index: SearchIndex, frameworkId: string | undefined): Match[] {
  const overviews = index.entries.filter((e) => e.kind === 'overview');
  const mine = frameworkId === undefined ? overviews : overviews.filter((e) => e.frameworkId === frameworkId);
  return mine.slice(0, 3).map((entry) => ({ entry, confidence: 0 }));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
