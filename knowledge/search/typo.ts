import Fuse from 'fuse.js';
import { damerauDistance, withinDistance } from './distance';

/**
 * Corrects a misspelt term to the closest term the knowledge base uses ("safegaurd" → "safeguard").
 * Fuse.js finds candidates; a Damerau–Levenshtein check keeps only real near-misses, so that short
 * unrelated words ("book" → "look") are never "corrected" into the framework's vocabulary.
 */
export class TypoCorrector {
  /** The terms of one length and first letter, and Fuse over them: real typos rarely change the first letter. */
  private readonly buckets = new Map<string, { readonly terms: readonly string[]; readonly fuse: Fuse<string> }>();

  constructor(vocabulary: Iterable<string>, private readonly frequency: (term: string) => number) {
    const buckets = new Map<string, string[]>();
    for (const term of vocabulary) {
      const key = bucketKey(term.length, term[0] ?? '');
      const bucket = buckets.get(key) ?? [];
      bucket.push(term);
      buckets.set(key, bucket);
    }
    for (const [key, terms] of buckets) {
      this.buckets.set(key, { terms, fuse: new Fuse(terms, { threshold: 0.45, includeScore: true, ignoreLocation: true, isCaseSensitive: true }) });
    }
  }

  correct(term: string): string | undefined {
    if (term.length < 4 || /\d/.test(term)) return undefined;
    const allowed = term.length >= 8 ? 2 : 1;
    // A four-letter word is corrected only by adding a missing letter ("chld" → "child"), never by
    // changing one, so that "book" does not become "look".
    const shortest = term.length === 4 ? 5 : term.length - allowed;
    let best: string | undefined;
    let bestKey = Number.POSITIVE_INFINITY;
    for (let len = shortest; len <= term.length + allowed; len++) {
      const bucket = this.buckets.get(bucketKey(len, term[0] ?? ''));
      // Most words that are not in the knowledge base are not typos of it either ("password"). A
      // direct check of the bucket's few terms finds that in a few microseconds; Fuse.js, which costs
      // about 2 µs a term, then searches only a bucket that holds a near-miss. Same answers, as the
      // check below would drop every hit of the other buckets anyway.
      if (!bucket?.terms.some((t) => withinDistance(term, t, allowed))) continue;
      for (const hit of bucket.fuse.search(term, { limit: 5 })) {
        const d = damerauDistance(term, hit.item);
        if (d > allowed) continue;
        // Prefer the nearer term, then the one more entries use.
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
