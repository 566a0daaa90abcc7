import { createSearch } from '../../knowledge/search/answer';
import { loadOrThrow } from '../helpers/kb';
import { isUrgent } from '../../knowledge/search/urgent';
import { isStaffWellbeing } from '../../knowledge/search/wellbeing';
import { looksPersonal } from '../../bot/privacy';
import {
  EVAL_GATE,
  declinedFigures,
  evaluate,
  plainFuseRanker,
  practiceCompanionRanker,
  readQuestions,
  urgentFigures,
} from './evaluate';

/** The quality gate: see "How well it answers" in the README. */
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

describe('urgent worries get the safeguarding signpost first', () => {
  const urgent = readQuestions('urgent.jsonl');
  const ordinary = [...readQuestions('questions.jsonl'), ...readQuestions('holdout.jsonl')];

  test('the sets are the size the project promises: at least 40 urgent and 200 ordinary questions', () => {
    expect(urgent.length).toBeGreaterThanOrEqual(40);
    expect(ordinary.length).toBeGreaterThanOrEqual(200);
  });

  test('100% of urgent questions signposted, and 0 false alarms on the ordinary ones', () => {
    const figures = urgentFigures(urgent, ordinary, isUrgent);
    expect({ missed: figures.missed, falseAlarms: figures.falseAlarms }).toEqual({ missed: [], falseAlarms: [] });
    expect(figures.recall).toBe(1);
  });

  test('the gate can fail: a detector that flags every question with "risk" or "harm" has false alarms, and one that flags nothing misses', () => {
    expect(urgentFigures(urgent, ordinary, (q) => /risk|harm|abuse/i.test(q)).falseAlarms.length).toBeGreaterThan(0);
    expect(urgentFigures(urgent, ordinary, () => false).recall).toBe(0);
  });
});

describe("the asker's own wellbeing gets the staff-support signpost first", () => {
  const wellbeing = readQuestions('wellbeing.jsonl');
  const ordinary = [
    ...readQuestions('questions.jsonl'),
    ...readQuestions('holdout.jsonl'),
    ...readQuestions('not-covered.jsonl'),
  ];

  test('the set is at least 20 questions, some held out', () => {
    expect(wellbeing.length).toBeGreaterThanOrEqual(20);
    expect(wellbeing.filter((q) => q.tags.includes('held-out')).length).toBeGreaterThanOrEqual(5);
  });

  test('100% routed, and 0 false alarms on the ordinary questions', () => {
    const figures = urgentFigures(wellbeing, ordinary, isStaffWellbeing);
    expect({ missed: figures.missed, falseAlarms: figures.falseAlarms }).toEqual({ missed: [], falseAlarms: [] });
  });

  test('the gate can fail: a detector that flags every question with "stress" or "support" has false alarms', () => {
    expect(
      urgentFigures(wellbeing, ordinary, (q) => /stress|support|resilien/i.test(q)).falseAlarms.length,
    ).toBeGreaterThan(0);
    expect(urgentFigures(wellbeing, ordinary, () => false).recall).toBe(0);
  });
});

describe('the personal-details reminder', () => {
  const asked = [
    ...readQuestions('questions.jsonl'),
    ...readQuestions('holdout.jsonl'),
    ...readQuestions('urgent.jsonl'),
  ];

  test('no false positives on any evaluation question', () => {
    expect(asked.filter((q) => looksPersonal(q.q)).map((q) => q.q)).toEqual([]);
  });

  test('the check can fail: the same questions with a name, an age, a school or a case number are all noticed', () => {
    const planted = ['Tom Smith', 'Kayleigh, 14', "St Mary's Primary", 'case 4471023'];
    const sample = asked.slice(0, 20);
    for (const detail of planted)
      expect(sample.filter((q) => !looksPersonal(`${q.q} ${detail}`)).map((q) => q.q)).toEqual([]);
  });
});
