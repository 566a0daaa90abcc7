import type { Reading, SafetyLexicon } from './lexicon';
import { plain, tokens } from './text';

/**
 * Who a message is about, read from its words: whose despair it speaks of (the worker's own, or a child's
 * they report), whether children are there (not the worker's own), and what it tells once the parts that
 * only ask the framework are set aside. The safety net's decision (assess.ts) is made from these.
 */

/** The parts of a message: its sentences, and the clauses between commas and dashes. */
function segments(message: string): string[][] {
  return plain(message)
    .split(/[.!?;:\n]+|,|\s[-–—]+\s|\s(?:but|and then|so)\s/)
    .map((part) => tokens(part))
    .filter((part) => part.length > 0);
}

/** The worker's own children ("he knows where my kids go to school") are not children at risk from the visit. */
const OWN_CHILDREN = new Set([
  'kids',
  'kid',
  'children',
  'child',
  'son',
  'daughter',
  'baby',
  'boy',
  'girl',
  'boys',
  'girls',
]);

/** "my teenage son", "my own kids": the worker's own, with one describing word between. */
const OWN_DESCRIBED = new Set([
  'own',
  'teenage',
  'little',
  'eldest',
  'youngest',
  'oldest',
  'baby',
  'two',
  'three',
  'older',
  'younger',
]);

export function childrenThere(reading: Reading): boolean {
  return reading.words.some(
    (w, i) =>
      (reading.concepts[i] ?? []).includes('child') &&
      !(
        OWN_CHILDREN.has(w) &&
        (/^(?:my|mine)$/.test(reading.words[i - 1] ?? '') ||
          (/^(?:my|mine)$/.test(reading.words[i - 2] ?? '') && OWN_DESCRIBED.has(reading.words[i - 1] ?? '')))
      ),
  );
}

/**
 * What a message tells, without the parts that ask the framework something ("…the kids are inside. which
 * principle applies?"), or undefined when it only asks. The classifier reads this, in training and in use:
 * a question to the framework must not talk a worry down, nor make a worry of an ordinary question.
 */
export function toldPart(lexicon: SafetyLexicon, message: string): Reading | undefined {
  const parts = segments(message).map((s) => lexicon.read(s));
  const told = parts.filter((part) => !asksTheFramework(part));
  if (told.length === 0 || told.length === parts.length) return undefined;
  return { words: told.flatMap((t) => t.words), concepts: told.flatMap((t) => t.concepts) };
}

/** "which principle applies", "what does the framework say about this": a part that asks the framework. */
function asksTheFramework(part: Reading): boolean {
  return (
    part.concepts.some((list) => list.includes('practice')) && part.concepts.some((list) => list.includes('question'))
  );
}

export function has(reading: Reading, concept: string): boolean {
  return reading.concepts.some((list) => list.includes(concept as never));
}

const DESPAIR = new Set(['crisis', 'death', 'selfharm']);
/** "i work with", "i support": the worker named in passing, not the one the sentence is about. */
const IN_PASSING = new Set([
  'work',
  'works',
  'worked',
  'working',
  'support',
  'supported',
  'look',
  'looked',
  'care',
  'visit',
  'visited',
  'know',
  'met',
  'see',
  'saw',
  'manage',
  'allocated',
  'am',
  'was',
  'have',
  'had',
]);

/**
 * Whose despair the message speaks of: the worker's ("i dont want to carry on living"), or a child's ("the
 * teenager i work with is talking about suicide", "she texted 'ive taken all my tablets'"). Any despair the
 * worker speaks of as their own makes it the worker's: a worker in crisis must never be missed.
 */
export function despairOf(reading: Reading, quotedFirst = false): 'worker' | 'child' | 'none' {
  const { words, concepts } = reading;
  const has = (i: number, c: string) => (concepts[i] ?? []).includes(c as never);
  const despair = words.map((_, i) => (concepts[i] ?? []).some((c) => DESPAIR.has(c)));
  if (!despair.some(Boolean)) return 'none';
  // Quoted first, then who said it ('"ill kill myself if u send me back there" - yp said that'): the child's words.
  if (quotedFirst) {
    const first = despair.indexOf(true);
    const saidBy = words.findIndex((_, i) => i > first && has(i, 'child'));
    if (saidBy >= 0 && [0, 1, 2, 3].some((k) => has(saidBy + k, 'reported'))) return 'child';
  }
  // Reported: a child, then "said", "texted"…, then the words of despair, which are theirs.
  const childAt = words.findIndex((_, i) => has(i, 'child'));
  // …but not the worker telling someone ("told her i wont need it").
  const reportedAt = words.findIndex(
    (_, i) => i > childAt && childAt >= 0 && has(i, 'reported') && !/^(?:her|him|them)$/.test(words[i + 1] ?? ''),
  );
  let worker = false;
  let children = false;
  for (let i = 0; i < words.length; i++) {
    if (!despair[i]) continue;
    // A topic named after a child ("the child death review", "teen suicide prevention") is nobody's despair.
    if (has(i - 1, 'child') && !has(i, 'crisis')) continue;
    if (reportedAt >= 0 && i > reportedAt) {
      children = true;
      continue;
    }
    if (has(i, 'crisis') && /\b(?:myself|my|me|i)\b/.test(words[i] ?? '')) worker = true;
    for (let k = i; k >= Math.max(0, i - 6); k--) {
      const w = words[k] ?? '';
      const firstPerson = /^(?:i|im|ive|id|ill|me|myself|mine)$/.test(w) || (w === 'my' && !has(k + 1, 'child'));
      if (firstPerson && !(w === 'i' && IN_PASSING.has(words[k + 1] ?? '') && k > 0 && childBefore(concepts, k))) {
        worker = true;
        break;
      }
      // A child, or someone else as the subject ("she said", "they want"); not an object ("no use to them").
      const child = has(k, 'child') && words[k - 1] !== 'my'; // the worker's own children are not the subject
      if (k < i && (child || /^(?:he|she|they|hes|shes|theyre|theyve|shed|hed)$/.test(w))) {
        children = true;
        break;
      }
    }
  }
  if (worker) return 'worker';
  return children ? 'child' : 'worker';
}

function childBefore(concepts: Reading['concepts'], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) if ((concepts[j] ?? []).includes('child')) return true;
  return false;
}

/**
 * A message with its quotations set apart: `outside` holds what the writer says in their own voice, `quoted`
 * the words in quotation marks ('she texted "i want to die"'). A single quote counts as a mark only where it
 * is not an apostrophe: it opens after a space or the start and before a letter, and closes before a space,
 * punctuation or the end ("mum's", "kids' tea" are words).
 */
export function quotations(message: string): { readonly outside: string; readonly quoted: readonly string[] } {
  const text = plain(message);
  const quoted: string[] = [];
  let outside = '';
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const double = /["\u201c\u201d\u201e]/.test(c);
    const single = c === "'";
    if (open < 0) {
      if (double || (single && !/[a-z0-9]/.test(before) && /[a-z0-9]/.test(after))) open = i;
      else outside += c;
    } else if (double || (single && !/[\s]/.test(before) && !/[a-z0-9]/.test(after))) {
      const words = text.slice(open + 1, i);
      // One or two words in quotation marks are the writer's own, marked ("coming to 'finish' us"), and so are
      // words quoted inside the writer's own sentence ("saying i'll 'regret taking his kids'"): not a quotation.
      if (words.trim().split(/\s+/).length <= 2 || embedded(outside, words)) outside += ` ${words} `;
      else {
        quoted.push(words);
        outside += ' , ';
      }
      open = -1;
    }
  }
  // A mark never closed was an apostrophe or a slip: the rest is the writer's own.
  if (open >= 0) outside += text.slice(open);
  return { outside, quoted };
}

/** The word before a quotation carries on the writer's own clause ("he'll 'do me in'", "he 'doesnt care…'"). */
const CONTINUES =
  /\b(?:i'?ll|he'?ll|she'?ll|they'?ll|we'?ll|you'?ll|i'?d|he'?d|she'?d|they'?d|i'?m|he'?s|she'?s|they'?re|he|she|they|it|i|is|was|has|have|had|will|would|to|be|a|an|the|his|her|my|your|their|of|for|about|and|or|gonna|going|get|got)\s*$/;
/** A quotation that opens a voice of its own: "i…", "im…", "please…", "dont…", "if…", "you…". */
const OPENS_A_VOICE = /^\s*(?:i|i'm|im|i've|ive|i'd|id|i'll|ill|me|my|we|please|pls|dont|don't|if|you|ur|your|u)\b/;

/** Words in quotation marks that carry on the writer's own sentence, not a quotation of someone's words. */
function embedded(before: string, quote: string): boolean {
  if (OPENS_A_VOICE.test(quote)) return false;
  return CONTINUES.test(before) || CARRIES_ON.test(quote);
}

/** A quotation that starts with a verb carries on its subject outside it ("her brother 'deals with people like me'"). */
const CARRIES_ON =
  /^\s*(?:deals|knows|wants|has|had|is|was|will|would|can|could|should|might|gets|goes|does|doesn'?t|isn'?t|wasn'?t|won'?t|can'?t|never|always|just|still|already|keeps|says)\b/;

const OTHERS = new Set(['child', 'adult', 'third']);

/** Someone other than the worker is named: a child, an adult ("mum", "the carer") or "he", "she". */
export function someoneElse(reading: Reading): boolean {
  return reading.concepts.some((list) => list.some((c) => OTHERS.has(c)));
}

/**
 * Who the words at `at` are about, read from the words before them: the worker ("i", "im", "me"; not "i work
 * with"), someone else as the subject ("dad… said hes going to…", "the girl", "they"), or no one near.
 */
export function subjectBefore(reading: Reading, at: number): 'worker' | 'other' | 'none' {
  const { words, concepts } = reading;
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    const w = words[k] ?? '';
    if (/^(?:i|im|ive|id|ill|me|myself)$/.test(w) && !IN_PASSING.has(words[k + 1] ?? '')) return 'worker';
    if (/^(?:he|she|they|hes|shes|theyre|theyve|theyll|hed|shed)$/.test(w)) return 'other';
    if ((concepts[k] ?? []).some((c) => c === 'child' || c === 'adult') && words[k - 1] !== 'my') return 'other';
  }
  return 'none';
}
