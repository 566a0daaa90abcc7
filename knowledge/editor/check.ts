import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../kb/model';
import { displayTitle } from '../kb/model';
import type { Search } from '../search/answer';
import { EVAL_DIR, EVAL_GATE, evaluate, practiceCompanionRanker, readQuestionFile } from '../search/evaluation';
import type { EvalQuestion, Figures, Ranked } from '../search/evaluation';

/**
 * The console's Check: the evaluation run against the live knowledge and against a draft, side by side,
 * with every question whose answer changed. Publish is refused when the draft takes top-1 accuracy or
 * off-topic rejection on questions.jsonl below the gate `npm test` holds (EVAL_GATE) and lower than now.
 */

export const CHECK_FILES = ['questions.jsonl', 'holdout.jsonl'] as const;

export interface Measures {
  readonly top1: number;
  readonly top3: number;
  readonly rejection: number;
}

export interface AnswerSide {
  readonly id: string | null;
  readonly heading: string | null;
}

export interface ChangedAnswer {
  readonly file: string;
  readonly question: string;
  /** The entry it should reach, or null for an off-topic question that should get none. */
  readonly expect: string | null;
  readonly framework?: string;
  readonly before: AnswerSide;
  readonly after: AnswerSide;
  /** 'broken': it was right and now is not; 'fixed': the other way; 'changed': wrong both times. */
  readonly effect: 'broken' | 'fixed' | 'changed';
}

export interface CheckResult {
  readonly sets: ReadonlyArray<{
    readonly file: string;
    readonly questions: number;
    readonly before: Measures;
    readonly after: Measures;
  }>;
  readonly changed: readonly ChangedAnswer[];
  readonly gate: {
    readonly top1: number;
    readonly rejection: number;
    /** True when publishing this draft would take questions.jsonl below the gate. */
    readonly fails: boolean;
    readonly reasons: readonly string[];
  };
  /** Suggestions marked "answered by entry X" would be checked too, but marking one deletes its text. */
  readonly suggestions: { readonly checked: number; readonly note: string };
}

export const SUGGESTIONS_NOTE =
  'Suggested questions marked "answered by entry X" are not in the check: marking a suggestion deletes its text, so there is no question left to ask. Add the question to tests/eval/questions.jsonl to keep it checked.';

const measures = (f: Figures): Measures => ({ top1: f.top1, top3: f.top3, rejection: f.rejection });
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Whether the evaluation files are deployed with this copy of the service. */
export function evaluationAvailable(dir: string = EVAL_DIR): boolean {
  return CHECK_FILES.every((f) => existsSync(join(dir, f)));
}

function side(kb: KnowledgeBase, id: string | null): AnswerSide {
  if (id === null) return { id: null, heading: null };
  const entry = kb.entry(id);
  return { id, heading: entry ? displayTitle(entry) : id };
}

export function checkDraft(before: Search, after: Search, dir: string = EVAL_DIR): CheckResult {
  const sets: Array<CheckResult['sets'][number]> = [];
  const changed: ChangedAnswer[] = [];
  let gateFigures: { before: Figures; after: Figures } | undefined;
  for (const file of CHECK_FILES) {
    const questions = readQuestionFile(join(dir, file));
    const answersBefore = new Map<EvalQuestion, Ranked>();
    const answersAfter = new Map<EvalQuestion, Ranked>();
    const rankBefore = practiceCompanionRanker(before);
    const rankAfter = practiceCompanionRanker(after);
    const b = evaluate(questions, (q) => {
      const r = rankBefore(q);
      answersBefore.set(q, r);
      return r;
    });
    const a = evaluate(questions, (q) => {
      const r = rankAfter(q);
      answersAfter.set(q, r);
      return r;
    });
    sets.push({ file, questions: questions.length, before: measures(b), after: measures(a) });
    if (file === 'questions.jsonl') gateFigures = { before: b, after: a };
    for (const q of questions) {
      const was = answersBefore.get(q)?.top ?? null;
      const now = answersAfter.get(q)?.top ?? null;
      if (was === now) continue;
      const effect = was === q.expect ? 'broken' : now === q.expect ? 'fixed' : 'changed';
      changed.push({
        file,
        question: q.q,
        expect: q.expect,
        ...(q.framework !== undefined && { framework: q.framework }),
        before: side(before.kb, was),
        after: side(after.kb, now),
        effect,
      });
    }
  }
  const reasons: string[] = [];
  if (gateFigures) {
    const { before: b, after: a } = gateFigures;
    if (a.top1 < EVAL_GATE.top1 && a.top1 < b.top1)
      reasons.push(
        `top-1 accuracy would fall to ${pct(a.top1)} (from ${pct(b.top1)}), below the ${pct(EVAL_GATE.top1)} that npm test requires`,
      );
    if (a.rejection < EVAL_GATE.rejection && a.rejection < b.rejection)
      reasons.push(
        `off-topic rejection would fall to ${pct(a.rejection)} (from ${pct(b.rejection)}), below the ${pct(EVAL_GATE.rejection)} that npm test requires`,
      );
  }
  return {
    sets,
    changed,
    gate: { top1: EVAL_GATE.top1, rejection: EVAL_GATE.rejection, fails: reasons.length > 0, reasons },
    suggestions: { checked: 0, note: SUGGESTIONS_NOTE },
  };
}
