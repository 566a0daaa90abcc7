import { features } from './features';
import { HARM_CONCEPTS } from './lexicon';
import type { Concept, Reading, SafetyLexicon } from './lexicon';
import type { SafetyModel } from './model';
import {
  crisisRule,
  crisisWordAt,
  ownCrisisRule,
  ownHarmRule,
  quotedThreatRule,
  workerSafetyRule,
} from './rule-checks';
import { tokens } from './text';
import { childrenThere, despairOf, has, quotations, someoneElse, subjectBefore, toldPart } from './whose';

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

/** How sure the classifier alone must be of a crisis in a message about being away from work. */
const CLEAR_AWAY = 0.9;

/** How sure it must be of one sentence of a long message, for the routes a sentence can carry alone. */
const CLEAR_SENTENCE = 0.8;
const BY_SENTENCE = new Set<SafetyRoute>(['child-at-risk', 'worker-safety']);

/** The sentences of a message of two or more sentences and 30 words or more; else none. */
function sentencesOf(message: string): string[] {
  const sentences = message
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return sentences.length >= 2 && message.split(/\s+/).length >= 30 ? sentences : [];
}

const CLASS_INDEX: Readonly<Record<SafetyRoute, number>> = {
  'child-at-risk': 0,
  'worker-safety': 1,
  'worker-crisis': 2,
  distress: 3,
};

/** Concepts that mean a message mentions risk or harm, for the calm line under an ordinary answer. */
const RISK_CONCEPTS = new Set<Concept>([...HARM_CONCEPTS, 'risk']);

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
    // A long message can bury a child at risk, or a threat, in one sentence of an ordinary question ("…she
    // said she will do it this weekend. Anyway what art-based tools would you suggest?"): each sentence is
    // read on its own too, and one the classifier is clear about counts for the whole.
    const alone = sentencesOf(message).map((sentence) => model.probabilities(features(lexicon.read(tokens(sentence)))));
    const probabilities = Object.fromEntries(
      SAFETY_ROUTES.map((r) => {
        const whole = p[CLASS_INDEX[r]] ?? 0;
        const part = q[CLASS_INDEX[r]] ?? 0;
        const sentence = BY_SENTENCE.has(r) ? Math.max(0, ...alone.map((a) => a[CLASS_INDEX[r]] ?? 0)) : 0;
        return [
          r,
          Math.max(whole, part >= CLEAR_WITHOUT_QUESTION ? part : 0, sentence >= CLEAR_SENTENCE ? sentence : 0),
        ];
      }),
    ) as Record<SafetyRoute, number>;
    // A message that opens with a quotation ('"ill kill myself if u send me back" - yp said') quotes someone.
    const quotedFirst = /^\s*["“”'‘].{3,}["“”’']/u.test(message);
    // Whose words they are: the rules read the writer's own words apart from what they quote ('kid texted
    // "i want to die"', '"he punched me again" - text from the 11yo'), and a crisis rule's words that follow
    // someone else as their subject ("dad said hes going to drive into the sea") are that person's.
    const { outside, quoted } = quotations(message);
    const own = quoted.length > 0 ? lexicon.read(tokens(outside)) : reading;
    const ownText = own.words.join(' ');
    // Harm in someone else's quoted words about themself ('she texted "he's going to kill me"', "they'll stab my
    // brother") is theirs, not a threat to the worker: when every quotation speaks in the first person and none to
    // the worker ("you…"), the worker's safety is read from the writer's own words, and what the whole message
    // said of a threat counts for the person quoted.
    const quotes = quoted.map((q) => lexicon.read(tokens(q)).words.join(' '));
    const ownHarmOnly =
      someoneElse(own) &&
      quotes.some((q) => ownHarmRule(q)) &&
      !quotes.some((q) => /\b(?:you|your|ur|u|ya|yours)\b/.test(q));
    if (ownHarmOnly) {
      const whole = probabilities['worker-safety'];
      const writer = model.probabilities(features(own))[CLASS_INDEX['worker-safety']] ?? 0;
      probabilities['worker-safety'] = Math.min(whole, writer);
      probabilities['child-at-risk'] = Math.max(probabilities['child-at-risk'], whole);
    }
    const crisis = crisisRule(text);
    const crisisOwn = quoted.length > 0 ? crisisRule(ownText) : crisis;
    const at = crisisOwn ? crisisWordAt(ownText) : undefined;
    const othersWords =
      (crisis && !crisisOwn && someoneElse(own)) || (at !== undefined && subjectBefore(own, at) === 'other');
    return {
      reading,
      probabilities,
      crisis,
      ownCrisis: crisisOwn && ownCrisisRule(ownText),
      othersWords,
      safety: workerSafetyRule(ownText) || quotes.some((q) => quotedThreatRule(q)),
      quotedFirst,
    };
  };
  return {
    assess(message) {
      const { reading, probabilities, crisis, ownCrisis, othersWords, safety, quotedFirst } = look(message);
      return decide(reading, probabilities, { crisis, ownCrisis, othersWords, safety, quotedFirst }, thresholds);
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
    readonly othersWords: boolean;
    readonly safety: boolean;
    readonly quotedFirst: boolean;
  },
  t: Readonly<Record<SafetyRoute, number>>,
): SafetyAssessment {
  const child = reading.concepts.some((list) => list.includes('child'));
  const whose =
    rules.ownCrisis && !rules.quotedFirst
      ? 'worker'
      : rules.othersWords
        ? 'child'
        : despairOf(reading, rules.quotedFirst);
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
    // A threat the safety rule found explains words of death and fear ("at the end of the visit… alone").
    (has(reading, 'crisis') || (!rules.safety && has(reading, 'death') && has(reading, 'distress')));
  const hit = {
    // The lower bar is for despair with nothing else to explain it: a threat the safety rule found ("a dead
    // rat on my doorstep") explains its own words of death; being away from work ("i wont be here next week,
    // im on leave") explains "not being here" unless the classifier is clear.
    'worker-crisis':
      !othersDespair &&
      (rules.crisis ||
        ownDespair ||
        p['worker-crisis'] >= (has(reading, 'absence') ? CLEAR_AWAY : rules.safety ? t['worker-crisis'] : crisisBar)),
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
    // A rule's threat comes first unless the classifier is clear the message tells of a child ("as i left, the
    // 11yo followed me to the car and said…"); someone else's words of despair are a child at risk first.
    (rules.safety
      ? !(p['child-at-risk'] >= CLEAR_SENTENCE && p['worker-safety'] < 0.5 && childrenThere(reading))
      : !hit['child-at-risk'] || (!childsCrisis && !othersDespair && p['worker-safety'] >= p['child-at-risk']))
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
