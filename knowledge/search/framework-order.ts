import type { Entry } from '../kb/model';
import type { Kind } from '../kb/schema';
import { stem } from './analyse';
import type { Lexicon } from './lexicon';
import { RELATIVE_CUES } from './query';
import { KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { analyseText } from './terms';
import type { RankedMatch } from './rank';

/**
 * Where an entry stands in its framework, for the answers that name a place rather than a topic: the
 * overview that lists a kind (and the framework's introduction), a kind's entries in their order, and the
 * entry before, after or between ones a question names ("what comes after children's rights").
 */

/** True when every searched word is part of how the overview names itself ("what approaches sit under relational practice"). */
export function isOnlyAbout(index: SearchIndex, overview: Entry, terms: readonly string[]): boolean {
  const own = index.ownTerms.get(index.positions.get(overview) ?? -1);
  const naming = index.frameworkTerms.get(overview.frameworkId);
  const cues = listCueStems(index.lexicon);
  return terms.every((t) => own?.has(t) || naming?.has(t) || cues.has(t) || KIND_STEMS.has(t) || /^\d+$/.test(t));
}

/** Words that may sit beside a named entry in "what comes after X" without being about something else. */
const RELATIVE_FILLER = new Set([
  ...['come', 'one', 'then', 'straight', 'right', 'immediately', 'directly'].map(stem),
  ...RELATIVE_CUES,
]);

/**
 * "what comes after children's rights" (step 1), "the one before systemic responses" (step -1), "between
 * family-focused and stable relationships": only when the question names the entries by their own titles or
 * aliases, so "support after leaving care" stays an ordinary question.
 */
export function neighbourOf(
  index: SearchIndex,
  relative: 1 | -1 | 'between',
  matches: readonly RankedMatch[],
  terms: readonly string[],
): Entry | undefined {
  const nameTerms = (e: Entry) => new Set(analyseText([e.title, ...e.aliases].join(' '), index.lexicon));
  const named = matches.filter((m) => m.anchored && m.entry.kind !== 'overview').map((m) => m.entry);
  const covers = (names: ReadonlySet<string>) => terms.every((t) => names.has(t) || RELATIVE_FILLER.has(t));
  if (relative === 'between') {
    for (let i = 0; i < named.length; i++) {
      for (let j = i + 1; j < named.length; j++) {
        const [a, b] = [named[i], named[j]];
        if (!a || !b || a.kind !== b.kind || a.frameworkId !== b.frameworkId) continue;
        if (!covers(new Set([...nameTerms(a), ...nameTerms(b)]))) continue;
        const members = inOrder(index, a.kind, a.frameworkId);
        const [x, y] = [members.indexOf(a), members.indexOf(b)].sort((p, q) => p - q);
        if (x !== undefined && y !== undefined && y - x === 2) return members[x + 1];
      }
    }
    return undefined;
  }
  for (const entry of named) {
    const own = nameTerms(entry);
    // "connect before content" is an alias of its own, not a place beside it.
    if (terms.some((t) => RELATIVE_CUES.has(t) && own.has(t))) return undefined;
    if (!covers(own)) continue;
    const members = inOrder(index, entry.kind, entry.frameworkId);
    return members[members.indexOf(entry) + relative];
  }
  return undefined;
}

/** The kind of entry a framework numbers, when it numbers only one (Jersey's ingredients). */
export function onlyNumberedKind(index: SearchIndex, frameworkId: string | undefined): Kind | undefined {
  const kinds = new Set(
    index.entries.filter((e) => e.frameworkId === frameworkId && e.number !== undefined).map((e) => e.kind),
  );
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A framework's entries of one kind in their order: by number, else as the file gives them. */
export function inOrder(index: SearchIndex, kind: Kind, frameworkId: string | undefined): Entry[] {
  const members = index.entries.filter(
    (e) => e.kind === kind && !e.retired && (frameworkId === undefined || e.frameworkId === frameworkId),
  );
  return members.every((e) => e.number !== undefined)
    ? members.sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    : members;
}

/** A word that asks for a whole list ("list", "all", "overview"), as a term. */
export function isListCue(index: SearchIndex, term: string): boolean {
  return listCueStems(index.lexicon).has(term);
}

const cueStems = new WeakMap<Lexicon, ReadonlySet<string>>();

/** The lexicon's list cues as terms, worked out once per lexicon. */
function listCueStems(lexicon: Lexicon): ReadonlySet<string> {
  let stems = cueStems.get(lexicon);
  if (!stems) cueStems.set(lexicon, (stems = new Set([...lexicon.listCues].map(stem))));
  return stems;
}

export function overviewOf(
  index: SearchIndex,
  kind: Kind,
  scope: string | undefined,
  preferred: string | undefined,
): Entry | undefined {
  const overviews = index.entries.filter(
    (e) => e.kind === 'overview' && e.lists === kind && (!scope || e.frameworkId === scope),
  );
  return overviews.find((e) => e.frameworkId === preferred) ?? overviews[0];
}

/** A framework's first overview is its introduction. */
export function rootOverview(index: SearchIndex, frameworkId: string | undefined): Entry | undefined {
  return frameworkId === undefined ? index.rootOverviews.values().next().value : index.rootOverviews.get(frameworkId);
}
