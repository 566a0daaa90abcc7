// npm run eval: how well Practice Companion answers the evaluation questions, beside plain Fuse.js.
import { loadKnowledgeBase } from '../../knowledge/kb/load';
import { formatProblem } from '../../knowledge/kb/problems';
import { createSearch } from '../../knowledge/search/answer';
import { isUrgent } from '../../knowledge/search/urgent';
import { isStaffWellbeing } from '../../knowledge/search/wellbeing';
import { looksPersonal } from '../../bot/privacy';
import {
  declinedFigures,
  evaluate,
  plainFuseRanker,
  practiceCompanionRanker,
  readQuestions,
  urgentFigures,
} from './evaluate';
import type { Figures } from './evaluate';

const loaded = loadKnowledgeBase();
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
const ours = practiceCompanionRanker(createSearch(loaded.kb));
const fuse = plainFuseRanker(loaded.kb);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

for (const file of ['questions.jsonl', 'holdout.jsonl']) {
  const questions = readQuestions(file);
  const a = evaluate(questions, ours);
  const b = evaluate(questions, fuse);
  console.log(`\n${file}: ${questions.length} questions (${a.onTopic} on topic, ${a.offTopic} off topic)`);
  console.log(`  ${'measure'.padEnd(22)}${'Practice Companion'.padStart(20)}${'plain Fuse.js'.padStart(16)}`);
  const row = (label: string, f: (x: Figures) => number) =>
    console.log(`  ${label.padEnd(22)}${pct(f(a)).padStart(20)}${pct(f(b)).padStart(16)}`);
  row('top-1 accuracy', (x) => x.top1);
  row('top-3 accuracy', (x) => x.top3);
  row('off-topic rejection', (x) => x.rejection);
  console.log(`  misses (${a.misses.length}):`);
  for (const m of a.misses) {
    console.log(
      `    ${JSON.stringify(m.q.q)}${m.q.framework ? ` [${m.q.framework}]` : ''}: expected ${m.q.expect ?? 'no answer'}, got ${m.got.top ?? 'no answer'} (top 3: ${m.got.firstThree.join(', ') || '-'})`,
    );
  }
}

// Named models and processes the framework does not contain: declined with the signposts, not near-missed.
{
  const questions = readQuestions('not-covered.jsonl');
  const a = declinedFigures(questions, ours);
  const b = declinedFigures(questions, fuse);
  const heldOut = questions.filter((q) => q.tags.includes('held-out'));
  console.log(
    `\nnot-covered.jsonl: ${questions.length} questions about things the frameworks do not contain (${heldOut.length} held out)`,
  );
  console.log(`  ${'measure'.padEnd(22)}${'Practice Companion'.padStart(20)}${'plain Fuse.js'.padStart(16)}`);
  console.log(`  ${'declined'.padEnd(22)}${pct(a.declined).padStart(20)}${pct(b.declined).padStart(16)}`);
  console.log(
    `  ${'declined (held out)'.padEnd(22)}${pct(declinedFigures(heldOut, ours).declined).padStart(20)}${pct(declinedFigures(heldOut, fuse).declined).padStart(16)}`,
  );
  for (const m of a.answered)
    console.log(
      `    answered: ${JSON.stringify(m.q.q)}${m.q.framework ? ` [${m.q.framework}]` : ''}: got ${m.got.top}`,
    );
}

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
