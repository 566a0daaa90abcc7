import type { Concept, Reading } from './lexicon';

/**
 * What the classifier sees of a message. Mostly concepts, not words, so that it learns "a child, then
 * physical harm, then now" rather than the particular words its training messages happened to use:
 * - `c:` each concept present, and `p:` each pair of concepts present anywhere;
 * - `s:` concepts in order within three words ("physical>third": "hits her", "threat>me": "threatened me");
 * - `w:` and `b:` the words and word pairs themselves, lightly stemmed, for what the concepts miss;
 * - `f:` the first word ("how …", "i …") and `n:` the length, in bands.
 */
export function features(reading: Reading): string[] {
  const out = new Set<string>();
  const { words, concepts } = reading;
  const present = new Set<Concept>();
  for (const list of concepts) for (const c of list) present.add(c);
  const sorted = [...present].sort();
  for (const c of sorted) out.add(`c:${c}`);
  for (let a = 0; a < sorted.length; a++)
    for (let b = a + 1; b < sorted.length; b++) out.add(`p:${sorted[a]}+${sorted[b]}`);
  for (let i = 0; i < concepts.length; i++) {
    for (let j = i + 1; j <= i + 3 && j < concepts.length; j++) {
      for (const a of concepts[i] ?? []) for (const b of concepts[j] ?? []) if (a !== b) out.add(`s:${a}>${b}`);
    }
  }
  const stems = words.map(stem);
  for (let i = 0; i < stems.length; i++) {
    out.add(`w:${stems[i]}`);
    if (i + 1 < stems.length) out.add(`b:${stems[i]}_${stems[i + 1]}`);
  }
  for (const w of words) {
    const padded = `^${w}$`;
    for (const n of [4]) for (let i = 0; i + n <= padded.length; i++) out.add(`g:${padded.slice(i, i + n)}`);
  }
  out.add(`f:${stems[0] ?? ''}`);
  const n = words.length;
  out.add(`n:${n <= 2 ? 'tiny' : n <= 5 ? 'short' : n <= 12 ? 'mid' : 'long'}`);
  return [...out];
}

/** "hitting" → "hitt", "bruises" → "bruis": enough to let word forms share a weight. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
}
