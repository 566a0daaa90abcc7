// node --expose-gc --import tsx bench/safety.ts: what the safety net costs on every message, with
// assessSafety() and personalDetails() timed over the development sets' messages. Wall-clock percentiles
// suffer on a shared machine, so the CPU time per message (process.cpuUsage over the whole run) is given too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assessSafety, personalDetails } from '../knowledge/safety';
import { readSafetyItems } from '../knowledge/safety/evaluation';
import { percentile } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
const dir = join(__dirname, '..', 'evaluation', 'safety');
const messages = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readSafetyItems(join(dir, f)))
  .map((i) => i.q);

const loadStart = performance.now();
assessSafety('warm up');
personalDetails('warm up');
const loadMs = performance.now() - loadStart;

function time(label: string, fn: (q: string) => unknown, rounds: number): void {
  for (const q of messages.slice(0, 500)) fn(q); // warm up
  gc?.();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const q of messages) {
      const s = performance.now();
      fn(q);
      times.push(performance.now() - s);
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / times.length;
  const ms = (n: number) => `${n.toFixed(3)} ms`.padStart(11);
  console.log(
    `  ${label.padEnd(18)}${String(times.length).padStart(8)}${ms(percentile(times, 50))}${ms(percentile(times, 99))}${ms(cpuMs)}`,
  );
}

console.log(`safety net latency, ${new Date().toISOString()}, node ${process.version}, ${messages.length} messages`);
console.log(`  first call (loads the lexicon, names and model): ${loadMs.toFixed(0)} ms`);
console.log(
  `  ${'function'.padEnd(18)}${'calls'.padStart(8)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'cpu/call'.padStart(11)}`,
);
time('assessSafety', assessSafety, 3);
time('personalDetails', (q) => personalDetails(q), 3);
