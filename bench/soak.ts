// npm run bench:soak [-- --requests 200000 --connections 10 --snapshots DIR --node-flags=--max-semi-space-size=16]
// Does memory level off? Starts the compiled service as the deploy package runs it (node bin/start.js, with the
// flags of package.json's start script, on SQLite) and the botbuilder echo bot (bench/echo-bot.ts, compiled the
// same way, with no flags), side by side, both replying through one fake Bot Connector on loopback, and sends
// each the same number of mixed requests (bench/soak-requests.ts: questions, votes, card actions, tab requests,
// compose-box invokes, with fresh conversation, team and user ids). At the start and after each tenth it reads
// each process's RSS and, through bench/soak-probe.js on the fork's IPC channel, its heap after a full
// collection. The last line printed is JSON: heapGrowthSecondHalf is heap-after-GC at the end over that at the
// midpoint, less 1; rssRatioToEcho is the service's RSS at the end over the echo bot's.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { soakRequest } from './soak-requests';
import { ask, compileEchoBot, deployedFlags, freePort, ready, rssMb, startConnector, words } from './soak-processes';
import type { IssuedAnswer } from './soak-requests';

const ROOT = join(__dirname, '..');
const PROBE = join(__dirname, 'soak-probe.js');
const TENTHS = 10;
const WARM_UP = 2_000;

const { values: flags } = parseArgs({
  options: {
    requests: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '10' },
    snapshots: { type: 'string' },
    // V8 or Node flags for both servers alike, to see what they change.
    'node-flags': { type: 'string', default: '' },
    // More flags, and environment (NAME=value, space-separated), for the service alone: to try a change.
    'service-flags': { type: 'string', default: '' },
    'service-env': { type: 'string', default: '' },
  },
});
const REQUESTS = Number(flags.requests);
const CONNECTIONS = Number(flags.connections);
const NODE_FLAGS = words(flags['node-flags']);
const SERVICE_FLAGS = [...deployedFlags(ROOT), ...words(flags['service-flags'])];
const SERVICE_ENV = Object.fromEntries(words(flags['service-env']).map((w) => w.split(/=(.*)/s).slice(0, 2)));
if (!Number.isInteger(REQUESTS) || REQUESTS < TENTHS * 100)
  throw new Error('--requests: a whole number, at least 1000');

interface Sample {
  readonly served: number;
  /** Heap in use after a full collection. */
  readonly heapMb: number;
  /** Heap V8 has reserved, after the collection. */
  readonly heapTotalMb: number;
  /** Resident memory as the load left it, before the collection. */
  readonly rssMb: number;
  /** Resident memory after the collection. */
  readonly rssAfterGcMb: number;
  /** The size of each of V8's heap spaces (reserved, not used), after the collection. */
  readonly spacesMb: Readonly<Record<string, number>>;
}

interface Server {
  readonly label: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** Where it sends its replies: the fake connector, under a path of its own. */
  readonly serviceUrl: string;
  readonly echo: boolean;
  readonly samples: Sample[];
  /** The index of its next request: both servers get the same sequence. */
  next: number;
  served: number;
  seconds: number;
  errors: number;
  statuses: Record<string, number>;
}

async function start(script: string, args: string[], env: Record<string, string>, flags: string[] = []) {
  const child = fork(script, args, {
    cwd: ROOT,
    execArgv: [...NODE_FLAGS, ...flags, '--expose-gc', '--require', PROBE],
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`${script} exited (${code ?? signal})`);
  });
  return child;
}

async function sample(server: Server): Promise<void> {
  const rss = rssMb(server.child.pid); // as the load left it, before the collection
  const { memory, spaces } = await ask<{ memory: NodeJS.MemoryUsage; spaces: Record<string, number> }>(
    server.child,
    { type: 'soak-sample' },
    'soak-sample',
  );
  server.samples.push({
    served: server.served,
    heapMb: memory.heapUsed / 2 ** 20,
    heapTotalMb: memory.heapTotal / 2 ** 20,
    rssMb: rss,
    rssAfterGcMb: memory.rss / 2 ** 20,
    spacesMb: Object.fromEntries(
      Object.entries(spaces).map(([name, bytes]) => [name, Number((bytes / 2 ** 20).toFixed(1))]),
    ),
  });
}

let stopping = false;

async function load(server: Server, amount: number, entryIds: readonly string[], answers: IssuedAnswer[]) {
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        setupRequest: (req) => {
          const r = soakRequest(server.next++, server.serviceUrl, entryIds, answers, server.echo);
          return {
            ...req,
            method: r.method,
            path: r.path,
            headers: r.body === undefined ? {} : { 'content-type': 'application/json' },
            body: r.body ?? '',
          };
        },
      },
    ],
  });
  server.served += result.requests.total;
  server.seconds += result.duration;
  server.errors += result.errors + result.timeouts;
  for (const [status, count] of Object.entries(result.statusCodeStats ?? {}))
    server.statuses[status] = (server.statuses[status] ?? 0) + (count.count ?? 0);
}

const mb = (n: number) => `${n.toFixed(1)} MB`;

async function main(): Promise<void> {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the knowledge base did not load');
  const entryIds = loaded.kb.entries.map((e) => e.id);
  // bin/build.js is plain JavaScript, required rather than imported (as bench/start.ts does).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureBuilt } = require('../bin/build.js') as { ensureBuilt(): boolean };
  ensureBuilt();
  const echoScript = compileEchoBot(ROOT);
  const answers: IssuedAnswer[] = [];
  const connector = await startConnector(answers);
  const folder = mkdtempSync(join(tmpdir(), 'pc-bench-soak-'));
  const snapshots = flags.snapshots === undefined ? undefined : resolve(flags.snapshots);
  if (snapshots) mkdirSync(snapshots, { recursive: true });
  const [ourPort, echoPort] = [await freePort(), await freePort()];
  const servers: Server[] = [];
  // Interrupted (Ctrl-C): the servers go too.
  const interrupted = () => {
    stopping = true;
    for (const s of servers) s.child.kill('SIGTERM');
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    const ours = await start(
      join(ROOT, 'bin', 'start.js'),
      [],
      {
        PORT: String(ourPort),
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
        DATABASE_URL: `sqlite:${join(folder, 'soak.db')}`,
        LOG_LEVEL: 'warn',
        ...SERVICE_ENV,
      },
      SERVICE_FLAGS,
    );
    const echo = await start(echoScript, [String(echoPort)], {});
    const server = (label: string, child: ChildProcess, port: number, path: string, isEcho: boolean): Server => ({
      label,
      child,
      url: `http://127.0.0.1:${port}`,
      serviceUrl: `${connector.url}/${path}/`,
      echo: isEcho,
      samples: [],
      next: 0,
      served: 0,
      seconds: 0,
      errors: 0,
      statuses: {},
    });
    servers.push(server('Practice Companion', ours, ourPort, 'pc', false));
    servers.push(server('botbuilder echo bot', echo, echoPort, 'echo', true));
    await ready(servers[0]?.url ?? '', '/healthz', 'GET');
    await ready(servers[1]?.url ?? '', '/api/messages', 'GET');

    console.log(
      `bench:soak: ${REQUESTS.toLocaleString('en-GB')} mixed requests to each server after ${WARM_UP.toLocaleString('en-GB')} to warm up, ${CONNECTIONS} connections; node ${process.version}${NODE_FLAGS.length > 0 ? ` ${NODE_FLAGS.join(' ')}` : ''}, ${new Date().toISOString()}`,
    );
    for (const s of servers) {
      await load(s, WARM_UP, entryIds, answers);
      s.served = s.seconds = 0;
      await sample(s);
    }
    const tenth = Math.round(REQUESTS / TENTHS);
    for (let t = 1; t <= TENTHS; t++) {
      // Alternating which goes first, so a machine getting busier or quieter weighs on both alike.
      const order = t % 2 === 1 ? servers : [...servers].reverse();
      // Each is sampled as soon as its share is done, so both are read as the load left them.
      for (const s of order) {
        await load(s, t === TENTHS ? REQUESTS - tenth * (TENTHS - 1) : tenth, entryIds, answers);
        await sample(s);
      }
      const [a, b] = servers;
      console.log(
        `  ${String(t).padStart(2)}/10  ${servers
          .map((s) => {
            const last = s.samples.at(-1);
            return `${s.echo ? 'echo' : 'ours'}: heap ${mb(last?.heapMb ?? NaN).padStart(9)}, RSS ${mb(last?.rssMb ?? NaN).padStart(9)}, after GC ${mb(last?.rssAfterGcMb ?? NaN).padStart(9)}`;
          })
          .join('   ')}   (${a?.served ?? 0} / ${b?.served ?? 0} served)`,
      );
      if (snapshots && (t === TENTHS / 2 || t === TENTHS)) {
        const path = join(snapshots, `soak-${t}.heapsnapshot`);
        await ask(ours, { type: 'soak-snapshot', path }, 'soak-snapshot');
      }
    }
    report(servers, connector.received());
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    stopping = true;
    for (const s of servers) s.child.kill('SIGTERM');
    connector.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function report(servers: readonly Server[], replies: number): void {
  const [ours, echo] = servers;
  if (!ours || !echo) throw new Error('two servers expected');
  const columns = ['heap after GC', 'heap reserved', 'RSS'];
  const cells = (x: Sample | undefined) =>
    x ? [x.heapMb, x.heapTotalMb, x.rssMb].map((v) => mb(v).padStart(14)).join('') : '';
  console.log(`\n  ${''.padStart(9)}  ${servers.map((s) => s.label.padEnd(42)).join('')}`);
  console.log(`  ${'served'.padStart(9)}  ${[...columns, ...columns].map((c) => c.padStart(14)).join('')}`);
  ours.samples.forEach((o, i) =>
    console.log(`  ${String(o.served).padStart(9)}  ${cells(o)}${cells(echo.samples[i])}`),
  );
  console.log('  RSS as the load left each server; heap in use and reserved after a full collection.');
  const growth = (s: Server) => {
    const mid = s.samples[TENTHS / 2]?.heapMb ?? NaN;
    const end = s.samples[TENTHS]?.heapMb ?? NaN;
    return end / mid - 1;
  };
  const end = (s: Server) => s.samples[TENTHS]?.rssMb ?? NaN;
  const endAfterGc = (s: Server) => s.samples[TENTHS]?.rssAfterGcMb ?? NaN;
  const rps = (s: Server) => s.served / s.seconds;
  const figures = {
    node: process.version,
    requests: ours.served,
    echoRequests: echo.served,
    rps: Math.round(rps(ours)),
    echoRps: Math.round(rps(echo)),
    heapGrowthSecondHalf: Number(growth(ours).toFixed(4)),
    echoHeapGrowthSecondHalf: Number(growth(echo).toFixed(4)),
    heapStartMb: Number((ours.samples[0]?.heapMb ?? NaN).toFixed(1)),
    heapMidMb: Number((ours.samples[TENTHS / 2]?.heapMb ?? NaN).toFixed(1)),
    heapEndMb: Number((ours.samples[TENTHS]?.heapMb ?? NaN).toFixed(1)),
    rssEndMb: Number(end(ours).toFixed(1)),
    echoRssEndMb: Number(end(echo).toFixed(1)),
    rssRatioToEcho: Number((end(ours) / end(echo)).toFixed(3)),
    rssAfterGcEndMb: Number(endAfterGc(ours).toFixed(1)),
    echoRssAfterGcEndMb: Number(endAfterGc(echo).toFixed(1)),
    rssAfterGcRatioToEcho: Number((endAfterGc(ours) / endAfterGc(echo)).toFixed(3)),
    echoHeapEndMb: Number((echo.samples[TENTHS]?.heapMb ?? NaN).toFixed(1)),
    heapReservedEndMb: Number((ours.samples[TENTHS]?.heapTotalMb ?? NaN).toFixed(1)),
    echoHeapReservedEndMb: Number((echo.samples[TENTHS]?.heapTotalMb ?? NaN).toFixed(1)),
    spacesEndMb: ours.samples[TENTHS]?.spacesMb,
    echoSpacesEndMb: echo.samples[TENTHS]?.spacesMb,
    nodeFlags: NODE_FLAGS.join(' '),
    serviceFlags: SERVICE_FLAGS.join(' '),
    serviceEnv: flags['service-env'],
    errors: ours.errors,
    echoErrors: echo.errors,
    statuses: ours.statuses,
    echoStatuses: echo.statuses,
    connectorRequests: replies,
  };
  console.log(
    `\n  req/s: ${figures.rps} (echo ${figures.echoRps}); heap after GC over the second half: ${(figures.heapGrowthSecondHalf * 100).toFixed(1)}% (echo ${(figures.echoHeapGrowthSecondHalf * 100).toFixed(1)}%); RSS at the end ${figures.rssRatioToEcho}× the echo bot's`,
  );
  console.log(`  targets (issue 26): heap growth over the second half ≤ 5%, RSS at the end ≤ 1.2× the echo bot's`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
