// Names that are public, not personal (names.yaml's researchers and the framework's own people): which
// words of a message are part of one. Split from names.ts, which asks here before it calls a word a name.

/**
 * The public phrases (names.yaml's and the framework's own), each word lower case, listed under their
 * first word: a message's words are looked up, not every phrase tried at every word.
 */
export type PublicPhrases = ReadonlyMap<string, readonly (readonly string[])[]>;

/** Made once per list of public names: `publicNamesOf` gives one frozen list per knowledge base. */
const phrasesFor = new WeakMap<readonly string[], PublicPhrases>();
const NO_PUBLIC_NAMES: readonly string[] = Object.freeze([]);

export function publicPhrases(base: readonly (readonly string[])[], publicNames: readonly string[]): PublicPhrases {
  // A list that may still change is read afresh; an empty or frozen one only once.
  const key = publicNames.length === 0 ? NO_PUBLIC_NAMES : Object.isFrozen(publicNames) ? publicNames : undefined;
  const cached = key && phrasesFor.get(key);
  if (cached) return cached;
  const extraPublic = publicNames.flatMap((p) => {
    const parts = p
      .toLowerCase()
      .split(/[,()]/)
      .map((part) =>
        part
          .trim()
          .replace(/'/g, '')
          .split(/[\s-]+/),
      )
      .filter((part) => part.length > 0 && part[0] !== '');
    // The framework's own people by any of their names: "Russ", "Bellenie", "Russ Bellenie".
    return [
      ...parts,
      ...parts
        .flat()
        .filter((w) => w.length >= 3)
        .map((w) => [w]),
    ];
  });
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of [...base, ...extraPublic]) {
    const first = phrase[0];
    if (first === undefined) continue; // an empty phrase marks no word
    const list = byFirst.get(first);
    if (list) list.push(phrase);
    else byFirst.set(first, [phrase]);
  }
  if (key) phrasesFor.set(key, byFirst);
  return byFirst;
}

/** Marks the words that are part of a public phrase. */
export function publicWords(words: readonly { readonly lower: string }[], phrases: PublicPhrases): boolean[] {
  const isPublic = new Array<boolean>(words.length).fill(false);
  // The last word may carry a possessive without its apostrophe: "Bruce Perrys work".
  const said = (phrase: readonly string[], i: number): boolean => {
    for (let k = 0; k < phrase.length; k++) {
      const lower = words[i + k]?.lower;
      if (lower !== phrase[k] && !(k === phrase.length - 1 && lower === `${phrase[k]}s`)) return false;
    }
    return true;
  };
  const mark = (phrase: readonly string[], i: number) => {
    for (let k = 0; k < phrase.length; k++) isPublic[i + k] = true;
  };
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]?.lower ?? '';
    for (const phrase of phrases.get(lower) ?? [])
      if (i + phrase.length <= words.length && said(phrase, i)) mark(phrase, i);
    // A one-word phrase with the possessive: "perrys".
    if (lower.endsWith('s'))
      for (const phrase of phrases.get(lower.slice(0, -1)) ?? []) if (phrase.length === 1) mark(phrase, i);
  }
  return isPublic;
}
