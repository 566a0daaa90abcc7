import { join } from 'node:path';
import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { readQuestionFile } from '../knowledge/search/evaluation';
import type { EvalQuestion, Miss, Ranker } from '../knowledge/search/evaluation';

// The scoring lives with the search, so the console's Check runs the very same evaluation.
export { evaluate, practiceCompanionRanker, EVAL_GATE, HELD_OUT_GATE } from '../knowledge/search/evaluation';
export type { EvalQuestion, Figures, Miss, Ranker } from '../knowledge/search/evaluation';

/** The evaluation's question files: evaluation/ (the held-out sets in evaluation/held-out/). */
export const EVAL_DIR = join(__dirname, '..', 'evaluation');

/** Issue 27's blind development sets of staff paraphrases, one per framework (tuned on freely). */
export const DEV_SETS = [
  'dev/ranking-lbbd-dev.jsonl',
  'dev/ranking-jersey-dev.jsonl',
  'dev/ranking-lbbd-h4.jsonl',
  'dev/ranking-jersey-h4.jsonl',
  'dev/ranking-lbbd-h6.jsonl',
  'dev/ranking-jersey-h6.jsonl',
  'dev/ranking-lbbd-h7.jsonl',
  'dev/ranking-jersey-h7.jsonl',
  'dev/ranking-lbbd-h8.jsonl',
  'dev/ranking-jersey-h8.jsonl',
  'dev/ranking-lbbd-h5.jsonl',
  'dev/ranking-jersey-h5.jsonl',
  'dev/ranking-lbbd-h10.jsonl',
  'dev/ranking-jersey-h10.jsonl',
  'dev/ranking-lbbd-h11.jsonl',
  'dev/ranking-jersey-h11.jsonl',
] as const;
/** The held-out sets, placed by the lead and never read while tuning: figures are printed as counts only. */
export const HELD_OUT_SETS = ['held-out/ranking-lbbd.jsonl', 'held-out/ranking-jersey.jsonl'] as const;

export function readQuestions(file: string): EvalQuestion[] {
  return readQuestionFile(join(EVAL_DIR, file));
}

/** The baseline: Fuse.js with its default options over each entry's title and full text. */
export function plainFuseRanker(kb: KnowledgeBase): Ranker {
  const fuse = new Fuse([...kb.entries], { keys: ['title', 'text'] });
  return (q) => {
    const hits = fuse
      .search(q.q.slice(0, 1000))
      .slice(0, 3)
      .map((h) => h.item.id);
    return { top: hits[0] ?? null, firstThree: hits };
  };
}

export interface DeclinedFigures {
  readonly asked: number;
  /** Share of questions about things the framework does not contain that got no entry (the not-sure card). */
  readonly declined: number;
  readonly answered: readonly Miss[];
}

/** Questions the framework does not cover: each should be declined, never answered with a near miss. */
export function declinedFigures(questions: readonly EvalQuestion[], ranker: Ranker): DeclinedFigures {
  const answered = questions.map((q) => ({ q, got: ranker(q) })).filter((m) => m.got.top !== null);
  return {
    asked: questions.length,
    declined: questions.length ? (questions.length - answered.length) / questions.length : 0,
    answered,
  };
}
