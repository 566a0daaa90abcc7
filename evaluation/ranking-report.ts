// The ranking half of `npm run eval`: answers to framework questions and the declines, beside plain Fuse.js.
import { checkQuestions } from '../knowledge/kb/checks';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { createSearch } from '../knowledge/search/answer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_SETS,
  EVAL_DIR,
  HELD_OUT_GATE,
  HELD_OUT_SETS,
  declinedFigures,
  evaluate,
  plainFuseRanker,
  practiceCompanionRanker,
  readQuestions,
} from '../testkit/evaluate';
import type { EvalQuestion, Figures, Ranker } from '../testkit/evaluate';

export function printRanking(kb: KnowledgeBase): void {
  const ours = practiceCompanionRanker(createSearch(kb));
  const fuse = plainFuseRanker(kb);
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

  // The check questions each framework ships with (the console's Check and Publish ask them).
  for (const f of kb.frameworks) {
    const questions = checkQuestions(kb, f.id).map((c) => ({ q: c.q, expect: c.expect, tags: [], framework: f.id }));
    const a = evaluate(questions, ours);
    console.log(
      `\n${f.file}'s check questions: ${questions.length} (${a.onTopic} for an entry, ${a.offTopic} for none): ${questions.length - a.misses.length} answered as they expect`,
    );
    console.log(`  top-1 accuracy ${pct(a.top1)}, off-topic rejection ${pct(a.rejection)}`);
  }

  // Issue 27's blind sets of staff paraphrases, framework by framework: the development sets with their misses,
  // the held-out sets (when placed) as counts only, never their questions.
  for (const [label, files, showMisses] of [
    ['development', DEV_SETS, true],
    ['held out', HELD_OUT_SETS, false],
  ] as const) {
    for (const file of files) {
      if (!existsSync(join(EVAL_DIR, file))) {
        console.log(`\n${file} (${label}): not present`);
        continue;
      }
      printParaphraseFigures(file, label, readQuestions(file), ours, showMisses);
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
}

function printParaphraseFigures(
  file: string,
  label: string,
  questions: readonly EvalQuestion[],
  ranker: Ranker,
  showMisses: boolean,
): void {
  for (const framework of [...new Set(questions.map((q) => q.framework ?? '(none)'))]) {
    const mine = questions.filter((q) => (q.framework ?? '(none)') === framework);
    const f = evaluate(mine, ranker);
    const count = (share: number, of: number) => `${Math.round(share * of)}/${of} (${(share * 100).toFixed(1)}%)`;
    console.log(`\n${file} (${label}), asked in a chat set to ${framework}: ${mine.length} questions`);
    console.log(`  top-1 accuracy        ${count(f.top1, f.onTopic)}`);
    console.log(`  top-3 accuracy        ${count(f.top3, f.onTopic)}`);
    console.log(`  off-topic rejection   ${count(f.rejection, f.offTopic)}`);
    console.log(`  wrong answers         ${count(f.wrong, mine.length)}`);
    const short = [
      f.top1 < HELD_OUT_GATE.top1 && `top-1 below ${HELD_OUT_GATE.top1 * 100}%`,
      f.top3 < HELD_OUT_GATE.top3 && `top-3 below ${HELD_OUT_GATE.top3 * 100}%`,
      f.rejection < HELD_OUT_GATE.rejection && `rejection below ${HELD_OUT_GATE.rejection * 100}%`,
      f.wrong > HELD_OUT_GATE.wrong && `wrong answers above ${HELD_OUT_GATE.wrong * 100}%`,
    ].filter(Boolean);
    console.log(`  issue 27's targets    ${short.length ? `not met: ${short.join(', ')}` : 'met'}`);
    if (!showMisses) continue;
    console.log(`  misses (${f.misses.length}):`);
    for (const m of f.misses)
      console.log(
        `    ${JSON.stringify(m.q.q)}: expected ${m.q.expect ?? 'no answer'}, got ${m.got.top ?? 'no answer'} (top 3: ${m.got.firstThree.join(', ') || '-'})`,
      );
  }
}
