import { features } from './features';
import type { Reading, SafetyLexicon } from './lexicon';
import type { SafetyModel } from './model';
import { crisisRule, ownCrisisRule, workerSafetyRule } from './rules';
import { plain, tokens } from './text';

export const SAFETY_ROUTES = ['child-at-risk', 'worker-safety', 'worker-crisis', 'distress'] as const;
export type SafetyRoute = (typeof SAFETY_ROUTES)[number];

export interface SafetyAssessment {
  /** The route the message takes first, if any. */
  readonly route: SafetyRoute | null;
  /** Another route that applies too: a threat to the worker with children present, a crisis beside a child's. */
  readonly also?: readonly SafetyRoute[];
  /**
   * True when an ordinary question only mentions risk ("how do we talk about risk with families"): it gets
   * its answer, with one calm line at the foot ("If a child may be at risk now, call 999…"). Always false
   * when `route` is set.
   */
  readonly mentionsRisk: boolean;
}

/**
 * How sure the classifier must be before a route is taken (a probability out of 1). Set by cross-validation
 * on the development sets (scripts/train-safety.ts prints the figures at each): low enough that a child at
 * risk is almost never missed, high enough that an ordinary question that mentions harm keeps its answer.
 */
export const THRESHOLDS: Readonly<Record<SafetyRoute, number>> = Object.freeze({
  'child-at-risk': 0.3,
  'worker-safety': 0.4,
  'worker-crisis': 0.4,
  distress: 0.3,
});

/**
 * Despair in the first person with no child in the message ("i cant see a future for myself") needs less
 * certainty: a worker in crisis must never be missed, and if it was distress after all, the crisis card
 * still speaks to it.
 */
export const CRISIS_FIRST_PERSON_THRESHOLD = 0.2;

/** How sure the classifier must be of a message with its questions to the framework taken out. */
const CLEAR_WITHOUT_QUESTION = 0.9;

const CLASS_INDEX: Readonly<Record<SafetyRoute, number>> = {
  'child-at-risk': 0,
  'worker-safety': 1,
  'worker-crisis': 2,
  distress: 3,
};

/** Concepts that mean a message mentions risk or harm, for the calm line under an ordinary answer. */
const RISK_CONCEPTS = new Set([
  'physical',
  'injury',
  'sexual',
  'exploitation',
  'selfharm',
  'missing',
  'neglect',
  'dv',
  'weapon',
  'risk',
]);

export interface SafetyNet {
  assess(message: string): SafetyAssessment;
  /** The probability of each route, and the rules' verdicts: for the evaluation and the trainer. */
  explain(message: string): { readonly probabilities: Readonly<Record<SafetyRoute, number>>; readonly rules: string[] };
}

export function createSafetyNet(
  lexicon: SafetyLexicon,
  model: SafetyModel,
  thresholds: Readonly<Record<SafetyRoute, number>> = THRESHOLDS,
): SafetyNet {
  const look = (message: string) => {
    const reading = lexicon.read(tokens(message));
    const text = reading.words.join(' ');
    const p = model.probabilities(features(reading));
    const told = toldPart(lexicon, message);
    const q = told ? model.probabilities(features(told)) : p;
    const probabilities = Object.fromEntries(
      SAFETY_ROUTES.map((r) => {
        const whole = p[CLASS_INDEX[r]] ?? 0;
        const part = q[CLASS_INDEX[r]] ?? 0;
        return [r, part >= CLEAR_WITHOUT_QUESTION ? Math.max(whole, part) : whole];
      }),
    ) as Record<SafetyRoute, number>;
    // A message that opens with a quotation ('"ill kill myself if u send me back" - yp said') quotes someone.
    const quotedFirst = /^\s*["“”'‘].{3,}["“”’']/u.test(message);
    const crisis = crisisRule(text);
    return {
      reading,
      probabilities,
      crisis,
      ownCrisis: crisis && ownCrisisRule(text),
      safety: workerSafetyRule(text),
      quotedFirst,
    };
  };
  return {
    assess(message) {
      const { reading, probabilities, crisis, ownCrisis, safety, quotedFirst } = look(message);
      return decide(reading, probabilities, { crisis, ownCrisis, safety, quotedFirst }, thresholds);
    },
    explain(message) {
      const { probabilities, crisis, safety } = look(message);
      return {
        probabilities,
        rules: [...(crisis ? ['worker-crisis'] : []), ...(safety ? ['worker-safety'] : [])],
      };
    },
  };
}

/**
 * The order, and why:
 * 1. A worker in crisis first, always: it must never be missed, and a kind word comes before anything else.
 * 2. A threat to the worker, or a child at risk, whichever the message is more about; a rule that finds a
 *    threat aimed at the worker ("threatened me") puts the worker's safety first. The other comes too.
 * 3. Distress last: "mum rang me crying saying dad is kicking off… kids are there" is a child at risk, and the
 *    child-at-risk card holds the staff-support line already.
 */
function decide(
  reading: Reading,
  p: Readonly<Record<SafetyRoute, number>>,
  rules: {
    readonly crisis: boolean;
    readonly ownCrisis: boolean;
    readonly safety: boolean;
    readonly quotedFirst: boolean;
  },
  t: Readonly<Record<SafetyRoute, number>>,
): SafetyAssessment {
  const child = reading.concepts.some((list) => list.includes('child'));
  const whose = rules.ownCrisis && !rules.quotedFirst ? 'worker' : despairOf(reading, rules.quotedFirst);
  // Words of suicide said by a child ("she texted 'ive taken all my tablets'") are a child at risk.
  const childsCrisis = child && whose === 'child' && (rules.crisis || p['worker-crisis'] >= t['worker-crisis']);
  // Someone else's ("she told me shes going to jump off the bridge tonight"): never the worker's crisis card;
  // the child-at-risk card when a child is named or the classifier sees a risk.
  const othersDespair = whose === 'child';
  // The worker speaking of themself: "i …", or no one named at all ("wanting to die most days now").
  const third = reading.concepts.some((list) => list.includes('third'));
  // …and "no one named" only where the message speaks of despair at all: "who won the football last night"
  // and "we will get the social worker to ring you back" name no one either, and must not meet the lower
  // bar on the classifier's word alone.
  const despairing =
    has(reading, 'crisis') || has(reading, 'death') || has(reading, 'selfharm') || has(reading, 'distress');
  const firstPerson =
    reading.concepts.some((list) => list.includes('i') || list.includes('me')) || (!third && despairing);
  const crisisBar =
    firstPerson && !child ? Math.min(CRISIS_FIRST_PERSON_THRESHOLD, t['worker-crisis']) : t['worker-crisis'];
  // Despair in the worker's own words, with no child and no one else in the message: the crisis card,
  // whatever the classifier says ("i keep thinking about death and how to get there").
  // A history written up ("how do i write about a past overdose") is not despair now.
  const history = has(reading, 'past') && !has(reading, 'now');
  const ownDespair =
    reading.concepts.some((list) => list.includes('i') || list.includes('me')) &&
    !child &&
    !third &&
    !history &&
    (has(reading, 'crisis') || (has(reading, 'death') && has(reading, 'distress')));
  const hit = {
    'worker-crisis': !othersDespair && (rules.crisis || ownDespair || p['worker-crisis'] >= crisisBar),
    'worker-safety': rules.safety || p['worker-safety'] >= t['worker-safety'],
    'child-at-risk':
      childsCrisis ||
      p['child-at-risk'] >= t['child-at-risk'] ||
      (othersDespair && (rules.crisis || p['worker-crisis'] >= t['worker-crisis'])),
    distress: p.distress >= t.distress,
  };
  let route: SafetyRoute | null = null;
  if (hit['worker-crisis']) route = 'worker-crisis';
  else if (
    hit['worker-safety'] &&
    (rules.safety || !hit['child-at-risk'] || (!childsCrisis && p['worker-safety'] >= p['child-at-risk']))
  )
    route = 'worker-safety';
  else if (hit['child-at-risk']) route = 'child-at-risk';
  else if (hit.distress) route = 'distress';
  if (route === null) {
    const mentionsRisk = reading.concepts.some((list) => list.some((c) => RISK_CONCEPTS.has(c)));
    return { route: null, mentionsRisk };
  }
  // A threat to the worker with children there ("…and the kids were behind him"): the child's card comes too.
  if (route === 'worker-safety' && childrenThere(reading)) hit['child-at-risk'] = true;
  const also = (['worker-crisis', 'worker-safety', 'child-at-risk'] as const).filter((r) => r !== route && hit[r]);
  return also.length ? { route, also, mentionsRisk: false } : { route, mentionsRisk: false };
}

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

function childrenThere(reading: Reading): boolean {
  return reading.words.some(
    (w, i) =>
      (reading.concepts[i] ?? []).includes('child') &&
      !(OWN_CHILDREN.has(w) && /^(?:my|mine)$/.test(reading.words[i - 1] ?? '')),
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

function has(reading: Reading, concept: string): boolean {
  return reading.concepts.some((list) => list.includes(concept as never));
}

const DESPAIR = new Set(['crisis', 'death', 'selfharm']);
/** "i work with", "i support": the worker named in passing, not the one the sentence is about. */
const IN_PASSING = new Set([
  'work',
  'works',
  'worked',
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
function despairOf(reading: Reading, quotedFirst = false): 'worker' | 'child' | 'none' {
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
