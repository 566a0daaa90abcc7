// npm run bench:search: latency of answer() on the real knowledge base and on 10,000 generated entries.
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { loadKnowledgeBase } from '../knowledge/kb/load';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { createSearch } from '../knowledge/search/answer';
import type { Search } from '../knowledge/search/answer';
import { readQuestions } from '../testkit/evaluate';
import { generateKnowledgeBase, generateQuestions } from './generate-kb';
import { percentile } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

function measure(kb: KnowledgeBase, questions: readonly string[], rounds: number, builds = 3) {
  // The build is timed several times and the median kept: the machines are shared and noisy.
  const buildTimes: number[] = [];
  let search: Search | undefined;
  let indexMb = 0;
  for (let b = 0; b < builds; b++) {
    search = undefined; // let the previous index go before measuring the heap
    const before = heap();
    const t0 = performance.now();
    search = createSearch(kb);
    buildTimes.push(performance.now() - t0);
    indexMb = (heap() - before) / 1024 / 1024;
  }
  if (!search) throw new Error('no builds');
  const built = search;
  const buildMs = percentile(buildTimes, 50);
  for (const q of questions.slice(0, 200)) built.answer(q, { defaultFramework: kb.frameworks[0]?.id ?? '' }); // warm up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      built.answer(q, { defaultFramework: kb.frameworks[0]?.id ?? '' });
      times.push(performance.now() - s);
    }
  }
  return {
    entries: kb.entries.length,
    calls: times.length,
    buildMs,
    indexMb,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

function measurePlainFuse(kb: KnowledgeBase, questions: readonly string[], rounds: number) {
  const fuse = new Fuse([...kb.entries], { keys: ['title', 'text'] });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      fuse.search(q);
      times.push(performance.now() - s);
    }
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const loaded = loadKnowledgeBase();
if (!loaded.ok) throw new Error('the knowledge base does not load: run practice-companion kb validate');
if (!gc) console.log('(run with node --expose-gc for memory figures)');
const real = loaded.kb;
const realQuestions = [...readQuestions('questions.jsonl'), ...readQuestions('holdout.jsonl')].map((q) => q.q);
const big = generateKnowledgeBase(real, 10_000);
const bigQuestions = generateQuestions(big, 2_000);

const a = measure(real, realQuestions, 20);
const fuse = measurePlainFuse(real, realQuestions, 5);
const b = measure(big, bigQuestions, 2);
const ms = (n: number) => `${n.toFixed(3)} ms`;
console.log(`answer() latency, ${new Date().toISOString()}, node ${process.version}`);
console.log(
  `  ${'knowledge base'.padEnd(26)}${'entries'.padStart(8)}${'calls'.padStart(8)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'build'.padStart(12)}${'index heap'.padStart(12)}`,
);
for (const [label, m] of [
  ['real (eval questions)', a],
  ['generated 10,000', b],
] as const) {
  console.log(
    `  ${label.padEnd(26)}${String(m.entries).padStart(8)}${String(m.calls).padStart(8)}${ms(m.p50).padStart(11)}${ms(m.p99).padStart(11)}${ms(m.buildMs).padStart(12)}${`${m.indexMb.toFixed(1)} MB`.padStart(12)}`,
  );
}
console.log(
  `  plain Fuse.js on the real knowledge base, same questions: p50 ${ms(fuse.p50)}, p99 ${ms(fuse.p99)} (${(fuse.p50 / a.p50).toFixed(1)}× our p50)`,
);
console.log(`  targets: p99 ≤ 1 ms (real), p99 ≤ 15 ms (10,000), build ≤ 2,000 ms (10,000)`);
