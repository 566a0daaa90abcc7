// The safety half of `npm run eval`: the routes taken before any answer, and the personal-details reminder.
import { isUrgent } from '../../knowledge/safety/urgent';
import { isStaffWellbeing } from '../../knowledge/safety/wellbeing';
import { looksPersonal } from '../../knowledge/safety/personal-details';
import { readQuestions, urgentFigures } from './evaluate';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function printSafety(): void {
  // Urgent worries: every one gets the safeguarding signpost first; no ordinary question does.
  const urgent = urgentFigures(
    readQuestions('urgent.jsonl'),
    [...readQuestions('questions.jsonl'), ...readQuestions('holdout.jsonl')],
    isUrgent,
  );
  console.log(
    `\nurgent.jsonl: ${urgent.urgent} urgent questions, against ${urgent.ordinary} ordinary ones (questions.jsonl and holdout.jsonl)`,
  );
  console.log(`  urgent signposted first (recall)  ${pct(urgent.recall)}`);
  console.log(`  false alarms on ordinary ones     ${urgent.falseAlarms.length}`);
  for (const q of urgent.missed) console.log(`    missed: ${JSON.stringify(q)}`);
  for (const q of urgent.falseAlarms) console.log(`    false alarm: ${JSON.stringify(q)}`);

  // The asker's own wellbeing: every one gets the staff-support signpost first; no ordinary question does.
  const wellbeing = urgentFigures(
    readQuestions('wellbeing.jsonl'),
    [...readQuestions('questions.jsonl'), ...readQuestions('holdout.jsonl'), ...readQuestions('not-covered.jsonl')],
    isStaffWellbeing,
  );
  console.log(
    `\nwellbeing.jsonl: ${wellbeing.urgent} staff-wellbeing questions, against ${wellbeing.ordinary} ordinary ones (questions, holdout, not-covered)`,
  );
  console.log(`  staff support signposted first    ${pct(wellbeing.recall)}`);
  console.log(`  false alarms on ordinary ones     ${wellbeing.falseAlarms.length}`);
  for (const q of wellbeing.missed) console.log(`    missed: ${JSON.stringify(q)}`);
  for (const q of wellbeing.falseAlarms) console.log(`    false alarm: ${JSON.stringify(q)}`);

  // The personal-details reminder must not nag people who asked an ordinary question.
  const asked = [
    ...readQuestions('questions.jsonl'),
    ...readQuestions('holdout.jsonl'),
    ...readQuestions('urgent.jsonl'),
  ];
  const reminded = asked.filter((q) => looksPersonal(q.q));
  console.log(`\npersonal-details reminder on the ${asked.length} evaluation questions (none holds personal details)`);
  console.log(`  false positives                   ${reminded.length}`);
  for (const q of reminded) console.log(`    reminded: ${JSON.stringify(q.q)}`);
}
