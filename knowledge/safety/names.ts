import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import { englishWords } from './english';

/**
 * Does a message name a person? First names and surnames come from compromise and names.yaml. A name
 * counts when it is written with a capital ("Jayden"), and in lower case too ("jayden smith", "kayleigh (14)")
 * unless the name is also an everyday word ("foster", "grace"). "The Okafor family", "Mrs Begum" and
 * "a boy called Kai" count whatever the word. Public names (researchers, the framework's author) never do.
 */
const word = z
  .string()
  .trim()
  .regex(/^[a-z][a-z' -]*$/);
const namesSchema = z.strictObject({
  first_names: z.array(word),
  surnames: z.array(word),
  public: z.array(word),
  not_names: z.array(word),
});

export const DEFAULT_NAMES_FILE = join(PROJECT_ROOT, 'knowledge', 'safety', 'names.yaml');

interface Names {
  readonly first: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  readonly publicPhrases: readonly (readonly string[])[];
  readonly notNames: ReadonlySet<string>;
  readonly english: ReadonlySet<string>;
}

let names: Names | undefined;

function loadNames(file: string = DEFAULT_NAMES_FILE): Names {
  if (names) return names;
  const parsed = namesSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  const data = parsed.data;
  const english = englishWords();
  const notNames = new Set(data.not_names);
  names = {
    first: new Set([...english.firstNames, ...data.first_names]),
    surnames: new Set([...english.surnames, ...data.surnames]),
    publicPhrases: data.public.map((p) => p.replace(/'/g, '').split(/[\s-]+/)),
    notNames,
    english: new Set([...english.words, ...notNames]),
  };
  return names;
}

/** Words of a message with their case kept, and where each starts a sentence. */
interface Word {
  readonly text: string;
  readonly lower: string;
  readonly capital: boolean;
  readonly sentenceStart: boolean;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let sentenceStart = true;
  for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*|[.!?\n]+|[0-9]+/g)) {
    const t = m[0];
    if (/^[.!?\n]+$/.test(t)) {
      sentenceStart = true;
      continue;
    }
    const clean = t.replace(/['’]s$/i, '').replace(/['’]/g, '');
    out.push({
      text: clean,
      lower: clean.toLowerCase(),
      capital: /^[A-Z][a-z]/.test(clean),
      sentenceStart,
    });
    sentenceStart = false;
  }
  return out;
}

/** Words before a name that make the next word a name whatever it is: "Mrs Begum", "a boy called Kai". */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'master']);
const CALLED = new Set(['called', 'named', 'calls', 'nicknamed']);

export function mentionsName(text: string, publicNames: readonly string[] = []): boolean {
  const n = loadNames();
  const words = wordsOf(text);
  const isPublic = new Array<boolean>(words.length).fill(false);
  const extraPublic = publicNames.flatMap((p) =>
    p
      .toLowerCase()
      .split(/[,()]/)
      .map((part) =>
        part
          .trim()
          .replace(/'/g, '')
          .split(/[\s-]+/),
      )
      .filter((part) => part.length > 0 && part[0] !== ''),
  );
  for (const phrase of [...n.publicPhrases, ...extraPublic]) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((p, k) => words[i + k]?.lower === p))
        for (let k = 0; k < phrase.length; k++) isPublic[i + k] = true;
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || isPublic[i] || w.lower.length < 2) continue;
    const prev = words[i - 1]?.lower ?? '';
    const next = words[i + 1]?.lower ?? '';
    const unknown = !n.english.has(w.lower) && !/^\d/.test(w.lower);
    // "Mrs Begum", "a girl called zainab", "the Okafor family", "the okafors".
    const named = CALLED.has(prev) || (prev === 'is' && words[i - 2]?.lower === 'name');
    if ((TITLES.has(prev) || named) && (unknown || n.first.has(w.lower) || n.surnames.has(w.lower))) return true;
    if (prev === 'the' && (next === 'family' || next === 'familys' || next === 'children' || next === 'kids')) {
      if (unknown || n.surnames.has(w.lower) || n.first.has(w.lower)) return true;
    }
    if (prev === 'the' && /s$/.test(w.lower) && n.surnames.has(w.lower.slice(0, -1))) return true;
    if (n.first.has(w.lower)) {
      // Capitalised, or in lower case when the name is not also an everyday word.
      if (w.capital && !(w.sentenceStart && n.english.has(w.lower))) return true;
      if (!n.notNames.has(w.lower) && w.lower.length >= 3) return true;
    }
    // A capitalised surname beside another capitalised name-like word: "Tom Smith", "Smith, Tom".
    if (w.capital && n.surnames.has(w.lower) && !n.notNames.has(w.lower)) {
      const prevWord = words[i - 1];
      if (prevWord?.capital && !isPublic[i - 1]) return true;
    }
  }
  return false;
}

/** An age given with a name: "Kayleigh (14)", "jayden smith, fourteen", "Leo aged 5", "Tom is 7". */
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen';
const AGE = new RegExp(
  String.raw`\(\s*\d{1,2}\s*\)|,\s*(?:\d{1,2}|${NUMBER_WORDS})\s*(?:,|$|\b(?:and|who|is|at|from|year|yrs?|yo|months?)\b)|\b(?:aged?|is|who is|whos|turned|turns)\s+(?:\d{1,2}|${NUMBER_WORDS})\b(?!\s*(?:%|am|pm|:|minutes|mins|hours|days|weeks))|\b(?:\d{1,2}|${NUMBER_WORDS})\s*(?:yo|y\/o|yrs?|years?|months?|weeks?)(?:\s+old)?\b|\bare\s+\d{1,2}\s+and\s+\d{1,2}\b`,
  'i',
);

export function mentionsAge(text: string): boolean {
  return AGE.test(text);
}
