// npm run bench:fanout -- --channels 5000 --rps 50 [--store sqlite|postgres] [--instances N] [--kill-at 0.5]
// Posts one slot to N channels through a fake Bot Connector that enforces the Teams limits (429 with
// Retry-After beyond them) and fails 5% of requests; optionally kills a sender (SIGKILL) half way: with
// one instance it starts it again, with several the others carry on. `--instances N` (PostgreSQL only)
// runs N sender processes on the one database, as N instances of the service would, sharing Teams'
// budget through it. The last line printed is JSON; `peakRps` is the most posts that reached the fake
// Teams in any one second (a sliding window; 429s and 503s included).
import { parseArgs } from 'node:util';
import { runFanout } from '../testkit/fanout';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      channels: { type: 'string', default: '5000' },
      rps: { type: 'string', default: '50' },
      store: { type: 'string', default: 'sqlite' },
      instances: { type: 'string', default: '1' },
      'kill-at': { type: 'string' },
    },
  });
  const store = values.store === 'postgres' ? 'postgres' : values.store === 'sqlite' ? 'sqlite' : undefined;
  if (!store) throw new Error('--store must be sqlite or postgres');
  const result = await runFanout({
    channels: Number(values.channels),
    rps: Number(values.rps),
    store,
    instances: Number(values.instances),
    ...(values['kill-at'] !== undefined && { killAt: Number(values['kill-at']) }),
    log: (line) => console.error(line),
  });
  const full = result.perSecond.slice(1, -1);
  const sorted = [...full].sort((a, b) => a - b);
  console.error(
    `node ${process.version}, ${new Date().toISOString()}: requests ${result.requests}, 429s ${result.throttled}, 503s ${result.transient}, post log ${JSON.stringify(result.statuses)}`,
  );
  console.error(
    `requests per second while sending: median ${sorted[sorted.length >> 1] ?? 0}, lowest ${sorted[0] ?? 0}; first second ${result.perSecond[0] ?? 0}; about ${Math.max(0, result.seconds - result.perSecond.length).toFixed(1)} s of the total had no requests (before the first, after the last)`,
  );
  console.error(`accepted per second: ${result.perSecond.join(' ')}`);
  const { store: s, instances, channels, delivered, duplicates, missed, seconds, limit_seconds, efficiency } = result;
  const { peakRps, killed } = result;
  console.log(
    JSON.stringify({
      store: s,
      instances,
      channels,
      delivered,
      duplicates,
      missed,
      seconds,
      limit_seconds,
      efficiency,
      peakRps,
      killed,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
