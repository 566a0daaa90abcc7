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
  // Set H5 (written blind by one helper a framework, placed 2026-12-07; set H4, before it, is now development).
  // Placed figures: top-1 151/179, top-3 167/179, rejection 36/39, wrong 6/218; raised after each framework's
  // typical questions were widened from the development sets: 156/179, 169/179, 36/39, 5/218; then 155/179 once
  // the overview's typical question stopped naming three approaches (it had cost "restorative practice" its
  // confident answer); round 5 (places read with a describing word, "second to last", counts): 157/179, 170/179,
  // 36/39, 4/218; round 6 (typical questions widened from H6 and H7, now development): 161/179, 171/179, 36/39, 4/218;
  // round 7 (H8 read: places with the kind or list named, the whole framework and whole lists in other words, the
  // kind named with a clear leader): 167/179, 172/179, 36/39, 3/218.
  'held-out/ranking-lbbd.jsonl': { top1: 0.932, top3: 0.96, rejection: 0.923, wrong: 0.014 },
  // Placed figures: top-1 132/172, top-3 156/172, rejection 38/41, wrong 11/213; raised: 135/172, 157/172, 38/41, 10/213;
  // round 5: 139/172, 160/172, 38/41, 6/213; round 6: 140/172, 160/172, 38/41, 6/213; round 7: 144/172, 160/172,
  // 38/41, 6/213.
  'held-out/ranking-jersey.jsonl': { top1: 0.837, top3: 0.93, rejection: 0.926, wrong: 0.029 },
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
