import type { Entry, KnowledgeBase } from '../kb/model';
import type { Lexicon } from './lexicon';
import { analyseText, surfaceWords } from './terms';
import { TypoCorrector } from './typo';
import { PostingsBuilder } from './postings-builder';
import { stem } from './analyse';

/** How much a term counts, by the field it appears in. A title or alias match is a full match. */
export const FIELD_WEIGHTS = Object.freeze({
  title: 1,
  aliases: 1,
  /** One word of a multi-word title or alias: "new" of "New Town Culture". The whole phrase earns the rest. */
  partOfTitle: 0.7,
  keywords: 0.8,
  /** The typical staff questions a framework file lists for the entry (`questions:`): its ideas in staff's words. */
  questions: 0.6,
  summary: 0.55,
  approach: 0.5,
  text: 0.35,
});

/** The entries holding one term, and how strongly: parallel arrays. */
export interface Postings {
  readonly entries: Int32Array;
  /** By the field it is in (FIELD_WEIGHTS): the hand-tuned weight. */
  readonly weights: Float32Array;
  /** How often the term occurs in the entry's whole text, every field together (at most 255): for BM25. */
  readonly counts: Uint8Array;
}

interface Phrase {
  readonly entry: number;
  readonly terms: readonly string[];
}

/** Everything `answer()` needs, built once per knowledge base. */
export interface SearchIndex {
  readonly kb: KnowledgeBase;
  readonly lexicon: Lexicon;
  readonly entries: readonly Entry[];
  readonly postings: ReadonlyMap<string, Postings>;
  /** Multi-word titles and aliases, keyed by their first term. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Each overview's title and alias terms: what a list question may name without being about something else. */
  readonly ownTerms: ReadonlyMap<number, ReadonlySet<string>>;
  /** Terms of each framework's name and organisation: naming the framework, not a topic. */
  readonly frameworkTerms: ReadonlyMap<string, ReadonlySet<string>>;
  readonly frameworkAliases: ReadonlyArray<{ readonly frameworkId: string; readonly words: readonly string[] }>;
  readonly acronyms: ReadonlyMap<string, { readonly overview: Entry; readonly members: readonly Entry[] }>;
  readonly typos: TypoCorrector;
  /** Where each entry is in `entries`. */
  readonly positions: ReadonlyMap<Entry, number>;
  /** Each framework's first overview, its introduction, in the frameworks' order. */
  readonly rootOverviews: ReadonlyMap<string, Entry>;
  /** Each entry's length in terms, and the average: for BM25. */
  readonly lengths: Float32Array;
  readonly averageLength: number;
  idf(term: string): number;
  readonly maxIdf: number;
}

export function buildIndex(kb: KnowledgeBase, lexicon: Lexicon): SearchIndex {
  const entries = kb.entries;
  const builder = new PostingsBuilder(lexicon);
  const phrases = new Map<string, Phrase[]>();
  const ownTerms = new Map<number, Set<string>>();
  const rootOverviews = new Set(
    kb.frameworks.map((f) => entries.findIndex((e) => e.frameworkId === f.id && e.kind === 'overview')),
  );

  entries.forEach((e, i) => {
    const own = e.kind === 'overview' ? new Set<string>() : undefined;
    if (own) ownTerms.set(i, own);
    for (const name of [e.title, ...e.aliases]) {
      const terms = analyseText(name, lexicon);
      builder.addTerms(terms, terms.length === 1 ? FIELD_WEIGHTS.title : FIELD_WEIGHTS.partOfTitle);
      if (own) terms.forEach((t) => own.add(t));
      const first = terms[0];
      if (terms.length >= 2 && first !== undefined) {
        const list = phrases.get(first) ?? [];
        list.push({ entry: i, terms });
        phrases.set(first, list);
      }
    }
    for (const k of e.keywords) builder.addField(k, FIELD_WEIGHTS.keywords);
    // One field for all of them: a word in three typical questions is no more the entry's than a word in one.
    // Staff's words, not the framework's: a misspelt word is never "corrected" into one of them.
    if (e.questions) builder.addField(e.questions.join(' \n '), FIELD_WEIGHTS.questions, false);
    builder.addField(e.summary, FIELD_WEIGHTS.summary);
    if (e.whoUses) builder.addField(e.whoUses, FIELD_WEIGHTS.approach);
    if (e.why) builder.addField(e.why, FIELD_WEIGHTS.approach);
    builder.addField(e.text, FIELD_WEIGHTS.text);
    const framework = kb.framework(e.frameworkId);
    if (rootOverviews.has(i) && framework) {
      // A framework's introduction also answers "who wrote it", "when", "what is the source".
      builder.addField(
        `${framework.author} ${framework.authorRole} ${framework.organisation} ${framework.source} ${framework.date}`,
        FIELD_WEIGHTS.summary,
      );
    }
    builder.endEntry(i);
  });

  const postings = builder.build();
  const lengths = builder.entryLengths();
  const averageLength = lengths.length > 0 ? Math.max(1, lengths.reduce((a, b) => a + b, 0) / lengths.length) : 1;
  const n = entries.length;
  const maxIdf = Math.log(1 + n);
  const idf = (term: string) => {
    const df = postings.get(term)?.entries.length ?? 0;
    return df === 0 ? maxIdf : Math.log(1 + n / df);
  };

  const frameworkAliases = kb.frameworks.flatMap((f) =>
    [...f.aliases, f.id, f.shortName, f.name].map((a) => ({ frameworkId: f.id, words: surfaceWords(a, lexicon) })),
  );
  // Longest first, so "barking and dagenham" is consumed before "barking".
  frameworkAliases.sort((a, b) => b.words.length - a.words.length);

  const frameworkTerms = new Map(
    kb.frameworks.map((f) => [f.id, new Set(analyseText(`${f.name} ${f.organisation} ${f.shortName}`, lexicon))]),
  );

  const acronyms = new Map<string, { overview: Entry; members: Entry[] }>();
  for (const overview of entries) {
    if (overview.acronym === undefined || overview.lists === undefined) continue;
    // Retired members keep their letter ("the C in CARES" still means Compassion once it is retired).
    const members = [...entries, ...(kb.retired ?? [])]
      .filter((m) => m.frameworkId === overview.frameworkId && m.kind === overview.lists && m.number !== undefined)
      .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    acronyms.set(overview.acronym.toLowerCase(), { overview, members });
  }

  const typos = new TypoCorrector(builder.typoVocabulary(), (t) => postings.get(t)?.entries.length ?? 0);
  return Object.freeze({
    kb,
    lexicon,
    entries,
    postings,
    phrases,
    ownTerms,
    frameworkAliases,
    frameworkTerms,
    acronyms,
    typos,
    positions: new Map(entries.map((e, i) => [e, i])),
    rootOverviews: new Map(
      [...rootOverviews].flatMap((i) => {
        const e = entries[i];
        return e ? [[e.frameworkId, e] as const] : [];
      }),
    ),
    lengths,
    averageLength,
    idf,
    maxIdf,
  });
}

/** The stem every kind word reduces to: "principles" → principle. */
export const KIND_STEMS: ReadonlyMap<string, Entry['kind']> = new Map([
  [stem('principle'), 'principle'],
  [stem('value'), 'value'],
  [stem('approach'), 'approach'],
  [stem('ingredient'), 'ingredient'],
]);
