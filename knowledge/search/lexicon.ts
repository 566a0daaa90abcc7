import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';

const word = z.string().trim().min(1);

const lexiconSchema = z.strictObject({
  acronyms: z.record(word, word),
  spellings: z.record(word, word),
  synonyms: z.record(word, word),
  thesaurus: z.record(word, word).default({}),
  framework_words: z.array(word),
  stopwords: z.array(word),
  list_cues: z.array(word),
  overview_cues: z.array(word).default([]),
});

/** Language shared by every framework: acronyms, spelling variants, filler words. */
export interface Lexicon {
  readonly acronyms: ReadonlyMap<string, string>;
  readonly spellings: ReadonlyMap<string, string>;
  /**
   * Social-care language staff type → the words the frameworks use ("groomed" → "exploitation",
   * "sws" → "social workers"): read like an acronym, on both sides, so the two meet.
   */
  readonly thesaurus: ReadonlyMap<string, string>;
  /** "wrote" → "author": one indexed word for several that mean it. */
  readonly synonyms: ReadonlyMap<string, string>;
  /** Phrases (as word lists) that name "the framework" itself. */
  readonly frameworkWords: readonly (readonly string[])[];
  readonly stopwords: ReadonlySet<string>;
  readonly listCues: ReadonlySet<string>;
  /** Words that, beside the framework named, ask for it as a whole ("the whole framework", "framework in a nutshell"). */
  readonly overviewCues: ReadonlySet<string>;
}

export const DEFAULT_LEXICON_FILE = join(PROJECT_ROOT, 'knowledge', 'search', 'lexicon.yaml');

export function loadLexicon(file: string = DEFAULT_LEXICON_FILE): Lexicon {
  const data = lexiconSchema.parse(parse(readFileSync(file, 'utf8')));
  const lower = (s: string) => s.toLowerCase();
  return Object.freeze({
    acronyms: new Map(Object.entries(data.acronyms).map(([k, v]) => [lower(k), lower(v)])),
    spellings: new Map(Object.entries(data.spellings).map(([k, v]) => [lower(k), lower(v)])),
    thesaurus: new Map(Object.entries(data.thesaurus).map(([k, v]) => [lower(k), lower(v)])),
    synonyms: new Map(Object.entries(data.synonyms).map(([k, v]) => [lower(k), lower(v)])),
    frameworkWords: data.framework_words.map((p) => lower(p).split(/\s+/)).sort((a, b) => b.length - a.length),
    stopwords: new Set(data.stopwords.map(lower)),
    listCues: new Set(data.list_cues.map(lower)),
    overviewCues: new Set(data.overview_cues.map(lower)),
  });
}
