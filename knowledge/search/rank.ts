import type { Match } from './answer';
import type { SearchIndex } from './search-index';

/** Entries of the framework the question names keep their score; others keep this share. */
export const OUT_OF_SCOPE = 0.5;
/** When no framework is named, entries outside the asker's own framework keep this share. */
export const NOT_PREFERRED = 0.85;
/** Extra weight for a whole multi-word title or alias found in the question, per unit of its terms' idf. */
export const PHRASE_BONUS = 0.4;
/** An entry of the kind the question names ("the principle about curiosity") gets this factor. */
export const KIND_PREFERENCE = 1.15;
/** Scores above a full match stop counting, so extra matches cannot outweigh a framework preference. */
export const MAX_RAW = 1.25;
/** A corrected typo counts a little less than the word itself. */
export const TYPO_FACTOR = 0.9;
/** A field weight at or above this (keywords, aliases, title) anchors an entry to the question. */
export const ANCHOR_WEIGHT = 0.8;
/**
 * The share the whole-text BM25 score adds beside the hand-tuned fields when ordering matches: it tells
 * apart entries whose fields tie, by how much of their whole text (the typical questions included) is about
 * the question's words. Confidence stays the fields' own: on the development sets, letting BM25 raise it
 * answered a few more questions but as many more wrongly (docs/search-quality.md).
 */
export const FULL_TEXT_SHARE = 0.15;
/** How many of the best matches are kept: enough for an answer, 3 alternatives and a margin. */
export const KEEP = 10;

export interface Ranking {
  /** Best first, at most KEEP. */
  readonly matches: readonly RankedMatch[];
  /** The share of the question's meaning made of words the knowledge base uses at all. */
  readonly knownShare: number;
}

export interface RankedMatch extends Match {
  /** Matched a title, alias or keyword, or a whole phrase: not only words in passing. */
  readonly anchored: boolean;
}

export interface RankOptions {
  readonly scope: string | undefined;
  readonly preferred: string | undefined;
  readonly kinds?: ReadonlySet<string> | undefined;
  /** Only entries of this framework are ranked at all (the asker's, or the one the question names). */
  readonly keep?: string | undefined;
}

/** Scratch space reused across calls (answering is synchronous), so large bases allocate nothing per entry. */
const scratch = new WeakMap<SearchIndex, { scores: Float64Array; anchored: Uint8Array }>();

/**
 * Scores every entry that shares a term with the question. Confidence is the share of the
 * question's meaning (idf-weighted terms) that the entry covers, weighted by where it matched:
 * a question whose words the knowledge base does not use scores near 0 ("what's the wifi password").
 */
export function rank(index: SearchIndex, rawTerms: readonly string[], options: RankOptions): Ranking {
  const terms: string[] = [];
  const factors: number[] = [];
  let possible = 0;
  let known = 0;
  for (const raw of rawTerms) {
    let term = raw;
    let factor = 1;
    if (!index.postings.has(term)) {
      const corrected = index.typos.correct(term);
      if (corrected !== undefined) {
        term = corrected;
        factor = TYPO_FACTOR;
      }
    }
    if (terms.includes(term)) continue;
    terms.push(term);
    factors.push(factor);
    possible += index.idf(term);
    if (index.postings.has(term)) known += index.idf(term);
  }
  if (possible === 0) return { matches: [], knownShare: 0 };

  let buffers = scratch.get(index);
  if (!buffers) {
    buffers = { scores: new Float64Array(index.entries.length), anchored: new Uint8Array(index.entries.length) };
    scratch.set(index, buffers);
  }
  const { scores, anchored } = buffers;
  const touched: number[] = [];
  const touch = (entry: number) => {
    if (scores[entry] === 0 && anchored[entry] === 0) touched.push(entry);
  };

  terms.forEach((term, k) => {
    const list = index.postings.get(term);
    if (!list) return;
    const weight = index.idf(term) * (factors[k] ?? 1);
    for (let p = 0; p < list.entries.length; p++) {
      const entry = list.entries[p] ?? 0;
      const w = list.weights[p] ?? 0;
      touch(entry);
      scores[entry] = (scores[entry] ?? 0) + weight * w;
      // A corrected typo is a guess: it adds to the score but does not tie the question to the entry ("claim" is not "climate").
      if (w >= ANCHOR_WEIGHT && (factors[k] ?? 1) === 1) anchored[entry] = 1;
    }
  });

  for (let i = 0; i < terms.length; i++) {
    const seen = new Set<number>();
    for (const phrase of index.phrases.get(terms[i] ?? '') ?? []) {
      if (seen.has(phrase.entry) || !phrase.terms.every((t, k) => terms[i + k] === t)) continue;
      seen.add(phrase.entry);
      touch(phrase.entry);
      scores[phrase.entry] =
        (scores[phrase.entry] ?? 0) + phrase.terms.reduce((sum, t) => sum + index.idf(t), 0) * PHRASE_BONUS;
      anchored[phrase.entry] = 1;
    }
  }

  // Keep the best KEEP by insertion: cheaper than sorting every touched entry of a large base.
  const best: Array<RankedMatch & { raw: number; index: number }> = [];
  for (const i of touched) {
    const entry = index.entries[i];
    const score = scores[i] ?? 0;
    const isAnchored = anchored[i] === 1;
    scores[i] = 0;
    anchored[i] = 0;
    if (!entry || score === 0) continue;
    if (options.keep !== undefined && entry.frameworkId !== options.keep) continue;
    let share = 1;
    if (options.scope !== undefined && entry.frameworkId !== options.scope) share = OUT_OF_SCOPE;
    else if (options.scope === undefined && options.preferred !== undefined && entry.frameworkId !== options.preferred)
      share = NOT_PREFERRED;
    if (options.kinds?.has(entry.kind)) share *= KIND_PREFERENCE;
    // Cap before the framework share, so a preference still decides between two full matches.
    const raw = Math.min(score / possible, MAX_RAW) * share;
    const last = best[best.length - 1];
    if (best.length === KEEP && last && !isBetter(raw, entry.id, last.raw, last.entry.id)) continue;
    let at = best.length;
    while (at > 0 && isBetter(raw, entry.id, best[at - 1]?.raw ?? 0, best[at - 1]?.entry.id ?? '')) at--;
    best.splice(at, 0, { entry, index: i, raw, confidence: Math.min(1, raw), anchored: isAnchored });
    if (best.length > KEEP) best.pop();
  }
  // Beside the fields' score, BM25 over each kept entry's whole text orders them; only the few kept are
  // scored, by looking their counts up in the terms' postings, so the pass over every posting stays as it was.
  // A full match on the fields (a title, an alias) keeps its place: BM25 orders the partial ones.
  for (const m of best) if (m.raw < 1) m.raw += FULL_TEXT_SHARE * wholeText(index, terms, factors, possible, m.index);
  best.sort((a, b) => (isBetter(a.raw, a.entry.id, b.raw, b.entry.id) ? -1 : 1));
  return {
    matches: best.map(({ entry, confidence, anchored: a }) => ({ entry, confidence, anchored: a })),
    knownShare: known / possible,
  };
}

/** BM25's term-frequency saturation and length normalisation, at their usual values. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * The entry's BM25 score for the question's terms over its whole text, as a share of the most it could be
 * (every term, saturated): 0 to 1. The postings are in entry order, so each count is a binary search.
 */
function wholeText(
  index: SearchIndex,
  terms: readonly string[],
  factors: readonly number[],
  possible: number,
  entry: number,
): number {
  const norm = 1 - BM25_B + (BM25_B * (index.lengths[entry] ?? index.averageLength)) / index.averageLength;
  let sum = 0;
  terms.forEach((term, k) => {
    const list = index.postings.get(term);
    if (!list) return;
    let lo = 0;
    let hi = list.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = list.entries[mid] ?? 0;
      if (e === entry) {
        const tf = list.counts[mid] ?? 0;
        sum += index.idf(term) * (factors[k] ?? 1) * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm));
        return;
      }
      if (e < entry) lo = mid + 1;
      else hi = mid - 1;
    }
  });
  return sum / (possible * (BM25_K1 + 1));
}

function isBetter(raw: number, id: string, otherRaw: number, otherId: string): boolean {
  return raw > otherRaw || (raw === otherRaw && id < otherId);
}
