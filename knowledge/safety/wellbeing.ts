/**
 * Does a question speak of the asker's own wellbeing: stress, burnout, feeling overwhelmed, not coping?
 * Then the staff-support signpost comes first (supervision, manager, employee assistance), not entries
 * that happen to share a word.
 *
 * Deliberately about the asker: framework questions about children and families ("toxic stress",
 * "families who feel overwhelmed", "building children's resilience") are ordinary and never match.
 * Measured by `npm run eval` on tests/eval/wellbeing.jsonl and on every ordinary evaluation question.
 */
const ME = String.raw`(?:i|i'm|im|i've|ive|i am|i feel|i'm feeling|feeling|me|my)`;
const LOW = String.raw`(?:burn(?:t|ed|ing)? ?out|burnout|stressed|stress(?:ed)? out|overwhelmed|exhausted|drained|knackered|shattered|worn out|so tired|tired of|fed up|struggling|not coping|can'?t cope|cannot cope|anxious|low|depressed|crying|drowning|at breaking point|running on empty)`;

const PATTERNS: readonly RegExp[] = [
  // "I'm burnt out", "feeling stressed and low", "I think I'm burning out".
  new RegExp(String.raw`\b${ME}\b(?:\s+\w+){0,4}\s+${LOW}\b`, 'i'),
  new RegExp(String.raw`^\s*${LOW}\b`, 'i'),
  // On its own: "burnout", "self care for social workers".
  /\bburn ?out\b|\bburnt out\b|\bself[- ]care\b|\bemployee assistance\b|\bsecondary trauma\b|\bvicarious trauma\b|\bcompassion fatigue\b/i,
  // The work on the asker: "work is getting on top of me", "I can't sleep because of work", "my caseload is too much".
  /\b(?:getting|get|gets) on top of me\b|\bcan'?t sleep\b|\bnot sleeping\b|\bmy (?:own )?(?:wellbeing|well-being|mental health)\b|\bmy (?:caseload|workload) is (?:too|so|really|very)\b/i,
  /\b(?:keep|carry on|go on) doing this (?:job|work)\b|\bfinding (?:it|the work|this|work|things)(?: \w+){0,2} (?:hard|difficult|tough|too much)\b/i,
  /\b(?:affecting|getting to|weighing on) me\b/i,
];

export function isStaffWellbeing(question: string): boolean {
  const text = question.slice(0, 1000).replace(/[’‘]/g, "'");
  return PATTERNS.some((p) => p.test(text));
}
