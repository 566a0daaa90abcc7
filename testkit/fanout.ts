// The fan-out run that bench:fanout (bench/fanout.ts) and the crash test share. Posts one slot to N
// channels through a fake Bot Connector that enforces the Teams limits (429 with Retry-After beyond them)
// and fails 5% of requests; optionally kills a sender (SIGKILL) part way: with one instance it starts it
// again, with several the others carry on. Several instances (PostgreSQL only) run N sender processes
// on the one database, as N instances of the service would, sharing Teams' budget through it.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { openPostgres, openSqlite } from '../store/db';
import type { Db } from '../store/db';
import { addChannel, MONDAY_9_LONDON } from './scheduling';
import { postgres, sqlite } from './stores';
import { startTeamsConnector } from './teams-connector';

export interface FanoutOptions {
  readonly channels: number;
  readonly rps: number;
  readonly store: 'sqlite' | 'postgres';
  readonly killAt?: number;
  /** Sender processes on the one store (PostgreSQL for more than one). */
  readonly instances?: number;
  readonly transientRate?: number;
  /** The fake Teams' app-wide limit per second (Teams: 50). */
  readonly teamsLimit?: number;
  readonly log?: (line: string) => void;
}

export interface FanoutResult {
  readonly store: string;
  readonly instances: number;
  readonly channels: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly missed: number;
  readonly seconds: number;
  readonly limit_seconds: number;
  readonly efficiency: number;
  readonly killed: boolean;
  /** The most posts that reached the fake Teams in any one second, 429s and 503s included. */
  readonly peakRps: number;
  readonly requests: number;
  readonly throttled: number;
  readonly transient: number;
  readonly statuses: Record<string, number>;
  /** Requests Teams accepted in each second since the first. */
  readonly perSecond: readonly number[];
}

function startSender(url: string, rps: number): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'fanout-sender.ts'), [url, String(rps)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the sender exited early (${code})`)));
  });
}

export async function runFanout(o: FanoutOptions): Promise<FanoutResult> {
  const log = o.log ?? (() => undefined);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('knowledge base failed to load');
  const instances = o.instances ?? 1;
  if (instances > 1 && o.store !== 'postgres') throw new Error('several instances need PostgreSQL (--store postgres)');
  const db = await (o.store === 'postgres' ? postgres : sqlite).fresh();
  let killed = false;
  let senders: ChildProcess[] = [];
  const killAfter = o.killAt === undefined ? Infinity : Math.floor(o.channels * o.killAt);
  const teams = await startTeamsConnector({
    appPerSecond: o.teamsLimit ?? 50,
    conversationPerSecond: 7,
    transientRate: o.transientRate ?? 0.05,
    onDelivered: (n) => {
      const victim = senders[0];
      if (!killed && n >= killAfter && victim) {
        killed = true;
        victim.kill('SIGKILL');
      }
    },
  });
  const setupStore = await db.open();
  const now = new Date();
  for (let n = 1; n <= o.channels; n++) await addChannel(setupStore, teams.url, n, MONDAY_9_LONDON, now);
  await setupStore.close();
  log(`seeded ${o.channels} channels on ${o.store}`);

  const sql: Db = o.store === 'postgres' ? await openPostgres(db.url, 2) : openSqlite(db.url.slice('sqlite:'.length));
  try {
    // The service is running when the slot comes, as in real life: start the sender, then make the
    // slot fall due a second later, and time from the slot.
    senders = await Promise.all(Array.from({ length: instances }, () => startSender(db.url, o.rps)));
    const slot = Date.now() + 1000;
    await sql.k.updateTable('subscriptions').set({ next_slot_at: slot }).execute();
    await new Promise((r) => setTimeout(r, Math.max(0, slot - Date.now())));
    const started = process.hrtime.bigint();
    const exited = new Set<ChildProcess>();
    for (const sender of senders) sender.on('exit', () => exited.add(sender));
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if (exited.size > 0) {
        senders = senders.filter((sender) => !exited.has(sender));
        exited.clear();
        if (senders.length === 0) {
          log(`sender killed after ${teams.counts.delivered} deliveries; starting it again`);
          const again = await startSender(db.url, o.rps);
          again.on('exit', () => exited.add(again));
          senders = [again];
        } else log(`a sender was killed after ${teams.counts.delivered} deliveries; ${senders.length} carry on`);
      }
      const live = senders.map((sender) => sender.pid);
      // Cheap, indexed questions: this process is also the fake Teams, and must stay responsive.
      const planned = await sql.k
        .selectFrom('post_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      const open = await sql.k
        .selectFrom('post_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            eb.and([eb('status', '=', 'sending'), eb.or(live.map((pid) => eb('claimed_by', 'like', `%:${pid}:%`)))]),
          ]),
        )
        .executeTakeFirst();
      const row = { planned: Number(planned?.n), open: Number(open?.n) };
      if (Number(row?.planned) >= o.channels && Number(row?.open ?? 0) === 0) break;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9; // includes any restart after a kill
    for (const sender of senders) sender.kill('SIGTERM');
    const statuses: Record<string, number> = {};
    for (const r of await sql.k
      .selectFrom('post_log')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute())
      statuses[r.status] = Number(r.n);
    const counts = [...teams.deliveries.values()];
    const limit = o.channels / o.rps;
    return {
      store: o.store,
      instances,
      channels: o.channels,
      delivered: teams.deliveries.size,
      duplicates: counts.reduce((a, n) => a + Math.max(0, n - 1), 0),
      missed: o.channels - teams.deliveries.size,
      seconds: Math.round(seconds * 100) / 100,
      limit_seconds: limit,
      efficiency: Math.round((limit / seconds) * 1000) / 1000,
      killed,
      peakRps: teams.peakPerSecond(),
      requests: teams.counts.requests,
      throttled: teams.counts.throttled,
      transient: teams.counts.transient,
      statuses,
      perSecond: [...teams.perSecond].map((n) => n ?? 0),
    };
  } finally {
    await sql.close();
    await teams.close();
    await db.drop();
  }
}
