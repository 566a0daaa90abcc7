import nlp from 'compromise';
import { z } from 'zod';

/**
 * English as compromise (already the product's English parser) knows it: about 24,000 words, each with
 * its part of speech, names among them. The safety net asks two things of it: is a word real English
 * (then a typo rule never "corrects" it: "teaching" is not a misspelt "touching"), and is it a first name
 * or a surname (for the personal-details reminder).
 */
const lexiconSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const NAME_TAGS = new Set(['FemaleName', 'MaleName', 'FirstName']);

interface English {
  readonly words: ReadonlySet<string>;
  readonly firstNames: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
}

let english: English | undefined;

export function englishWords(): English {
  if (english) return english;
  const model = z.object({ one: z.object({ lexicon: lexiconSchema }) }).parse(nlp.model());
  const words = new Set<string>();
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    if (!/^[a-z]+$/.test(word)) continue;
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => NAME_TAGS.has(t))) firstNames.add(word);
    else if (tags.includes('LastName')) surnames.add(word);
    else words.add(word);
  }
  english = { words, firstNames, surnames };
  return english;
}
