import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import { englishWords } from './english';
import { publicPhrases, publicWords } from './public-phrases';

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
  common_words: z.array(word),
  places: z.array(word),
});

export const DEFAULT_NAMES_FILE = join(PROJECT_ROOT, 'knowledge', 'safety', 'names.yaml');

interface Names {
  readonly first: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  readonly publicPhrases: readonly (readonly string[])[];
  readonly notNames: ReadonlySet<string>;
  readonly english: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
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
    english: new Set([...english.words, ...notNames, ...data.common_words]),
    places: new Set(data.places.flatMap((p) => p.split(' '))),
  };
  return names;
}

/**
 * Is a lower-case word one that makes a school or a street somewhere in particular ("eastbury academy",
 * "thomas arnold primary"): a name, a place, or a word that is not everyday English.
 */
export function particular(word: string): boolean {
  const n = loadNames();
  return n.first.has(word) || n.surnames.has(word) || n.places.has(word) || (!n.english.has(word) && !/\d/.test(word));
}

/** A first name, a surname or a place: "thomas arnold primary", "dagenham park school". */
export function namedPlaceOrPerson(word: string): boolean {
  const n = loadNames();
  return (n.first.has(word) || n.surnames.has(word) || n.places.has(word)) && !n.notNames.has(word);
}

/** Words of a message with their case kept, and where each starts a sentence. */
interface Word {
  readonly text: string;
  readonly lower: string;
  readonly capital: boolean;
  /** All capitals: "NQSW", "CARES", "PSW"; never a name. */
  readonly acronym: boolean;
  readonly sentenceStart: boolean;
  /** A comma, dash or bracket just before it: "forehead, family" are not "the Forehead family". */
  readonly afterBreak: boolean;
  /** An opening bracket just before it: "kayleigh (14)". */
  readonly afterBracket: boolean;
  readonly number?: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let sentenceStart = true;
  const plainText = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let afterBreak = false;
  let afterBracket = false;
  for (const m of plainText.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*|[.!?\n]+|[,;:()\-–—]+|[0-9]+/g)) {
    const t = m[0];
    if (/^[.!?\n]+$/.test(t)) {
      sentenceStart = true;
      afterBreak = true;
      continue;
    }
    if (/^[,;:()\-–—]+$/.test(t)) {
      afterBreak = true;
      afterBracket = t.endsWith('(');
      continue;
    }
    const clean = t.replace(/['’]s$/i, '').replace(/['’]/g, '');
    out.push({
      text: clean,
      lower: clean.toLowerCase(),
      capital: /^[A-Z][a-z]/.test(clean),
      acronym: /^[A-Z]{2,}$/.test(clean),
      sentenceStart,
      afterBreak,
      afterBracket,
      ...(/^\d+$/.test(clean) && { number: Number(clean) }),
    });
    sentenceStart = false;
    afterBreak = false;
    afterBracket = false;
  }
  return out;
}

/** Words before a name that make the next word a name whatever it is: "Mrs Begum", "a boy called Kai". */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'master']);
/** Family words before a first name: "nanny pat", "grandma june", "uncle Dave". */
const KIN = new Set(
  'nan nanny nana nanna grandma grandad grandpa granny gran auntie aunty aunt uncle cousin'.split(' '),
);
/** After a surname-like word, what makes "the Whitakers" a family: "the Whitakers want…". */
const AFTER_FAMILY =
  /^(?:want|wanted|wants|asked|ask|have|had|has|are|were|said|say|says|came|come|live|lived|moved|need|needs|rang|called)$/;
const CALLED = new Set(['called', 'named', 'nicknamed']);
/** What comes before "called" when it introduces a name: "a boy called", "she is called"; not "police called". */
const BEFORE_CALLED = new Set(
  'a an the boy girl child kid baby man woman lad one person friend brother sister son daughter dad mum partner boyfriend girlfriend is s was were are also he she they who yp carer'.split(
    ' ',
  ),
);
/** After "the Okafor": a family, its children. */
const FAMILY_WORDS = new Set(
  'family familys families children kids twins siblings sisters brothers boys girls baby household lot'.split(' '),
);

/** The indexes of the words that name a person; empty when none. */
function nameIndexes(words: readonly Word[], publicNames: readonly string[]): number[] {
  const n = loadNames();
  const isPublic = publicWords(words, publicPhrases(loadNames().publicPhrases, publicNames));
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || isPublic[i] || w.lower.length < 2 || w.acronym) continue;
    const prev = words[i - 1]?.lower ?? '';
    const next = words[i + 1]?.lower ?? '';
    const unknown = !n.english.has(w.lower) && !/^\d/.test(w.lower);
    const nameLike = unknown || n.first.has(w.lower) || n.surnames.has(w.lower);
    // "Mrs Begum", "a girl called zainab", "her name is Ayesha".
    const named =
      (CALLED.has(prev) && BEFORE_CALLED.has(words[i - 2]?.lower ?? 'a')) ||
      (prev === 'is' && words[i - 2]?.lower === 'name');
    if ((TITLES.has(prev) || named) && nameLike && !n.notNames.has(w.lower)) found.push(i);
    // "the Okafor family", "the okafor children", "the Whitakers want…", "the Murphys".
    else if (
      prev === 'the' &&
      FAMILY_WORDS.has(next) &&
      !words[i + 1]?.afterBreak &&
      (w.capital || n.surnames.has(w.lower)) &&
      nameLike &&
      !n.notNames.has(w.lower)
    )
      found.push(i);
    else if (
      prev === 'the' &&
      w.capital &&
      !n.english.has(w.lower) &&
      (n.surnames.has(w.lower) ||
        (/s$/.test(w.lower) && (n.surnames.has(w.lower.slice(0, -1)) || AFTER_FAMILY.test(next))))
    )
      found.push(i);
    // "nanny pat", "grandma june": a first name after a family word, whatever else the name means.
    else if (KIN.has(prev) && !w.afterBreak && (n.first.has(w.lower) || n.notNames.has(w.lower))) found.push(i);
    // "harrison (6)", "olamide turned 18": a name-like word with an age straight after it.
    else if (
      nameLike &&
      !n.notNames.has(w.lower) &&
      (next === 'turned' ||
        next === 'aged' ||
        (words[i + 1]?.number !== undefined &&
          (words[i + 1]?.number ?? 99) <= 19 &&
          (words[i + 1]?.afterBracket ||
            (words[i + 1]?.afterBreak &&
              // "Elodie, 15, has asked…": a capitalised unknown word, then an age set off by commas.
              (!unknown || (w.capital && (words[i + 2] === undefined || words[i + 2]?.afterBreak === true)))))))
    )
      found.push(i);
    // "Bailey Hunt (10)": two capitalised words, then an age in brackets.
    else if (
      w.capital &&
      nameLike &&
      !w.sentenceStart &&
      words[i + 1]?.capital === true &&
      words[i + 1]?.number === undefined &&
      words[i + 2]?.afterBracket === true &&
      (words[i + 2]?.number ?? 99) <= 19 &&
      !isPublic[i + 1]
    )
      found.push(i);
    // "precious who is 9", "destiny is 15", "grace (15)": a first name, even an everyday word, with an age
    // said straight after it.
    else if (
      n.first.has(w.lower) &&
      ((next === 'who' && words[i + 2]?.lower === 'is' && (words[i + 3]?.number ?? 99) <= 19) ||
        (next === 'is' && (words[i + 2]?.number ?? 99) <= 19) ||
        (words[i + 1]?.afterBracket === true && (words[i + 1]?.number ?? 99) <= 19))
    )
      found.push(i);
    // "jordan brown, 17": a first name and a surname, then an age.
    else if (
      n.first.has(w.lower) &&
      n.surnames.has(next) &&
      !words[i + 1]?.afterBreak &&
      (words[i + 2]?.number ?? 99) <= 19
    )
      found.push(i);
    // "patel family, mum is 34", "the le brocq family": a surname, or a capitalised word that is no English
    // word nor a place, just before "family" or "children".
    else if (
      FAMILY_WORDS.has(next) &&
      next !== 'lot' &&
      !words[i + 1]?.afterBreak &&
      ((n.surnames.has(w.lower) && !n.english.has(w.lower)) || (w.capital && unknown && !n.places.has(w.lower))) &&
      !n.notNames.has(w.lower) &&
      w.lower.length >= 3
    )
      found.push(i);
    // "the patels", "the hendersons": a family by its surname, in lower case.
    else if (
      prev === 'the' &&
      /s$/.test(w.lower) &&
      w.lower.length >= 5 &&
      n.surnames.has(w.lower.slice(0, -1)) &&
      !n.english.has(w.lower) &&
      !n.english.has(w.lower.slice(0, -1)) &&
      !n.notNames.has(w.lower.slice(0, -1))
    )
      found.push(i);
    // "kayleighs nan": a first name with its apostrophe left out.
    else if (
      /s$/.test(w.lower) &&
      !n.english.has(w.lower) &&
      n.first.has(w.lower.slice(0, -1)) &&
      !n.notNames.has(w.lower.slice(0, -1)) &&
      w.lower.length >= 5
    )
      found.push(i);
    else if (n.first.has(w.lower)) {
      // Capitalised, or in lower case when the name is not also an everyday word.
      if (w.capital && !(w.sentenceStart && n.english.has(w.lower))) found.push(i);
      else if (!n.notNames.has(w.lower) && w.lower.length >= 3) found.push(i);
    } else if (
      w.capital &&
      n.surnames.has(w.lower) &&
      !n.notNames.has(w.lower) &&
      words[i - 1]?.capital &&
      !isPublic[i - 1]
    )
      // A capitalised surname after another capitalised word: "Tom Smith".
      found.push(i);
  }
  return found;
}

/** A name, and an age beside it: "Kayleigh (14)", "jayden smith, fourteen", "Leo aged 5", "tommy 4 yo". */
export function nameAndAge(text: string, publicNames: readonly string[] = []): { name: boolean; age: boolean } {
  const words = wordsOf(text);
  const names = nameIndexes(words, publicNames);
  if (names.length === 0) return { name: false, age: false };
  const near = names.some((i) =>
    words.slice(i + 1, i + 4).some((w) => w.number !== undefined && w.number <= 19 && w.number > 0),
  );
  return { name: true, age: near || AGE.test(text.toLowerCase()) };
}

/** An age given with a name: "Kayleigh (14)", "jayden smith, fourteen", "Leo aged 5", "Tom is 7". */
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen';
const AGE = new RegExp(
  String.raw`\(\s*\d{1,2}\s*(?:\)|,|and|&)|,\s*(?:\d{1,2}|${NUMBER_WORDS})\s*(?:,|$|\b(?:and|who|is|at|from|year|yrs?|yo|months?)\b)|\b(?:aged?|is|who is|whos|turned|turns|shes|hes|she's|he's)\s+(?:\d{1,2}|${NUMBER_WORDS})\b(?!\s*(?:%|am|pm|:|minutes|mins|hours|days|weeks))|\b(?:\d{1,2}|${NUMBER_WORDS})\s*(?:yo|y\/o|yrs?|years?|months?|weeks?)(?:\s+old)?\b|\bare\s+\d{1,2}\s+and\s+\d{1,2}\b`,
  'i',
);
