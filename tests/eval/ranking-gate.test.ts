import { createSearch } from '../../knowledge/search/answer';
import { loadOrThrow } from '../../testkit/kb';
import {
  EVAL_GATE,
  declinedFigures,
  evaluate,
  plainFuseRanker,
  practiceCompanionRanker,
  readQuestions,
} from '../../testkit/evaluate';

/** The quality gate: see docs/search-quality.md. */
const GATE = EVAL_GATE;

describe('evaluation set', () => {
  const questions = readQuestions('questions.jsonl');

  test('is the size and shape the project promises', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(25);
    const kb = loadOrThrow();
    const unknown = questions.filter((q) => q.expect !== null && !kb.entry(q.expect));
    expect(unknown).toEqual([]);
  });

  test(`top-1 accuracy ≥ ${GATE.top1 * 100}% and off-topic rejection ≥ ${GATE.rejection * 100}%`, () => {
    const figures = evaluate(questions, practiceCompanionRanker(createSearch(loadOrThrow())));
    expect({ top1: figures.top1 >= GATE.top1, rejection: figures.rejection >= GATE.rejection }).toEqual({
      top1: true,
      rejection: true,
    });
  });

  test('the gate can fail: plain Fuse.js does not pass it', () => {
    const figures = evaluate(questions, plainFuseRanker(loadOrThrow()));
    expect(figures.top1).toBeLessThan(GATE.top1);
  });
});

describe('things the framework does not contain are declined, not near-missed', () => {
  const questions = readQuestions('not-covered.jsonl');

  test('the set is the size and shape the project promises: at least 40 questions, each asked in a chat set to a framework, some held out', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.expect !== null || q.framework === undefined).map((q) => q.q)).toEqual([]);
    expect(questions.filter((q) => q.tags.includes('held-out')).length).toBeGreaterThanOrEqual(10);
  });

  test(`≥ ${GATE.declined * 100}% declined`, () => {
    const figures = declinedFigures(questions, practiceCompanionRanker(createSearch(loadOrThrow())));
    expect({
      declined: figures.declined >= GATE.declined,
      answered: figures.answered.map((m) => `${m.q.q} → ${m.got.top}`),
    }).toMatchObject({ declined: true });
  });

  test('the gate can fail: plain Fuse.js answers most of them', () => {
    expect(declinedFigures(questions, plainFuseRanker(loadOrThrow())).declined).toBeLessThan(GATE.declined);
  });
});
