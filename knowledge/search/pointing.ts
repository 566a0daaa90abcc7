/**
 * How a question points at an entry without naming it: by its initial ("the value beginning with E"), by its
 * place in a list ("which principle sits at number 8"), or by asking for a whole list ("cares values for a
 * supervision template"). answer.ts asks these in turn, after a letter of an acronym and before search.
 */
import type { Entry } from '../kb/model';
import type { Kind } from '../kb/schema';
import { isListCue, isOnlyAbout, inOrder, onlyNumberedKind, overviewOf } from './framework-order';
import { parseNumber } from './numbers';
import type { ParsedQuestion } from './query';
import type { RankedMatch } from './rank';
import { KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { contentTerms, surfaceWords } from './terms';
import { THRESHOLDS } from './thresholds';

/** What answer.ts has read of a question, for the ways of pointing below. */
export interface Asked {
  readonly index: SearchIndex;
  readonly parsed: ParsedQuestion;
  /** The ranking's matches, best first. */
  readonly matches: readonly RankedMatch[];
  /** The question's content terms without kind words, and with them. */
  readonly terms: readonly string[];
  readonly allTerms: readonly string[];
  /** The list an acronym in the question names ("CARES"). */
  readonly named: ReturnType<SearchIndex['acronyms']['get']>;
  readonly preferred: string | undefined;
  /** The one kind the question names in the singular ("which value…"). */
  readonly only: Kind | undefined;
  readonly kinds: ReadonlySet<string>;
}

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

/** "the value beginning with E", "the A in CARES": a member of a list by its initial. */
export function initialAsked({ index, parsed, preferred }: Asked): Entry | undefined {
  if (!parsed.initial) return undefined;
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
  return byAcronym ?? (byTitle.length === 1 ? byTitle[0] : undefined);
}

/**
 * "fifth", "number 9", "the last one", "final one on the list": a place alone, in a framework that numbers one kind
 * of entry, or of the kind the question names ("which principle sits at number 8", "no.2 in the relational practice list").
 */
export function placeAsked({ index, parsed, matches, terms, named, preferred, only }: Asked): Entry | undefined {
  if (parsed.bare === undefined) return undefined;
  const bare = parsed.bare;
  const list = namedList(index, matches, terms);
  const own = list ? index.ownTerms.get(index.positions.get(list) ?? -1) : undefined;
  const rest = terms.filter((t) => !own?.has(t));
  const kind = parsed.plural ?? only ?? named?.overview.lists ?? list?.lists ?? onlyNumberedKind(index, preferred);
  // "number 8" or "no 8" is a place for certain: other words may ask about it ("no 8 - give me an example"),
  // unless an entry answers them on its own. An ordinal is often ordinary English ("first visit"): fillers only.
  const alone = rest.every((t) => isPlaceWord(index, t));
  const aboutIt =
    parsed.bareNumbered === true &&
    !matches.some((m) => m.entry.kind !== 'overview' && m.confidence >= THRESHOLDS.answer);
  const members = kind === undefined ? [] : inOrder(index, kind, preferred);
  const member = bare < 0 ? members[members.length + bare] : members[bare - 1];
  if (alone || aboutIt) return member;
  // "the 2nd one on the list, family something?", "number 8 - systemic something": the place and a word of its
  // member's name agree (the name half remembered), whatever else shares that word.
  return member && rest.length > 0 && rest.every((t) => isPlaceWord(index, t) || nameTerms(index, member).has(t))
    ? member
    : undefined;
}

function isPlaceWord(index: SearchIndex, term: string): boolean {
  return parseNumber(term) !== undefined || PLACE_FILLERS.has(term) || isListCue(index, term);
}

/** The question says one of the entry's names whole, as words ("core values", "practice approaches"). */
function saysName(index: SearchIndex, words: readonly string[], entry: Entry): boolean {
  return [entry.title, ...entry.aliases].some((name) => {
    const said = surfaceWords(name, index.lexicon);
    // A word beside the kind's own ("core values", not "our values", which asks of one value as often as of all).
    const own = contentTerms(said, index.lexicon, false).filter((t) => !KIND_STEMS.has(t));
    if (said.length < 2 || own.length === 0) return false;
    for (let at = 0; at + said.length <= words.length; at++) if (said.every((w, k) => words[at + k] === w)) return true;
    return false;
  });
}

/** An entry's title and alias terms. */
function nameTerms(index: SearchIndex, entry: Entry): ReadonlySet<string> {
  const names = [entry.title, ...entry.aliases].map((name) => surfaceWords(name, index.lexicon));
  return new Set(names.flatMap((words) => contentTerms(words, index.lexicon, false)));
}

/** A whole list ("the cares values"); two kinds or more ("values, principles and approaches") is the framework. */
export function listAsked({
  index,
  parsed,
  matches,
  terms,
  allTerms,
  named,
  preferred,
  only,
  kinds,
}: Asked): Entry | undefined {
  if (!parsed.plural || kinds.size >= 2) return undefined;
  const overview = overviewOf(index, parsed.plural, preferred, preferred);
  if (overview && isOnlyAbout(index, overview, allTerms)) return overview;
  // The list asked for beside other words ("what each letter of our values means", "cares values for a supervision
  // template", "the short version of each value"): a list word or the list's acronym, and nothing of the kind
  // answering the rest ("what do our values say about culture" asks for one of them).
  const plural = parsed.plural;
  // A list word ("each", "all", "summary"), the list's acronym or a name of it ("core values"), or its size ("the 5 values").
  const forList = () =>
    terms.some((t) => isListCue(index, t)) ||
    parsed.words.some((w) => w === 'all' || index.lexicon.overviewCues.has(w)) ||
    (named !== undefined && named.overview === overview) ||
    (overview !== undefined && saysName(index, parsed.words, overview)) ||
    terms.some((t) => parseNumber(t) === inOrder(index, plural, preferred).length);
  if (
    overview &&
    only === undefined &&
    !matches.some(
      (m) =>
        m.entry !== overview &&
        m.confidence >= (m.entry.kind === plural ? THRESHOLDS.clearLeadAnswer : THRESHOLDS.answer),
    ) &&
    forList()
  )
    return overview;
  return undefined;
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
export function asksForOne(words: readonly string[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i <= 3 && ONE_OF_LINKS.has(words[i] ?? '')) i--;
  if (words[i] !== 'of') return false;
  const before = words[i - 1] ?? '';
  return before === 'which' || (before === 'one' && (words[i - 2] === 'which' || words[i - 2] === 'what'));
}
