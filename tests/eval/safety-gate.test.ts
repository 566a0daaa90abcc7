import { isUrgent } from '../../knowledge/safety/urgent';
import { isStaffWellbeing } from '../../knowledge/safety/wellbeing';
import { looksPersonal } from '../../knowledge/safety/personal-details';
import { readQuestions, urgentFigures } from './evaluate';

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
