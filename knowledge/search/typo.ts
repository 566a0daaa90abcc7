import Fuse from 'fuse.js';
import { damerauDistance, withinDistance } from './distance';

/**
 * When is a term of the knowledge base close enough to a word to correct the word into it? This is
 * the one rule, and `closeTo` below is its one home:
 *
 * - words of fewer than 4 letters, and words with a digit, are never corrected;
 * - the term starts with the same letter (real typos rarely change the first one);
 * - it is at most `allowed` Damerau–Levenshtein edits away (insertions, deletions, substitutions and
 *   adjacent swaps): one edit for a word of 4 to 7 letters, two from 8 letters;
 * - a four-letter word is corrected only by adding a missing letter ("chld" → "child"), never by
 *   changing one, so that "book" does not become "look".
 *
 * Fuse.js is the fuzzy matcher that finds the candidates, with a threshold set wide enough
 * (FUSE_THRESHOLD) that it never turns away a term the rule accepts; the rule alone decides.
 */
export function closeTo(
  word: string,
): { readonly allowed: number; readonly lengths: readonly [number, number] } | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  return { allowed, lengths: [word.length === 4 ? 5 : word.length - allowed, word.length + allowed] };
}

/**
 * Fuse.js scores a match by its bitap errors over the word's length. One Damerau edit costs bitap at
 * most two errors (a swap is two substitutions), so a term the rule accepts scores at most
 * 2 × allowed / length: 2/5 for five letters (four-letter words only gain a letter, one error in four)
 * and 4/8 from eight. The largest of these is the threshold.
 */
export const FUSE_THRESHOLD = 0.5;

/**
 * Corrects a misspelt term to the closest term the knowledge base uses ("safegaurd" → "safeguard"),
 * by the rule of `closeTo`: the nearer term first, then the one more entries use.
 */
export class TypoCorrector {
  /** The terms of one length and first letter, and Fuse over them. */
  private readonly buckets = new Map<string, { readonly terms: readonly string[]; readonly fuse: Fuse<string> }>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly frequency: (term: string) => number,
  ) {
    const buckets = new Map<string, string[]>();
    for (const term of vocabulary) {
      const key = bucketKey(term.length, term[0] ?? '');
      const bucket = buckets.get(key) ?? [];
      bucket.push(term);
      buckets.set(key, bucket);
    }
    for (const [key, terms] of buckets) {
      this.buckets.set(key, {
        terms,
        fuse: new Fuse(terms, {
          threshold: FUSE_THRESHOLD,
          includeScore: true,
          ignoreLocation: true,
          isCaseSensitive: true,
        }),
      });
    }
  }

  correct(term: string): string | undefined {
    const close = closeTo(term);
    if (close === undefined) return undefined;
    const {
      allowed,
      lengths: [shortest, longest],
    } = close;
    let best: string | undefined;
    let bestKey = Number.POSITIVE_INFINITY;
    for (let len = shortest; len <= longest; len++) {
      const bucket = this.buckets.get(bucketKey(len, term[0] ?? ''));
      // Most words that are not in the knowledge base are not typos of it either ("password"). A
      // direct check of the bucket's few terms finds that in a few microseconds; Fuse.js, which costs
      // about 2 µs a term, then searches only a bucket that holds a near-miss.
      if (!bucket?.terms.some((t) => withinDistance(term, t, allowed))) continue;
      for (const hit of bucket.fuse.search(term)) {
        const d = damerauDistance(term, hit.item);
        if (d > allowed) continue;
        const key = d * 1e6 - this.frequency(hit.item);
        if (key < bestKey) {
          bestKey = key;
          best = hit.item;
        }
      }
    }
    return best;
  }
}

function bucketKey(length: number, first: string): string {
  return `${length}:${first}`;
}
