// Side by side in one process: this tree's search against another checkout's (e.g. main), on the same
// knowledge bases and questions, builds and questions interleaved so both meet the same machine load.
//   node --expose-gc --import tsx bench/search-compare.ts /path/to/main [rounds]
// Prints medians: knowledge-base load, index build, index heap, answer() p50 and p99, for the real
// knowledge base and for 10,000 generated entries.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { readQuestions } from '../testkit/evaluate';
import { generateKnowledgeBase, generateQuestions } from './generate-kb';
import { percentile } from './stats';

interface Tree {
  readonly label: string;
  readonly load: () => { ok: true; kb: KnowledgeBase } | { ok: false };
  readonly createSearch: (kb: KnowledgeBase) => {
    answer(q: string, o?: { defaultFramework?: string }): unknown;
  };
}

function treeAt(root: string, label: string): Tree {
  /* eslint-disable @typescript-eslint/no-require-imports -- each tree's own modules, loaded side by side */
  const load = (require(join(root, 'knowledge/kb/load')) as { loadKnowledgeBase: Tree['load'] }).loadKnowledgeBase;
  const search = require(join(root, 'knowledge/search/answer')) as { createSearch: Tree['createSearch'] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { label, load, createSearch: search.createSearch };
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const median = (xs: readonly number[]) => percentile(xs, 50);

const other = process.argv[2];
if (!other) throw new Error('usage: bench/search-compare.ts /path/to/other/checkout [rounds]');
const rounds = Number(process.argv[3] ?? 5);
const trees = [treeAt(resolve(other), 'other'), treeAt(resolve(__dirname, '..'), 'this')];

const loaded = trees[1]?.load();
if (!loaded?.ok) throw new Error('the knowledge base does not load');
const realQuestions = [...readQuestions('questions.jsonl'), ...readQuestions('holdout.jsonl')].map((q) => q.q);
const big = generateKnowledgeBase(loaded.kb, 10_000);
const bigQuestions = generateQuestions(big, 2_000);

const figures = new Map<string, Map<string, number[]>>();
const note = (tree: string, what: string, value: number) => {
  const byWhat = figures.get(tree) ?? new Map<string, number[]>();
  byWhat.set(what, [...(byWhat.get(what) ?? []), value]);
  figures.set(tree, byWhat);
};

for (let r = 0; r < rounds; r++) {
  for (const tree of r % 2 === 0 ? trees : [...trees].reverse()) {
    const loads: number[] = [];
    let own: ReturnType<Tree['load']> = { ok: false };
    for (let l = 0; l < 9; l++) {
      const t0 = performance.now();
      own = tree.load();
      loads.push(performance.now() - t0);
    }
    note(tree.label, 'load ms (real)', median(loads));
    if (!own.ok) throw new Error(`${tree.label}: the knowledge base does not load`);
    for (const [name, kb, questions, repeat] of [
      ['real', own.kb, realQuestions, 10],
      ['10,000', big, bigQuestions, 1],
    ] as const) {
      // The small base builds in milliseconds: it is built several times and the round keeps the median.
      const builds: number[] = [];
      let search: ReturnType<Tree['createSearch']> | undefined;
      let indexMb = 0;
      for (let b = 0; b < (name === 'real' ? 9 : 1); b++) {
        search = undefined;
        const before = heap();
        const t1 = performance.now();
        search = tree.createSearch(kb);
        builds.push(performance.now() - t1);
        indexMb = (heap() - before) / 1024 / 1024;
      }
      if (!search) throw new Error('no build');
      note(tree.label, `build ms (${name})`, median(builds));
      note(tree.label, `index MB (${name})`, indexMb);
      const framework = kb.frameworks[0]?.id ?? '';
      for (const q of questions.slice(0, 200)) search.answer(q, { defaultFramework: framework });
      const times: number[] = [];
      for (let k = 0; k < repeat; k++)
        for (const q of questions) {
          const s = performance.now();
          search.answer(q, { defaultFramework: framework });
          times.push(performance.now() - s);
        }
      note(tree.label, `p50 ms (${name})`, percentile(times, 50));
      note(tree.label, `p99 ms (${name})`, percentile(times, 99));
    }
  }
}

console.log(`search side by side, ${rounds} rounds, medians, ${new Date().toISOString()}, node ${process.version}`);
console.log(`  other: ${resolve(other)}`);
const whats = [...(figures.get('this')?.keys() ?? [])];
console.log(`  ${'measure'.padEnd(22)}${'other'.padStart(12)}${'this'.padStart(12)}${'this/other'.padStart(12)}`);
for (const what of whats) {
  const a = median(figures.get('other')?.get(what) ?? []);
  const b = median(figures.get('this')?.get(what) ?? []);
  console.log(
    `  ${what.padEnd(22)}${a.toFixed(3).padStart(12)}${b.toFixed(3).padStart(12)}${(b / a).toFixed(2).padStart(11)}×`,
  );
}
