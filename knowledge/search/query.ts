import type { Kind } from '../kb/schema';
import { stem } from './analyse';
import { parseNumber } from './numbers';
import { KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { asksForWholeFramework, findFramework } from './whole-framework';

/** What a question asks for, beyond its words. */
export interface ParsedQuestion {
  /** The framework the question names, if any ("jersey trauma informed"). */
  readonly frameworkId?: string;
  /** "principle 7", "the 4th principle", "ingredient three"; "the last ingredient" is number LAST. */
  readonly numbered?: { readonly kind: Kind; readonly number: number };
  /** A place with no kind word ("fifth", "number 9", "the last one"): LAST counts from the end. */
  readonly bare?: number;
  /** The place was given as "number 8", "no 8", "no.2": a place for certain, not an ordinary "first visit". */
  readonly bareNumbered?: boolean;
  /** "what comes after children's rights", "the one before systemic responses", "between X and Y". */
  readonly relative?: 1 | -1 | 'between';
  /** "the value beginning with E": an entry of a kind, by the first letter of its title. */
  readonly initial?: { readonly kind: Kind | undefined; readonly letter: string };
  /** "the E in CARES". */
  readonly letter?: { readonly acronym: string; readonly letter: string };
  /** An overview's acronym named on its own ("what is CARES", "accountability in CARES"). */
  readonly acronym?: string;
  /** A plural kind word: "list the principles", "what are our values". */
  readonly plural?: Kind;
  /** The question names "the framework" itself ("what's our practice framework"). */
  readonly mentionsFramework: boolean;
  /**
   * Beside the framework named, words that ask for it as a whole: an overview cue ("the whole framework", "in a
   * nutshell"), or "what framework…", "which model…" (one framework, in the singular).
   */
  readonly asksForWhole: boolean;
  /** The remaining words, to search on. */
  readonly words: readonly string[];
}

const NUMBER_LINKS = new Set(['number', 'no', 'num', 'nr', 'item']);
/** "the last ingredient", "the final principle"; "the penultimate one" is one before. */
const FROM_END: ReadonlyMap<string, number> = new Map([
  ['last', -1],
  ['final', -1],
  ['penultimate', -2],
  ['antepenultimate', -3],
]);

/** "second to last", "second last", "one before last" read as "penultimate"; "third to last" as "antepenultimate". */
function mergePlaces(surface: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < surface.length; i++) {
    const w = surface[i] ?? '';
    const gap = surface[i + 1] === 'to' || surface[i + 1] === 'from' || surface[i + 1] === 'before' ? 2 : 1;
    const last = surface[i + gap] === 'last' || (surface[i + gap] === 'the' && surface[i + gap + 1] === 'end');
    const place =
      w === 'second' || (w === 'one' && gap === 2) ? 'penultimate' : w === 'third' ? 'antepenultimate' : undefined;
    if (place && last) {
      out.push(place);
      i += gap + (surface[i + gap] === 'the' ? 1 : 0);
      continue;
    }
    out.push(w);
  }
  return out;
}
/** The number that stands for "the last one"; LAST - 1 is the one before it. */
export const LAST = -1;
/** The number that stands for "the middle one" ("middle value of the five"): parseNumber never gives 0. */
export const MIDDLE = 0;
/** Words between a place and its kind that do not change it: "the first relational principle". */
const PLACE_LINKS = new Set(['the', 'of', 'our', 'my', 'ten', '10', 'nine', '9', 'five', '5', 'seven', '7']);
const AFTER = new Set(['after', 'next', 'following', 'follows']);
const BEFORE = new Set(['before', 'preceding', 'precedes']);
/** The words that place one entry beside another, as terms. */
export const RELATIVE_CUES: ReadonlySet<string> = new Set([...AFTER, ...BEFORE, 'between'].map(stem));
/** "the value beginning with E", "the principle that starts with a b", "value begins w e". */
const INITIAL_VERBS = new Set(['beginning', 'begins', 'begin', 'starting', 'starts', 'start', 'begining', 'startin']);
const INITIAL_LINKS = new Set(['with', 'w', 'wiv', 'by', 'the', 'letter', 'a', 'an']);
const LETTER_LINKS = new Set(['in', 'of', 'for', 'from', 'stand', 'stands', 'mean', 'means']);

export function parseQuestion(asked: readonly string[], index: SearchIndex): ParsedQuestion {
  const surface = mergePlaces(asked);
  const used = new Set<number>();
  const frameworkId = findFramework(surface, index, used);
  const named = new Set(used);
  const mentionsFramework = consumePhrases(surface, index.lexicon.frameworkWords, used);
  const asksForWhole =
    (mentionsFramework || frameworkId !== undefined) &&
    asksForWholeFramework(surface, index.lexicon.overviewCues, named, used);
  // "number of approaches", "how many principles": a count asks for the list.
  surface.forEach((w, i) => {
    const kindAfter = KIND_STEMS.get(stem(surface[i + 2] ?? ''));
    if (
      kindAfter &&
      (surface[i + 2] ?? '').endsWith('s') &&
      ((w === 'number' && surface[i + 1] === 'of') || (w === 'how' && surface[i + 1] === 'many'))
    ) {
      used.add(i);
      used.add(i + 1);
    }
  });
  const numbered = findNumbered(surface, used);
  const initial = numbered ? undefined : findInitial(surface, used);
  const letter = numbered || initial ? undefined : findLetter(surface, index, used);
  const bareAt = numbered || initial || letter ? undefined : findBare(surface, used);
  const bare = bareAt?.place;
  const relativeAt = surface.findIndex((w, i) => !used.has(i) && (AFTER.has(w) || BEFORE.has(w) || w === 'between'));
  const cue = surface[relativeAt] ?? '';
  // Not consumed: when no entry is named beside it, "before" is an ordinary word ("connect before content").
  const relative = cue === 'between' ? 'between' : AFTER.has(cue) ? 1 : BEFORE.has(cue) ? -1 : undefined;
  const acronym = letter ? undefined : surface.find((w, i) => !used.has(i) && index.acronyms.has(w) && used.add(i));
  let plural: Kind | undefined;
  surface.forEach((w, i) => {
    if (used.has(i) || !w.endsWith('s')) return;
    const kind = KIND_STEMS.get(stem(w));
    if (kind && !plural) plural = kind;
  });
  return {
    ...(frameworkId !== undefined && { frameworkId }),
    ...(numbered !== undefined && { numbered }),
    ...(initial !== undefined && { initial }),
    ...(bare !== undefined && { bare }),
    ...(bareAt?.numbered && { bareNumbered: true }),
    ...(relative !== undefined && { relative }),
    ...(letter !== undefined && { letter }),
    ...(plural !== undefined && { plural }),
    ...(acronym !== undefined && { acronym }),
    mentionsFramework,
    asksForWhole,
    words: surface.filter((_, i) => !used.has(i)),
  };
}

function consumePhrases(
  surface: readonly string[],
  phrases: readonly (readonly string[])[],
  used: Set<number>,
): boolean {
  let found = false;
  for (const words of phrases) {
    for (let i = 0; i + words.length <= surface.length; i++) {
      if (words.every((w, k) => surface[i + k] === w && !used.has(i + k))) {
        found = true;
        for (let k = 0; k < words.length; k++) used.add(i + k);
      }
    }
  }
  return found;
}

function findNumbered(surface: readonly string[], used: Set<number>): ParsedQuestion['numbered'] {
  for (let i = 0; i < surface.length; i++) {
    const kind = KIND_STEMS.get(stem(surface[i] ?? ''));
    if (!kind || used.has(i)) continue;
    // "principle 7", "principle number 7"
    let j = i + 1;
    if (NUMBER_LINKS.has(surface[j] ?? '')) j++;
    let n = parseNumber(surface[j] ?? '');
    const fromEnd = FROM_END.get(surface[i - 1] ?? '') ?? (surface[i - 1] === 'middle' ? MIDDLE : undefined);
    if (n === undefined && fromEnd !== undefined && !(surface[i] ?? '').endsWith('s')) {
      j = i - 1;
      n = fromEnd;
    } else if (n === undefined) {
      // "7th principle", "the seventh principle"; but "the 10 principles" is a count, not a reference.
      j = i - 1;
      const before = surface[j] ?? '';
      // Before a kind word a cardinal is a count too ("one principle a week"): only "7th" or "seventh" is a place.
      const isCount = !/(st|nd|rd|th)$/.test(before);
      n = isCount ? undefined : parseNumber(before);
      // "the first relational principle", "10th relational principle": one describing word between.
      const described = surface[i - 2] ?? '';
      if (n === undefined && /^[a-z]{4,}$/.test(before) && !used.has(i - 1) && !used.has(i - 2)) {
        const place =
          FROM_END.get(described) ?? (/(st|nd|rd|th)$/.test(described) ? parseNumber(described) : undefined);
        if (place !== undefined && !(surface[i] ?? '').endsWith('s')) {
          j = i - 2;
          n = place;
        }
      }
      // "no 3 of the relational principles", "the 3rd of our ten principles", "middle value of the five".
      if (n === undefined) {
        let k = i - 1;
        while (
          k > i - 5 &&
          k >= 0 &&
          // A framework's name (already read) or a describing word may stand between too.
          (PLACE_LINKS.has(surface[k] ?? '') || used.has(k) || /^[a-z]{4,}$/.test(surface[k] ?? '')) &&
          surface[k] !== 'of'
        )
          k--;
        if (surface[k] === 'of') {
          const at = surface[k - 1] ?? '';
          const place =
            /(st|nd|rd|th)$/.test(at) || NUMBER_LINKS.has(surface[k - 2] ?? '')
              ? parseNumber(at)
              : (FROM_END.get(at) ?? (at === 'middle' ? MIDDLE : undefined));
          if (place !== undefined) {
            for (let u = k; u < i; u++) used.add(u);
            if (NUMBER_LINKS.has(surface[k - 2] ?? '')) used.add(k - 2);
            j = k - 1;
            n = place;
          }
        }
      }
    }
    if (n !== undefined) {
      used.add(i);
      used.add(j);
      if (j === i + 2) used.add(i + 1);
      return { kind, number: n };
    }
  }
  return undefined;
}

/** "fifth", "number 9", "no. 3", "the last one": a place, without a kind word. */
function findBare(surface: readonly string[], used: Set<number>): { place: number; numbered: boolean } | undefined {
  for (let i = 0; i < surface.length; i++) {
    if (used.has(i)) continue;
    const w = surface[i] ?? '';
    const next = surface[i + 1] ?? '';
    const fromEnd = FROM_END.get(w);
    // A bare count is a number as often as a place ("5 sws"): only an ordinal or "number 5" is a place.
    const ordinal = /(st|nd|rd|th)$/.test(w) ? parseNumber(w) : undefined;
    const numbered =
      w === 'number' ? parseNumber(next) : NUMBER_LINKS.has(w) && /^\d+$/.test(next) ? parseNumber(next) : undefined;
    const n = fromEnd ?? ordinal ?? numbered;
    if (n === undefined) continue;
    used.add(i);
    if (numbered !== undefined) used.add(i + 1);
    return { place: n, numbered: numbered !== undefined };
  }
  return undefined;
}

function findInitial(surface: readonly string[], used: Set<number>): ParsedQuestion['initial'] {
  for (let i = 0; i < surface.length; i++) {
    const w = surface[i] ?? '';
    const kind = KIND_STEMS.get(stem(w));
    // "the one beginning with V" names no kind: the framework's own decides.
    if ((!kind && w !== 'one') || used.has(i)) continue;
    // "the T one", "the E value".
    const before = surface[i - 1] ?? '';
    if (before.length === 1 && /[a-z]/.test(before) && before !== 'a' && surface[i - 2] === 'the') {
      used.add(i - 1);
      used.add(i);
      return { kind, letter: before };
    }
    // The kind word, perhaps "that" or "which", a verb of beginning, then the letter after a few links.
    let j = i + 1;
    while (j < surface.length && j <= i + 3 && !INITIAL_VERBS.has(surface[j] ?? '')) j++;
    if (!INITIAL_VERBS.has(surface[j] ?? '')) continue;
    let k = j + 1;
    while (k < surface.length && k <= j + 3 && (surface[k] ?? '').length !== 1) {
      if (!INITIAL_LINKS.has(surface[k] ?? '')) break;
      k++;
    }
    // "with a b": the last one-letter word before anything else is the letter.
    while ((surface[k + 1] ?? '').length === 1 && (surface[k] === 'a' || surface[k] === 'the')) k++;
    const letter = surface[k] ?? '';
    if (letter.length !== 1 || !/[a-z]/.test(letter)) continue;
    // "the values that begin with c a r e s" spell a word out: not one initial.
    if ((surface[k + 1] ?? '').length === 1) continue;
    for (let u = i; u <= k; u++) used.add(u);
    return { kind, letter };
  }
  return undefined;
}

function findLetter(surface: readonly string[], index: SearchIndex, used: Set<number>): ParsedQuestion['letter'] {
  for (let j = 0; j < surface.length; j++) {
    const acronym = surface[j] ?? '';
    if (!index.acronyms.has(acronym)) continue;
    // Before it ("the S stands for what in CARES"), nearest first, then after it ("cares, what's the A for").
    const near = [
      ...Array.from({ length: Math.min(j, 5) }, (_, k) => j - 1 - k),
      ...Array.from({ length: 5 }, (_, k) => j + 1 + k).filter((i) => i < surface.length),
    ];
    // Letters spelt out one by one ("c a r e s") are the acronym itself, not one of its letters.
    if (near.filter((i) => (surface[i] ?? '').length === 1).length >= 3) continue;
    for (const i of near) {
      const letter = surface[i] ?? '';
      if (letter.length !== 1 || !acronym.includes(letter)) continue;
      // "a" and "i" are also words: accept them only as "the A", or "A in/stands for…".
      const plainWord = letter === 'a' || letter === 'i';
      if (plainWord && surface[i - 1] !== 'the' && !LETTER_LINKS.has(surface[i + 1] ?? '')) continue;
      used.add(i);
      used.add(j);
      return { acronym, letter };
    }
  }
  return undefined;
}
