import type { Lexicon } from './lexicon';
import { analyseText } from './terms';
import { forEachWord } from './analyse';
import type { Postings } from './search-index';

/** How much each further field holding a term adds to its best field's weight. */
export const SPREAD = 0.1;

/**
 * Builds the term → entries table. Terms are interned as integer ids and each word's terms are
 * worked out once, so that a 10,000-entry manual indexes in well under the 2-second budget.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly entries: number[][] = [];
  private readonly weights: number[][] = [];
  private readonly wordTerms = new Map<string, readonly number[]>();
  // Per term, for the entry being built: best field weight, summed weight, and the last field that held it.
  private readonly best: number[] = [];
  private readonly total: number[] = [];
  private readonly lastField: number[] = [];
  /** Per term, how often it occurs in the current entry's whole text (every field); per entry, its length. */
  private readonly tf: number[] = [];
  private readonly counts: number[][] = [];
  private readonly lengths: number[] = [];
  private length = 0;
  private touched: number[] = [];
  private field = 0;
  private correctable = true;
  /** Per term: whether a field typos may be corrected into holds it. */
  private readonly inVocabulary: boolean[] = [];

  constructor(private readonly lexicon: Lexicon) {}

  /**
   * Adds one field of the current entry. With `correctable` false its words are searched but are not words a
   * typo is corrected into (the typical staff questions: staff's words, not the framework's).
   */
  addField(text: string, weight: number, correctable = true): void {
    this.field++;
    this.correctable = correctable;
    forEachWord(text, (w) => {
      let ids = this.wordTerms.get(w);
      if (ids === undefined) {
        ids = analyseText(w, this.lexicon).map((t) => this.idOf(t));
        this.wordTerms.set(w, ids);
      }
      for (const id of ids) this.mark(id, weight);
    });
  }

  /** Adds terms already analysed (titles and aliases, whose terms the caller also keeps). */
  addTerms(terms: readonly string[], weight: number): void {
    this.field++;
    this.correctable = true;
    for (const t of terms) this.mark(this.idOf(t), weight);
  }

  /** Closes the current entry, recording each of its terms once. */
  endEntry(entry: number): void {
    this.lengths[entry] = this.length;
    this.length = 0;
    for (const id of this.touched) {
      const b = this.best[id] ?? 0;
      this.entries[id]?.push(entry);
      this.counts[id]?.push(this.tf[id] ?? 0);
      this.tf[id] = 0;
      // A term in several fields (title, summary and text) is more central than one in a single field.
      this.weights[id]?.push(b + SPREAD * ((this.total[id] ?? b) - b));
      this.best[id] = 0;
      this.total[id] = 0;
    }
    this.touched = [];
  }

  build(): Map<string, Postings> {
    const postings = new Map<string, Postings>();
    this.names.forEach((name, id) => {
      postings.set(name, {
        entries: Int32Array.from(this.entries[id] ?? []),
        weights: Float32Array.from(this.weights[id] ?? []),
        counts: saturated(this.counts[id] ?? []),
      });
    });
    return postings;
  }

  /** The terms a misspelt word may be corrected into: every term but those only in uncorrectable fields. */
  typoVocabulary(): string[] {
    return this.names.filter((_, id) => this.inVocabulary[id] === true);
  }

  /** Each entry's length in terms, every field together: BM25 scales a term's count by it. */
  entryLengths(): Float32Array {
    const lengths = new Float32Array(this.lengths.length);
    for (let i = 0; i < lengths.length; i++) lengths[i] = this.lengths[i] ?? 0;
    return lengths;
  }

  private mark(id: number, weight: number): void {
    if (this.correctable) this.inVocabulary[id] = true;
    this.tf[id] = (this.tf[id] ?? 0) + 1;
    this.length++;
    if (this.lastField[id] === this.field) return;
    this.lastField[id] = this.field;
    const b = this.best[id] ?? 0;
    if (b === 0 && (this.total[id] ?? 0) === 0) this.touched.push(id);
    this.total[id] = (this.total[id] ?? 0) + weight;
    if (weight > b) this.best[id] = weight;
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      this.entries.push([]);
      this.weights.push([]);
      this.counts.push([]);
      this.tf.push(0);
      this.best.push(0);
      this.total.push(0);
      this.lastField.push(-1);
    }
    return id;
  }
}

/** Counts as bytes: a term said more than 255 times in one entry counts 255 (BM25 has long saturated). */
function saturated(counts: readonly number[]): Uint8Array {
  const out = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = Math.min(counts[i] ?? 0, 255);
  return out;
}
