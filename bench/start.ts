// npm run bench:start: how fast the service starts and how much memory it holds, compiled (npm start,
// which runs dist/) beside the TypeScript sources through tsx (npm run dev without watch, and what
// npm start was before). For each, 5 cold starts from spawning the process to the first 200 from
// /healthz (the median is reported), then, on one more start, resident memory at idle and after
// 10,000 questions to /api/messages. Everything on loopback; each start gets a fresh SQLite file.
//   npm run bench:start [-- --runs 5 --questions 10000]
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchMessage } from './activity';
import { deployedFlags } from './soak-processes';
import { percentile } from './stats';

const ROOT = join(__dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const QUESTIONS = arg('questions', 10_000);
const CONCURRENCY = 8;
const IDLE_MS = 3_000;

interface Mode {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}
const MODES: readonly Mode[] = [
  // --require bin/node20-preload.js: better-sqlite3 12 on Node 20, as npm start and npm run dev do (see bin/node20.js).
  {
    label: 'tsx (TypeScript sources)',
    command: join(ROOT, 'node_modules', '.bin', 'tsx'),
    args: ['--require', join(ROOT, 'bin', 'node20-preload.js'), join(ROOT, 'bot', 'index.ts')],
  },
  {
    label: 'npm start (compiled dist/)',
    command: process.execPath,
    args: [...deployedFlags(ROOT), join(ROOT, 'bin', 'start.js')],
  },
];

/** The evaluation set's questions, and a few others: real questions of several kinds. */
const questions: string[] = [
  ...readFileSync(join(ROOT, 'evaluation', 'questions.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { q: string }).q),
  'what is CARES',
  'list the principles',
  "what's the wifi password",
  'safegaurding',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resident memory of a process and all its descendants (tsx runs the service in a child), in MB. */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone since readdir
    }
  }
  let kb = 0;
  const visit = (p: number) => {
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return;
    }
    (children.get(p) ?? []).forEach(visit);
  };
  visit(pid);
  return kb / 1024;
}

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly ms: number;
  readonly folder: string;
}

async function start(mode: Mode): Promise<Started> {
  const folder = mkdtempSync(join(tmpdir(), 'pc-bench-start-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn(mode.command, mode.args, {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(folder, 'bench.db')}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${mode.label} exited (${code}) before /healthz answered`))),
  );
  for (;;) {
    const ok = await Promise.race([
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (ok) return { child, url, ms: performance.now() - began, folder };
    if (performance.now() - began > 60_000) throw new Error(`${mode.label}: /healthz did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode === null) {
    const gone = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await gone;
  }
  rmSync(s.folder, { recursive: true, force: true });
}

async function ask(url: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: benchMessage(questions[i % questions.length] ?? '', `bench-start-${i}`),
      });
      if (res.status !== 200) throw new Error(`question ${i} got ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

interface Figures {
  readonly label: string;
  readonly starts: number[];
  readonly idleMb: number;
  readonly afterMb: number;
  readonly askSeconds: number;
}

async function measure(mode: Mode): Promise<Figures> {
  const starts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await start(mode);
    starts.push(s.ms);
    await stop(s);
  }
  const s = await start(mode);
  try {
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const pid = s.child.pid ?? 0;
    const idleMb = treeRssMb(pid);
    const began = performance.now();
    await ask(s.url, QUESTIONS);
    const askSeconds = (performance.now() - began) / 1000;
    await new Promise((r) => setTimeout(r, 1_000));
    return { label: mode.label, starts, idleMb, afterMb: treeRssMb(pid), askSeconds };
  } finally {
    await stop(s);
  }
}

async function main(): Promise<void> {
  // Build first (if needed), so that no start below pays for compiling.
  // bin/build.js is plain JavaScript, required rather than imported.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureBuilt } = require('../bin/build.js') as { ensureBuilt(): boolean };
  ensureBuilt();
  console.log(
    `Node ${process.version}, ${RUNS} cold starts each to /healthz, then RSS at idle (${IDLE_MS / 1000} s after start) and after ${QUESTIONS.toLocaleString('en-GB')} questions (${CONCURRENCY} at a time)\n`,
  );
  const results: Figures[] = [];
  for (const mode of MODES) results.push(await measure(mode));
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, unit: string) => `${n.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`;
  console.log(
    `${pad('', 28)}${pad('median start', 14)}${pad('each start (ms)', 34)}${pad('RSS idle', 11)}${pad('RSS after', 11)}questions/s`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.label, 28)}${pad(num(percentile(r.starts, 50), 'ms'), 14)}${pad(r.starts.map((ms) => ms.toFixed(0)).join(', '), 34)}${pad(num(r.idleMb, 'MB'), 11)}${pad(num(r.afterMb, 'MB'), 11)}${(QUESTIONS / r.askSeconds).toFixed(0)}`,
    );
  }
  const [tsx, dist] = results;
  if (tsx && dist) {
    console.log(
      `\ncompiled against tsx: start ${(percentile(dist.starts, 50) / percentile(tsx.starts, 50)).toFixed(2)}×, idle memory ${(dist.idleMb / tsx.idleMb).toFixed(2)}×, memory after the questions ${(dist.afterMb / tsx.afterMb).toFixed(2)}×`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
