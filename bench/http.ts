// npm run bench:http: Practice Companion's /api/messages beside a minimal botbuilder echo bot,
// both in expectReplies mode (replies come back in the HTTP response), measured in one run.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchMessage } from './activity';
import { percentile } from './stats';

const ROOT = join(__dirname, '..');
const QUESTIONS = [
  'what is CARES',
  'principle 7',
  'how do we work with domestic abuse',
  'jersey trauma informed',
  'safegaurding',
  "what's the wifi password",
];
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);
// BENCH_VARIANT_FLAGS="--max-semi-space-size=16": a second Practice Companion started with these Node flags
// joins the rounds, so a flag's cost is measured side by side with the service without it.
const VARIANT_FLAGS = (process.env['BENCH_VARIANT_FLAGS'] ?? '').split(' ').filter((f) => f !== '');

const bodies = QUESTIONS.map((q, i) => benchMessage(q, `bench-${i}`));

async function startServer(
  script: string,
  args: string[],
  env: Record<string, string>,
  flags: readonly string[] = [],
): Promise<ChildProcess> {
  const child = fork(script, args, {
    execArgv: [...flags, '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 30_000);
    const poll = async () => {
      try {
        const port = env['PORT'] ?? args[0];
        await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bodies[0] ?? null,
        });
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

interface Server {
  readonly label: string;
  readonly url: string;
  readonly pid: number | undefined;
  readonly rounds: autocannon.Result[];
  served: number;
}

const median = (values: readonly number[]) => percentile(values, 50);

async function main() {
  const ours = await startServer(join(ROOT, 'bot', 'index.ts'), [], {
    PORT: '3981',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
  });
  const echo = await startServer(join(ROOT, 'bench', 'echo-bot.ts'), ['3982'], {});
  const reusing = await startServer(join(ROOT, 'bench', 'echo-bot.ts'), ['3983', 'reuse-clients'], {});
  const a: Server = { label: 'Practice Companion', url: 'http://127.0.0.1:3981', pid: ours.pid, rounds: [], served: 0 };
  const b: Server = {
    label: 'botbuilder echo bot',
    url: 'http://127.0.0.1:3982',
    pid: echo.pid,
    rounds: [],
    served: 0,
  };
  // Practice Companion reuses botbuilder's per-turn clients (bot/platform/adapter.ts); this echo bot does too,
  // to show how much of the ratio is that reuse and how much is the rest.
  const c: Server = {
    label: 'echo, clients reused',
    url: 'http://127.0.0.1:3983',
    pid: reusing.pid,
    rounds: [],
    served: 0,
  };
  const variant =
    VARIANT_FLAGS.length === 0
      ? undefined
      : await startServer(
          join(ROOT, 'bot', 'index.ts'),
          [],
          { PORT: '3984', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
          VARIANT_FLAGS,
        );
  const d: Server | undefined = variant && {
    label: `PC ${VARIANT_FLAGS.join(' ')}`,
    url: 'http://127.0.0.1:3984',
    pid: variant.pid,
    rounds: [],
    served: 0,
  };
  const servers = d ? [a, d, b, c] : [a, b, c];
  const flat = async (server: Server) => {
    const result = await run(server.url, { connections: 10 });
    server.rounds.push(result);
    server.served += result.requests.total;
  };
  try {
    for (const server of servers)
      server.served += (await run(server.url, { connections: 10, duration: 3 })).requests.total; // warm up
    // Rounds in the order A B C C B A A B C …, so a machine that gets busier or quieter during the
    // run weighs on every server alike; each round's ratios compare measures taken moments apart.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) await flat(server);
    }
    const steady = new Map<Server, autocannon.Result>();
    for (const server of servers) {
      const result = await run(server.url, { connections: 10, overallRate: 200 });
      steady.set(server, result);
      server.served += result.requests.total;
    }
    const rss = new Map(servers.map((server) => [server, rssMb(server.pid)]));

    console.log(
      `/api/messages, expectReplies, 10 connections, ${ROUNDS} rounds of ${DURATION} s each, alternating; node ${process.version}, ${new Date().toISOString()}`,
    );
    console.log(
      `  ${'server'.padEnd(22)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'p50@200/s'.padStart(12)}${'p99@200/s'.padStart(12)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'RSS'.padStart(10)}`,
    );
    for (const m of servers) {
      const s = steady.get(m);
      if (!s) throw new Error(`no steady-rate run for ${m.label}`);
      const errors = [...m.rounds, s].reduce((sum, r) => sum + r.errors + r.non2xx, 0);
      const rps = median(m.rounds.map((r) => r.requests.average));
      const p50 = median(m.rounds.map((r) => r.latency.p50));
      const p99 = median(m.rounds.map((r) => r.latency.p99));
      console.log(
        `  ${m.label.padEnd(22)}${rps.toFixed(0).padStart(9)}${`${p50} ms`.padStart(8)}${`${p99} ms`.padStart(8)}${`${s.latency.p50} ms`.padStart(12)}${`${s.latency.p99} ms`.padStart(12)}${String(m.served).padStart(10)}${String(errors).padStart(8)}${`${(rss.get(m) ?? NaN).toFixed(0)} MB`.padStart(10)}`,
      );
    }
    console.log(
      `  req/s, p50 and p99 are medians over the rounds; RSS is read after all the requests in the last column`,
    );
    const ratio = (x: Server, other: Server) => {
      const each = x.rounds.map((r, i) => r.requests.average / (other.rounds[i]?.requests.average ?? Number.NaN));
      console.log(
        `  ${x.label} / ${other.label}: median ${median(each).toFixed(2)}× (rounds: ${each.map((r) => r.toFixed(2)).join(' ')})`,
      );
    };
    for (const other of [b, c]) ratio(a, other);
    if (d) for (const other of [a, b]) ratio(d, other);
    console.log(`  targets: ≥ 0.8× the echo bot's throughput, p99 at 200 req/s ≤ 25 ms`);
  } finally {
    for (const child of [ours, echo, reusing, variant]) child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
