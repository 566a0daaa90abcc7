import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSearch } from '../../knowledge/search/answer';
import { loadOrThrow } from '../../testkit/kb';
import { EVAL_DIR, HELD_OUT_SETS, evaluate, practiceCompanionRanker, readQuestions } from '../../testkit/evaluate';

/**
 * The held-out sets of staff paraphrases (written blind, never tuned on). Issue 27's targets (HELD_OUT_GATE in knowledge/search/evaluation.ts:
 * top-1 92%, top-3 97%, rejection 90%, wrong answers at most 3%) are NOT met yet: `npm run eval` prints the
 * figures and docs/search-quality.md says how far short they are. Until they are, this gate holds each set at
 * the figures it gave when it was placed (2026-12-07), so a change that makes answers to words nobody here
 * wrote worse fails. Raise a floor when a change lifts it; replace a set once its misses have been read.
 * A missing set fails: the gate holds only when it has something to hold. Failures give figures, never questions.
 */
interface Floor {
  readonly top1: number;
  readonly top3: number;
  readonly rejection: number;
  readonly wrong: number;
}

const FLOOR: Readonly<Record<(typeof HELD_OUT_SETS)[number], Floor>> = {
  // Set H9 (written blind by one helper a framework, placed 2026-12-07 after ranking round 7). H5, the set
  // before it, is now development: round 7 chose two of its thresholds on H5's counts, so it no longer
  // measured words nobody here tuned against. Placed figures: top-1 167/187, top-3 176/187, rejection
  // 48/48, wrong 5/235; round 8 (H10 read): 169/187, 178/187, 48/48, 5/235.
  'held-out/ranking-lbbd.jsonl': { top1: 0.903, top3: 0.951, rejection: 1, wrong: 0.022 },
  // Placed figures: top-1 172/200, top-3 191/200, rejection 44/46, wrong 9/246; round 8: 175/200, 195/200, 44/46, 8/246.
  'held-out/ranking-jersey.jsonl': { top1: 0.875, top3: 0.975, rejection: 0.956, wrong: 0.033 },
};

describe.each(HELD_OUT_SETS)('held-out staff paraphrases: %s', (file) => {
  const path = join(EVAL_DIR, file);
  const floor = FLOOR[file];

  test('the set is in place, with at least 150 questions for an entry', () => {
    expect({ file, present: existsSync(path) }).toEqual({ file, present: true });
    expect(readQuestions(file).filter((q) => q.expect !== null).length).toBeGreaterThanOrEqual(150);
  });

  test(`no worse than when placed: top-1 ≥ ${floor.top1 * 100}%, top-3 ≥ ${floor.top3 * 100}%, rejection ≥ ${floor.rejection * 100}%, wrong answers ≤ ${floor.wrong * 100}%`, () => {
    const f = evaluate(readQuestions(file), practiceCompanionRanker(createSearch(loadOrThrow())));
    const figures = { top1: f.top1, top3: f.top3, rejection: f.rejection, wrong: f.wrong };
    expect({
      figures,
      top1: f.top1 >= floor.top1,
      top3: f.top3 >= floor.top3,
      rejection: f.rejection >= floor.rejection,
      wrong: f.wrong <= floor.wrong,
    }).toEqual({ figures, top1: true, top3: true, rejection: true, wrong: true });
  });
});
