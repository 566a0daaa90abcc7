import type { KnowledgeBase } from '../kb/model';
import { displayTitle } from '../kb/model';
import { checkQuestions } from '../kb/checks';
import type { Search } from '../search/answer';
import { EVAL_GATE, evaluate, practiceCompanionRanker } from '../search/evaluation';
import type { EvalQuestion, Figures, Ranked } from '../search/evaluation';

/**
 * The console's Check: every framework's check questions (shipped in its own file, edited with it) asked of
 * the live knowledge and of the draft, side by side. Publishing needs a written reason when any question
 * would get a worse answer (another entry, or none where it had the right one), or when the share answered
 * right falls below what the project's own tests hold the search to (EVAL_GATE) and lower than now.
 */

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
  readonly question: string;
  /** The entry it should reach, or null for a question that should get none. */
  readonly expect: string | null;
  /** That entry's title, as staff see it; null when it should get none. */
  readonly expectHeading: string | null;
  /** Set when it should get none because its entry is retired: the bot says it is no longer covered. */
  readonly retired?: string;
  readonly framework: string;
  readonly before: AnswerSide;
  readonly after: AnswerSide;
  /** 'broken': it was right and now is not; 'fixed': the other way; 'changed': wrong both times, differently. */
  readonly effect: 'broken' | 'fixed' | 'changed';
}

export interface CheckResult {
  /** The framework the draft is of. */
  readonly framework: { readonly id: string; readonly name: string };
  /** How many check questions were asked, across every framework. */
  readonly questions: number;
  /** One line a framework: how many questions, and how they fare before (live) and after (the draft). */
  readonly sets: ReadonlyArray<{
    readonly framework: string;
    readonly name: string;
    readonly questions: number;
    /** How many of them get the answer they should (the entry, or none), now and with the draft. */
    readonly right: { readonly before: number; readonly after: number };
    readonly before: Measures;
    readonly after: Measures;
  }>;
  readonly changed: readonly ChangedAnswer[];
  /** The changed questions whose answer got worse: each of them stops Publish until a reason is written. */
  readonly worse: readonly ChangedAnswer[];
  /** True when the draft's framework has no check questions: Check can say nothing about it. */
  readonly noChecks: boolean;
  /** One plain sentence: what publishing would change for staff. */
  readonly summary: string;
  readonly gate: {
    readonly top1: number;
    readonly rejection: number;
    /** True when publishing this draft needs a written reason. */
    readonly fails: boolean;
    readonly reasons: readonly string[];
  };
  /** Questions staff sent are checked only once added to an entry ("Add this wording"). */
  readonly suggestions: { readonly checked: number; readonly note: string };
}

export const SUGGESTIONS_NOTE =
  'A question someone sent is checked from then on only if you add it to an entry with "Add this wording": marking it answered deletes its text.';

const measures = (f: Figures): Measures => ({ top1: f.top1, top3: f.top3, rejection: f.rejection });
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const questions = (n: number) => `${n} question${n === 1 ? '' : 's'}`;

function side(kb: KnowledgeBase, id: string | null): AnswerSide {
  if (id === null) return { id: null, heading: null };
  const entry = kb.entry(id);
  return { id, heading: entry ? displayTitle(entry) : id };
}

/** The draft (`after`) against what is live (`before`), on the check questions the draft holds. */
export function checkDraft(before: Search, after: Search, frameworkId: string): CheckResult {
  const sets: Array<CheckResult['sets'][number]> = [];
  const changed: ChangedAnswer[] = [];
  const reasons: string[] = [];
  const rankBefore = practiceCompanionRanker(before);
  const rankAfter = practiceCompanionRanker(after);
  for (const f of after.kb.frameworks) {
    const asked = checkQuestions(after.kb, f.id);
    if (asked.length === 0) continue;
    const evalQuestions: EvalQuestion[] = asked.map((c) => ({
      q: c.q,
      expect: c.expect,
      tags: [],
      framework: c.framework,
    }));
    const answersBefore = new Map<EvalQuestion, Ranked>();
    const answersAfter = new Map<EvalQuestion, Ranked>();
    const record = (answers: Map<EvalQuestion, Ranked>, rank: (q: EvalQuestion) => Ranked) => (q: EvalQuestion) => {
      const r = rank(q);
      answers.set(q, r);
      return r;
    };
    const b = evaluate(evalQuestions, record(answersBefore, rankBefore));
    const a = evaluate(evalQuestions, record(answersAfter, rankAfter));
    const right = (m: Figures) => asked.length - m.misses.length;
    sets.push({
      framework: f.id,
      name: f.shortName,
      questions: asked.length,
      right: { before: right(b), after: right(a) },
      before: measures(b),
      after: measures(a),
    });
    evalQuestions.forEach((q, i) => {
      const was = answersBefore.get(q)?.top ?? null;
      const now = answersAfter.get(q)?.top ?? null;
      if (was === now) return;
      const retired = asked[i]?.retired;
      changed.push({
        question: q.q,
        expect: q.expect,
        expectHeading: side(after.kb, q.expect).heading,
        ...(retired !== undefined && { retired }),
        framework: f.id,
        before: side(before.kb, was),
        after: side(after.kb, now),
        effect: was === q.expect ? 'broken' : now === q.expect ? 'fixed' : 'changed',
      });
    });
    if (b.onTopic > 0 && a.top1 < EVAL_GATE.top1 && a.top1 < b.top1)
      reasons.push(
        `${f.shortName}: ${pct(a.top1)} of its questions would reach the entry they should (now ${pct(b.top1)}; at least ${pct(EVAL_GATE.top1)} should)`,
      );
    if (b.offTopic > 0 && a.rejection < EVAL_GATE.rejection && a.rejection < b.rejection)
      reasons.push(
        `${f.shortName}: ${pct(a.rejection)} of the questions it should not answer would get "not sure" (now ${pct(b.rejection)}; at least ${pct(EVAL_GATE.rejection)} should)`,
      );
  }
  const worse = changed.filter((c) => c.effect !== 'fixed');
  const framework = after.kb.framework(frameworkId);
  const name = framework?.shortName ?? frameworkId;
  const noChecks = checkQuestions(after.kb, frameworkId).length === 0;
  const total = sets.reduce((n, s) => n + s.questions, 0);
  const summary =
    worse.length > 0
      ? `${questions(worse.length)} staff might ask would now get a different answer, or none.`
      : noChecks
        ? `${name} has no check questions yet, so Check cannot tell whether staff would get different answers. Add some to its entries, under "Check questions".`
        : changed.length > 0
          ? `No question staff might ask would get a worse answer, and ${questions(changed.length)} would now get the right one.`
          : `All ${questions(total)} staff might ask would get the same answer as now.`;
  if (worse.length > 0) reasons.unshift(summary.replace(/\.$/, ''));
  return {
    framework: { id: frameworkId, name },
    questions: total,
    sets,
    changed,
    worse,
    noChecks,
    summary,
    gate: { top1: EVAL_GATE.top1, rejection: EVAL_GATE.rejection, fails: reasons.length > 0, reasons },
    suggestions: { checked: 0, note: SUGGESTIONS_NOTE },
  };
}
