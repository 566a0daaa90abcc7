/**
 * An entry named by its title or an alias right before its kind word, in the singular: "sharing value - what does it
 * mean", "the systemic practice ingredient, the one about relational context", "the caring language principle". The
 * kind word says the words before it are the entry's name, so a list that shares that word ("CARES" says "sharing")
 * or a neighbour the rest of the question also describes does not take it.
 */
import type { Entry } from '../kb/model';
import { stem } from './analyse';
import { KIND_STEMS } from './search-index';
import type { SearchIndex } from './search-index';
import { surfaceWords } from './terms';

interface Name {
  readonly entry: Entry;
  readonly words: readonly string[];
}

const names = new WeakMap<SearchIndex, readonly Name[]>();

/** Each entry's title and aliases as words, longest first, so "systemic practice" is tried before "practice". */
function namesOf(index: SearchIndex): readonly Name[] {
  let known = names.get(index);
  if (!known) {
    known = index.entries
      .filter((e) => e.kind !== 'overview' && !e.retired)
      .flatMap((entry) =>
        [entry.title, ...(entry.aliases ?? [])].map((name) => ({ entry, words: surfaceWords(name, index.lexicon) })),
      )
      .filter((n) => n.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    names.set(index, known);
  }
  return known;
}

/** The entry of the asker's framework whose name comes right before a singular word for its own kind. */
export function titledAsked(
  index: SearchIndex,
  words: readonly string[],
  frameworkId: string | undefined,
): Entry | undefined {
  if (frameworkId === undefined) return undefined;
  for (let at = 1; at < words.length; at++) {
    const word = words[at] ?? '';
    const kind = word.endsWith('s') ? undefined : KIND_STEMS.get(stem(word));
    if (kind === undefined) continue;
    const named = namesOf(index).find(
      (n) =>
        n.entry.kind === kind &&
        n.entry.frameworkId === frameworkId &&
        n.words.length <= at &&
        n.words.every((w, k) => words[at - n.words.length + k] === w),
    );
    if (named) return named.entry;
  }
  return undefined;
}
