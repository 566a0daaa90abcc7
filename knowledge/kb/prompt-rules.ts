import type { Entry } from './model';

/**
 * What makes a reflection prompt fit to post: open, in one voice (second person), plain words, and, for
 * channels, group chats and meetings, nothing that invites people to describe a case in the thread.
 * The content tests run these over every framework, so future edits keep them.
 */
export const MAX_MEETING_PROMPT_WORDS = 25;
/** No opening (its first two words) may start more than this share of a framework's group prompts. */
export const MAX_OPENING_SHARE = 0.2;

/** Phrases that invite someone to describe a real case where others can read it. */
export const CASE_INVITING = [
  'a family you are working with',
  'a family you work with',
  'the family you are working with',
  'think about a recent visit',
  'a recent visit',
  'this family',
  'a child you are working with',
  'a recent case',
  'your caseload',
  'share a case',
  'tell us about',
  'describe a',
];

/** Words a practitioner may not know; a prompt may use one only with its meaning in brackets, as in "(permanence)". */
export const JARGON = [
  'appreciative inquiry',
  'relational techniques',
  'child-centric',
  'permanence',
  'hypothesising',
  'hypothesizing',
  're-traumatis',
  're-traumatiz',
  'mentalis',
  'mentaliz',
  'systemic',
];

/** Asking for what identifies a child or family: "the child's name", "their school", "name, age and school". */
const IDENTIFYING =
  /\b(?:(?:the |a )?(?:child|children|young person|family|parent|carer)(?:'s|s'|’s)|their|his|her)\s+(?:full\s+)?(?:names?|ages?|schools?|address(?:es)?|date of birth|dates of birth|postcodes?)\b|\bnames?,\s*ages?\b/i;

const CLOSED = /^(?:do|does|did|is|are|was|were|can|could|should|would|will|have|has|had|am|may|might|shall)\b/i;
const NOT_SECOND_PERSON = /\b(?:we|our|ours|us|ourselves|i|my|me|mine|myself)\b/i;
/** Openings that frame a prompt for private thought or the group; the question proper follows. */
const FRAMING =
  /^(?:take a moment on your own|on your own|together|as a team|in your team|between you|across your team)\s*[:,]\s*/i;

export interface PromptProblem {
  readonly entryId: string;
  readonly prompt: string;
  readonly problem: string;
}

/** Problems with one prompt; `group` adds the rules for channels, group chats and meetings. */
export function promptProblems(entryId: string, prompt: string, group: boolean): PromptProblem[] {
  const problems: string[] = [];
  const question = prompt.replace(FRAMING, '');
  if (!prompt.trim().endsWith('?')) problems.push('is not a question: end it with a question mark');
  if (CLOSED.test(question)) problems.push('is a yes/no question: start with how, what, which, where, when or who');
  if (NOT_SECOND_PERSON.test(prompt))
    problems.push('is not in the second person: speak to the reader as "you" and "your", not "we", "our" or "I"');
  for (const term of JARGON) {
    const at = prompt.toLowerCase().indexOf(term);
    if (at >= 0 && prompt[at - 1] !== '(')
      problems.push(
        `uses "${term}" without explaining it: say it plainly, or give the term in brackets after a plain explanation`,
      );
  }
  const identifying = IDENTIFYING.exec(prompt);
  if (identifying)
    problems.push(
      `asks for "${identifying[0]}", which could identify a child or family: ask about practice, never about who`,
    );
  if (group) {
    const words = prompt.split(/\s+/).filter(Boolean).length;
    if (words > MAX_MEETING_PROMPT_WORDS)
      problems.push(`has ${words} words: a group prompt opens meetings, so keep it to ${MAX_MEETING_PROMPT_WORDS}`);
    for (const phrase of CASE_INVITING)
      if (prompt.toLowerCase().includes(phrase))
        problems.push(`contains "${phrase}", which invites people to describe a case where others can read it`);
  }
  return problems.map((problem) => ({ entryId, prompt, problem }));
}

/** Every prompt problem in these entries, and group prompts whose openings repeat too often within a framework. */
export function contentProblems(entries: readonly Entry[]): PromptProblem[] {
  return [
    ...entries.flatMap((e) =>
      [
        ...e.prompts.map((p) => promptProblems(e.id, p, false)),
        ...e.groupPrompts.map((p) => promptProblems(e.id, p, true)),
      ].flat(),
    ),
    ...openingProblems(entries),
  ];
}

/** Group prompts whose opening (first two words) starts too many of their framework's group prompts. */
export function openingProblems(entries: readonly Entry[]): PromptProblem[] {
  const problems: PromptProblem[] = [];
  const byFramework = new Map<string, Array<{ entryId: string; prompt: string }>>();
  for (const e of entries)
    for (const prompt of e.groupPrompts)
      byFramework.set(e.frameworkId, [...(byFramework.get(e.frameworkId) ?? []), { entryId: e.id, prompt }]);
  for (const prompts of byFramework.values()) {
    const openings = new Map<string, number>();
    for (const { prompt } of prompts) openings.set(opening(prompt), (openings.get(opening(prompt)) ?? 0) + 1);
    for (const [start, count] of openings) {
      if (count > Math.max(2, prompts.length * MAX_OPENING_SHARE)) {
        const first = prompts.find((p) => opening(p.prompt) === start);
        if (first)
          problems.push({
            ...first,
            problem: `"${start}…" opens ${count} of ${prompts.length} group prompts: vary how they start`,
          });
      }
    }
  }
  return problems;
}

const opening = (prompt: string) => prompt.toLowerCase().split(/\s+/).slice(0, 2).join(' ').replace(/[,:]$/, '');
