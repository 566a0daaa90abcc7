// npm run bench:http: Practice Companion's /api/messages beside a minimal botbuilder echo bot,
// both in expectReplies mode (replies come back in the HTTP response), measured in one run.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const ROOT = join(__dirname, '..');
const QUESTIONS = ['what is CARES', 'principle 7', 'how do we work with domestic abuse', 'jersey trauma informed', 'safegaurding', "what's the wifi password"];
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 10);

function activity(text: string, i: number) {
  return JSON.stringify({
    type: 'message',
    id: `bench-${i}`,
    text,
    deliveryMode: 'expectReplies',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:bench-user', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { id: '28:bench-bot' },
    conversation: { id: 'a:bench', conversationType: 'personal', tenantId: '00000000-0000-4000-8000-000000000002' },
    channelData: { tenant: { id: '00000000-0000-4000-8000-000000000002' } },
  });
}
const bodies = QUESTIONS.map(activity);

async function startServer(script: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(script, args, { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
    const poll = async () => {
      try {
        const port = env['PORT'] ?? args[0];
        await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[0] });
        clearTimeout(timer);
        resolve();
      } catch {
        setTimeout(() => void poll(), 200);
      }
    };
    void poll();
  });
  return child;
}

function run(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url: `${url}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    duration: DURATION,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
    ...options,
  });
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function measure(label: string, url: string, pid: number | undefined) {
  await run(url, { connections: 10, duration: 3 }); // warm up
  const max = await run(url, { connections: 10 });
  const steady = await run(url, { connections: 10, overallRate: 200 });
  const served = max.requests.total + steady.requests.total;
  const errors = max.errors + max.non2xx + steady.errors + steady.non2xx;
  return { label, rps: max.requests.average, p50: max.latency.p50, p99: max.latency.p99, p50At200: steady.latency.p50, p99At200: steady.latency.p99, served, errors, rss: rssMb(pid) };
}

async function main() {
  const ours = await startServer(join(ROOT, 'bot', 'index.ts'), [], { PORT: '3981', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' });
  const echo = await startServer(join(ROOT, 'bench', 'echo-bot.ts'), ['3982'], {});
  try {
    const a = await measure('Practice Companion', 'http://127.0.0.1:3981', ours.pid);
    const b = await measure('botbuilder echo bot', 'http://127.0.0.1:3982', echo.pid);
    console.log(`/api/messages, expectReplies, ${DURATION} s per measure, 10 connections, node ${process.version}, ${new Date().toISOString()}`);
    console.log(`  ${'server'.padEnd(22)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'p50@200/s'.padStart(12)}${'p99@200/s'.padStart(12)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'RSS'.padStart(10)}`);
    for (const m of [a, b]) {
      console.log(`  ${m.label.padEnd(22)}${m.rps.toFixed(0).padStart(9)}${`${m.p50} ms`.padStart(8)}${`${m.p99} ms`.padStart(8)}${`${m.p50At200} ms`.padStart(12)}${`${m.p99At200} ms`.padStart(12)}${String(m.served).padStart(10)}${String(m.errors).padStart(8)}${`${m.rss.toFixed(0)} MB`.padStart(10)}`);
    }
    console.log(`  throughput ratio (Practice Companion / echo): ${(a.rps / b.rps).toFixed(2)}×   targets: ≥ 0.8×, p99 at 200 req/s ≤ 25 ms`);
  } finally {
    ours.kill('SIGTERM');
    echo.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
