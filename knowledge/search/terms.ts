import { stem, words } from './analyse';
import type { Lexicon } from './lexicon';

/** Words with British spellings and acronyms expanded: the surface form questions are parsed on. */
export function surfaceWords(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const spelled = lexicon.spellings.get(w) ?? w;
    for (const s of spelled.split(' ')) out.push(s);
  }
  return out;
}

/**
 * Meaningful stemmed terms, in order: acronyms expanded and filler words dropped. Words seen while
 * indexing are remembered; with `remember` false (a person's question) new words are worked out and
 * not kept, so the process holds no list of what people typed.
 */
export function contentTerms(surface: readonly string[], lexicon: Lexicon, remember = true): string[] {
  const cache = cacheFor(lexicon);
  const out: string[] = [];
  for (const w of surface) {
    let terms = cache.get(w);
    if (terms === undefined) {
      const expansion = lexicon.acronyms.get(w) ?? lexicon.thesaurus.get(w);
      terms = (expansion === undefined ? [w] : words(expansion)).flatMap((part) => termOf(part, lexicon) ?? []);
      if (remember && cache.size < 200_000) cache.set(w, terms);
    }
    for (const t of terms) out.push(t);
  }
  return out;
}

const caches = new WeakMap<Lexicon, Map<string, readonly string[]>>();

/** How many words contentTerms remembers for this lexicon (for tests). */
export function rememberedWords(lexicon: Lexicon): number {
  return cacheFor(lexicon).size + textCacheFor(lexicon).size;
}

/** Each word's terms, worked out once: large knowledge bases repeat the same words many times. */
function cacheFor(lexicon: Lexicon): Map<string, readonly string[]> {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = new Map()));
  return cache;
}

function termOf(word: string, lexicon: Lexicon): string | undefined {
  const spelled = lexicon.spellings.get(word) ?? word;
  const canonical = lexicon.synonyms.get(spelled) ?? spelled;
  return lexicon.stopwords.has(canonical) ? undefined : stem(canonical);
}

/** `contentTerms(surfaceWords(text))`, in one pass with one cache look-up a word. */
export function analyseText(text: string, lexicon: Lexicon): string[] {
  const cache = textCacheFor(lexicon);
  const out: string[] = [];
  for (const w of words(text)) {
    let terms = cache.get(w);
    if (terms === undefined) {
      terms = contentTerms(surfaceWords(w, lexicon), lexicon);
      if (cache.size < 200_000) cache.set(w, terms);
    }
    for (const t of terms) out.push(t);
  }
  return out;
}

const textCaches = new WeakMap<Lexicon, Map<string, readonly string[]>>();

function textCacheFor(lexicon: Lexicon): Map<string, readonly string[]> {
  let cache = textCaches.get(lexicon);
  if (!cache) textCaches.set(lexicon, (cache = new Map()));
  return cache;
}
