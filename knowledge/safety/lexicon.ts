import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import { withinDistance } from '../search/distance';
import { closeTo } from '../search/typo';
import { englishWords } from './english';

/**
 * The safety net's vocabulary (lexicon.yaml): concepts such as "a child", "physical harm", "missing", "now",
 * each with the words and phrases staff type for them. A message is read as the concepts its words name,
 * with misspellings forgiven by the search's typo rule (`closeTo`), so "bruses" is "bruises" and
 * "mising" is "missing", but a real English word ("teaching") is never taken for another ("touching").
 */
/** The kinds of harm among the concepts: a message naming one mentions risk or harm. */
export const HARM_CONCEPTS = [
  'physical',
  'injury',
  'sexual',
  'exploitation',
  'selfharm',
  'missing',
  'neglect',
  'dv',
  'weapon',
] as const;
export const CONCEPTS = [
  'child',
  'third',
  'me',
  'i',
  'you',
  'adult',
  ...HARM_CONCEPTS,
  'threat',
  'now',
  'past',
  'reported',
  'question',
  'practice',
  'generic',
  'distress',
  'crisis',
  'death',
  'risk',
  'worry',
  // Being away from work (leave, a course, cover): "i wont be here next week" is not a farewell.
  'absence',
  'age',
] as const;
export type Concept = (typeof CONCEPTS)[number];

const phrase = z
  .string()
  .trim()
  .regex(/^[a-z0-9&]+( [a-z0-9&]+)*$/, 'must be lower-case words without punctuation');
const lexiconSchema = z.strictObject({
  hyperbole: z.strictObject({ phrases: z.array(phrase), subjects: z.array(phrase) }),
  concepts: z.record(z.enum(CONCEPTS.filter((c) => c !== 'age') as [Concept, ...Concept[]]), z.array(phrase).min(1)),
});

export const DEFAULT_SAFETY_LEXICON = join(PROJECT_ROOT, 'knowledge', 'safety', 'lexicon.yaml');

/** A message read as concepts: each word (corrected where it was a typo) and the concepts it is part of. */
export interface Reading {
  readonly words: readonly string[];
  readonly concepts: readonly (readonly Concept[])[];
}

interface Phrase {
  readonly words: readonly string[];
  readonly concept: Concept;
}

/** Words after a number that make it an age: "14 yo", "8 year old", "6 weeks". */
const AGE_UNITS = new Set(['yo', 'y', 'yr', 'yrs', 'year', 'years', 'month', 'months', 'mth', 'week', 'weeks', 'wk']);

export class SafetyLexicon {
  /** Phrases by their first word, longest first. */
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Single words of four letters or more, by first letter and length, for typo correction. */
  private readonly correctable = new Map<string, string[]>();
  private readonly known: ReadonlySet<string>;
  /** Every word of every phrase: never corrected into another ("leaver" is not "leave"). */
  private readonly vocabulary = new Set<string>();
  private readonly hyperbole: readonly (readonly string[])[];
  /** The figures of speech by their first word: a message's words are looked up, not every phrase tried at each. */
  private readonly hyperboleByFirst = new Map<string, (readonly string[])[]>();
  private readonly hyperboleSubjects: ReadonlySet<string>;

  constructor(
    concepts: Partial<Record<Concept, readonly string[]>>,
    hyperbole: { readonly phrases: readonly string[]; readonly subjects: readonly string[] } = {
      phrases: [],
      subjects: [],
    },
  ) {
    this.hyperbole = hyperbole.phrases.map((p) => p.split(' '));
    for (const p of this.hyperbole) {
      const list = this.hyperboleByFirst.get(p[0] ?? '');
      if (list) list.push(p);
      else this.hyperboleByFirst.set(p[0] ?? '', [p]);
    }
    this.hyperboleSubjects = new Set(hyperbole.subjects);
    const singles = new Set<string>();
    for (const [concept, phrases] of Object.entries(concepts) as [Concept, readonly string[]][]) {
      for (const p of phrases) {
        const words = p.split(' ');
        const first = words[0] ?? '';
        const list = this.byFirst.get(first) ?? [];
        list.push({ words, concept });
        this.byFirst.set(first, list);
        for (const w of words) {
          this.vocabulary.add(w);
          if (w.length >= 4 && /^[a-z]+$/.test(w)) singles.add(w);
        }
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    for (const w of singles) {
      const key = `${w[0]}${w.length}`;
      const bucket = this.correctable.get(key) ?? [];
      bucket.push(w);
      this.correctable.set(key, bucket);
    }
    // The figures of speech's own words are never "corrected" into a concept: "deadline" is not "dealing".
    this.known = new Set([...englishWords().words, ...hyperbole.subjects, ...this.hyperbole.flat()]);
  }

  /** The lexicon's own spelling of a word typed with a slip, or the word itself. */
  correct(word: string): string {
    if (this.vocabulary.has(word) || this.known.has(word)) return word;
    const close = closeTo(word);
    if (!close) return word;
    let best = word;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let len = close.lengths[0]; len <= close.lengths[1]; len++) {
      for (const term of this.correctable.get(`${word[0]}${len}`) ?? []) {
        for (let d = 1; d <= Math.min(close.allowed, bestDistance - 1); d++) {
          if (withinDistance(word, term, d)) {
            best = term;
            bestDistance = d;
            break;
          }
        }
      }
    }
    return best;
  }

  /**
   * The words with figures of speech taken out: "kill me now", and "this report is killing me", "the audit
   * is going to kill me" (a subject from the list, then a verb of killing or finishing and "me").
   */
  private literal(words: readonly string[]): string[] {
    const drop = new Array<boolean>(words.length).fill(false);
    for (let i = 0; i < words.length; i++) {
      for (const p of this.hyperboleByFirst.get(words[i] ?? '') ?? [])
        if (p.every((w, k) => words[i + k] === w)) for (let k = 0; k < p.length; k++) drop[i + k] = true;
      const w = words[i] ?? '';
      if (/^(?:kill|killing|kills|finish|finishing|murder|murdering)$/.test(w) && words[i + 1] === 'me') {
        // The nearest subject within five words before, with no person in between.
        for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
          const b = words[k] ?? '';
          if (/^(?:he|she|they|hes|shes|hell|shell|theyll|dad|mum|him|her|them|someone|somebody)$/.test(b)) break;
          if (this.hyperboleSubjects.has(b)) {
            // With its "this", "the", "my": "this report is killing me" goes as a whole.
            const from = /^(?:this|the|my|that|these|our|another|your)$/.test(words[k - 1] ?? '') ? k - 1 : k;
            for (let j = from; j <= i + 1; j++) drop[j] = true;
            break;
          }
        }
      }
    }
    return words.filter((_, i) => !drop[i]);
  }

  read(tokens: readonly string[]): Reading {
    const words = this.literal(tokens.map((t) => this.correct(t)));
    const concepts: Concept[][] = words.map(() => []);
    for (let i = 0; i < words.length; i++) {
      for (const p of this.byFirst.get(words[i] ?? '') ?? []) {
        if (!p.words.every((w, k) => words[i + k] === w)) continue;
        for (let k = 0; k < p.words.length; k++) {
          const at = concepts[i + k];
          if (at && !at.includes(p.concept)) at.push(p.concept);
        }
      }
      // A number that is an age: "14 yr old", "aged 12", "8yo".
      const word = words[i] ?? '';
      if (/^\d{1,2}$/.test(word) && Number(word) <= 19) {
        const next = words[i + 1] ?? '';
        if (AGE_UNITS.has(next) || words[i - 1] === 'aged' || words[i - 1] === 'age') concepts[i]?.push('age', 'child');
      }
    }
    return { words, concepts };
  }
}

export function loadSafetyLexicon(file: string = DEFAULT_SAFETY_LEXICON): SafetyLexicon {
  const parsed = lexiconSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return new SafetyLexicon(parsed.data.concepts, parsed.data.hyperbole);
}
