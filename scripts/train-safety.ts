// Trains the safety net's classifier on the development sets and writes knowledge/safety/model.json.
//   npx tsx scripts/train-safety.ts            cross-validate (5 folds), print the figures, then train on all and write
//   npx tsx scripts/train-safety.ts --no-cv    train on all and write
//   npx tsx scripts/train-safety.ts --cv-only  cross-validate only
//   npx tsx scripts/train-safety.ts --set-aside corpus-2.jsonl,…   train without those development files, then
//                                              print its figures (counts only): a check on words the model never saw
// The held-out set (evaluation/held-out/) is never read here. See knowledge/safety/README.md.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../knowledge/paths';
import { SAFETY_ROUTES } from '../knowledge/safety';
import type { SafetyRoute } from '../knowledge/safety';
import { createSafetyNet, THRESHOLDS } from '../knowledge/safety/assess';
import { toldPart } from '../knowledge/safety/whose';
import { formatCount, readSafetyItems, safetyFigures } from '../knowledge/safety/evaluation';
import type { SafetyItem } from '../knowledge/safety/evaluation';
import { features } from '../knowledge/safety/features';
import { loadSafetyLexicon } from '../knowledge/safety/lexicon';
import type { SafetyLexicon } from '../knowledge/safety/lexicon';
import { CLASSES, DEFAULT_SAFETY_MODEL, SafetyModel, softmax } from '../knowledge/safety/model';
import type { ModelClass, ModelFile } from '../knowledge/safety/model';
import { personalDetails } from '../knowledge/safety/personal-details';
import { tokens } from '../knowledge/safety/text';

const DEV_DIR = join(PROJECT_ROOT, 'evaluation', 'safety');
const FOLDS = 5;
/** Training: full-batch gradient descent with AdaGrad steps, L2 on the weights, classes weighted by rarity. */
const SETTINGS = Object.freeze({ iterations: 600, rate: 0.5, l2: 0.0005, minCount: 2 });

interface Example {
  readonly features: readonly string[];
  readonly y: number;
}

function classOf(item: SafetyItem): ModelClass | undefined {
  if (item.kind === 'personal' || item.kind === 'not-personal') return undefined; // labelled for the reminder only
  return (SAFETY_ROUTES as readonly string[]).includes(item.kind) ? (item.kind as SafetyRoute) : 'none';
}

function train(examples: readonly Example[]): ModelFile {
  const K = CLASSES.length;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([f, n]) => n >= SETTINGS.minCount || /^[cps]:/.test(f)).map(([f]) => f);
  const index = new Map(kept.map((f, i) => [f, i]));
  const rows = examples.map((e) => ({
    x: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: e.y,
  }));
  const perClass = new Array<number>(K).fill(0);
  for (const r of rows) perClass[r.y] = (perClass[r.y] ?? 0) + 1;
  const classWeight = perClass.map((n) => (n ? Math.sqrt(rows.length / (K * n)) : 0));
  const W = new Float64Array(kept.length * K);
  const b = new Float64Array(K);
  const gW = new Float64Array(kept.length * K);
  const gb = new Float64Array(K);
  const hW = new Float64Array(kept.length * K).fill(1e-8);
  const hb = new Float64Array(K).fill(1e-8);
  for (let it = 0; it < SETTINGS.iterations; it++) {
    gW.fill(0);
    gb.fill(0);
    for (const r of rows) {
      const scores = Array.from(b);
      for (const i of r.x) for (let k = 0; k < K; k++) scores[k] = (scores[k] ?? 0) + (W[i * K + k] ?? 0);
      const p = softmax(scores);
      const cw = (classWeight[r.y] ?? 1) / rows.length;
      for (let k = 0; k < K; k++) {
        const g = ((p[k] ?? 0) - (k === r.y ? 1 : 0)) * cw;
        gb[k] = (gb[k] ?? 0) + g;
        for (const i of r.x) gW[i * K + k] = (gW[i * K + k] ?? 0) + g;
      }
    }
    for (let j = 0; j < W.length; j++) {
      const g = (gW[j] ?? 0) + SETTINGS.l2 * (W[j] ?? 0);
      hW[j] = (hW[j] ?? 0) + g * g;
      W[j] = (W[j] ?? 0) - (SETTINGS.rate * g) / Math.sqrt(hW[j] ?? 1);
    }
    for (let k = 0; k < K; k++) {
      const g = gb[k] ?? 0;
      hb[k] = (hb[k] ?? 0) + g * g;
      b[k] = (b[k] ?? 0) - (SETTINGS.rate * g) / Math.sqrt(hb[k] ?? 1);
    }
  }
  const round = (v: number) => Math.round(v * 1e3) / 1e3;
  const weights: Record<string, number[]> = {};
  kept.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), round);
    if (w.some((v) => Math.abs(v) >= 5e-3)) weights[f] = w;
  });
  return {
    classes: [...CLASSES],
    bias: Array.from(b, round),
    weights,
    trained: {
      examples: Object.fromEntries(CLASSES.map((c, k) => [c, perClass[k] ?? 0])),
      features: Object.keys(weights).length,
    },
  };
}

function examplesOf(items: readonly SafetyItem[], lexicon: SafetyLexicon): Example[] {
  return items.flatMap((item) => {
    const c = classOf(item);
    if (c === undefined) return [];
    const y = CLASSES.indexOf(c);
    const told = toldPart(lexicon, item.q);
    const whole = { features: features(lexicon.read(tokens(item.q))), y };
    return told ? [whole, { features: features(told), y }] : [whole];
  });
}

/** A stable fold for each message, from its text: the same split every run. */
function foldOf(q: string): number {
  return hash(q) % FOLDS;
}

function hash(q: string): number {
  let h = 2166136261;
  for (let i = 0; i < q.length; i++) h = Math.imul(h ^ q.charCodeAt(i), 16777619);
  return h >>> 0;
}

function crossValidate(items: readonly SafetyItem[], lexicon: SafetyLexicon): void {
  const routed = items.filter((i) => classOf(i) !== undefined);
  const predictions = new Map<string, ReturnType<ReturnType<typeof createSafetyNet>['explain']>>();
  const verdicts = new Map<string, ReturnType<ReturnType<typeof createSafetyNet>['assess']>>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = new SafetyModel(
      train(
        examplesOf(
          routed.filter((i) => foldOf(i.q) !== fold),
          lexicon,
        ),
      ),
    );
    const net = createSafetyNet(lexicon, model);
    for (const i of routed.filter((item) => foldOf(item.q) === fold)) {
      predictions.set(i.q, net.explain(i.q));
      verdicts.set(i.q, net.assess(i.q));
    }
  }
  const figures = safetyFigures(
    routed,
    (q) => verdicts.get(q) ?? { route: null, mentionsRisk: false },
    (q) => personalDetails(q),
  );
  console.log(
    `cross-validated on the development sets (${FOLDS} folds: each message judged by a model that never saw it)`,
  );
  for (const r of SAFETY_ROUTES) console.log(`  ${r.padEnd(34)}${formatCount(figures.routed[r])}`);
  console.log(`  ${'ordinary: a 999 card first'.padEnd(34)}${formatCount(figures.ordinaryAlarms)}`);
  console.log(`  ${'ordinary: child at risk first'.padEnd(34)}${formatCount(figures.ordinaryChildAlarms)}`);
  console.log(`  ${'ordinary: any route'.padEnd(34)}${formatCount(figures.ordinaryAnyRoute)}`);
  console.log(`  ${'not covered: any route'.padEnd(34)}${formatCount(figures.notCoveredAnyRoute)}`);
  if (process.argv.includes('--misses')) {
    for (const r of SAFETY_ROUTES)
      for (const q of figures.routed[r].misses) console.log(`    missed ${r}: ${q}  ${show(predictions.get(q))}`);
    for (const q of figures.ordinaryAnyRoute.misses)
      console.log(`    routed ordinary: ${q}  ${show(predictions.get(q))}`);
    for (const q of figures.notCoveredAnyRoute.misses)
      console.log(`    routed not-covered: ${q}  ${show(predictions.get(q))}`);
  }
  // How recall and false alarms trade at other thresholds for a child at risk, to choose THRESHOLDS.
  const child = routed.filter((i) => i.kind === 'child-at-risk');
  const ordinary = routed.filter((i) => i.kind === 'ordinary');
  const line = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6].map((t) => {
    const rec = child.filter((i) => (predictions.get(i.q)?.probabilities['child-at-risk'] ?? 0) >= t).length;
    const fa = ordinary.filter((i) => (predictions.get(i.q)?.probabilities['child-at-risk'] ?? 0) >= t).length;
    return `${t}: ${rec}/${child.length} caught, ${fa}/${ordinary.length} ordinary`;
  });
  console.log(`  child at risk by threshold (now ${THRESHOLDS['child-at-risk']}): ${line.join('; ')}`);
}

function show(p: ReturnType<ReturnType<typeof createSafetyNet>['explain']> | undefined): string {
  if (!p) return '';
  return `[${SAFETY_ROUTES.map((r) => `${r.split('-')[0]} ${p.probabilities[r].toFixed(2)}`).join(', ')}${p.rules.length ? `; rules ${p.rules.join(',')}` : ''}]`;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function printFigures(title: string, items: readonly SafetyItem[], model: SafetyModel, lexicon: SafetyLexicon): void {
  const net = createSafetyNet(lexicon, model);
  const figures = safetyFigures(
    items,
    (q) => net.assess(q),
    (q) => personalDetails(q),
  );
  console.log(title);
  for (const r of SAFETY_ROUTES) console.log(`  ${r.padEnd(34)}${formatCount(figures.routed[r])}`);
  console.log(`  ${'ordinary: a 999 card first'.padEnd(34)}${formatCount(figures.ordinaryAlarms)}`);
  console.log(`  ${'ordinary: any route'.padEnd(34)}${formatCount(figures.ordinaryAnyRoute)}`);
  console.log(`  ${'not covered: any route'.padEnd(34)}${formatCount(figures.notCoveredAnyRoute)}`);
  if (process.argv.includes('--misses')) {
    for (const r of SAFETY_ROUTES)
      for (const q of figures.routed[r].misses) console.log(`    missed ${r}: ${q}  ${show(net.explain(q))}`);
    for (const q of figures.ordinaryAnyRoute.misses) console.log(`    routed ordinary: ${q}  ${show(net.explain(q))}`);
  }
}

function main(): void {
  const setAside = option('--set-aside')?.split(',') ?? [];
  const files = readdirSync(DEV_DIR).filter((f) => f.endsWith('.jsonl') && !setAside.includes(f));
  const items = files.flatMap((f) => readSafetyItems(join(DEV_DIR, f)));
  const lexicon = loadSafetyLexicon();
  console.log(`development sets: ${files.join(', ')} (${items.length} messages)`);
  if (!process.argv.includes('--no-cv')) crossValidate(items, lexicon);
  if (process.argv.includes('--cv-only')) return;
  const model = train(examplesOf(items, lexicon));
  if (setAside.length) {
    for (const f of setAside)
      printFigures(
        `${f}, set aside (trained without it; nothing written)`,
        readSafetyItems(join(DEV_DIR, f)),
        new SafetyModel(model),
        lexicon,
      );
    return;
  }
  writeFileSync(DEFAULT_SAFETY_MODEL, `${JSON.stringify(model)}\n`);
  console.log(
    `wrote ${DEFAULT_SAFETY_MODEL}: ${model.trained.features} features, trained on ${JSON.stringify(model.trained.examples)}`,
  );
}

main();
