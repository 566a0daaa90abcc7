import { createSearch } from '../../knowledge/search/answer';
import { loadOrThrow } from '../helpers/kb';
import { evaluate, plainFuseRanker, practiceCompanionRanker, readQuestions } from './evaluate';

/** The quality gate: see "How well it answers" in the README. */
const GATE = { top1: 0.95, rejection: 0.9 };

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
    expect({ top1: figures.top1 >= GATE.top1, rejection: figures.rejection >= GATE.rejection }).toEqual({ top1: true, rejection: true });
  });

  test('the gate can fail: plain Fuse.js does not pass it', () => {
    const figures = evaluate(questions, plainFuseRanker(loadOrThrow()));
    expect(figures.top1).toBeLessThan(GATE.top1);
  });
});
