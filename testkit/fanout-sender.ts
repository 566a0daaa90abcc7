// The sender process for bench:fanout and the crash test: the real scheduler and botbuilder sender
// on the given store, until killed. Prints "ready" once the store is open.
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { systemClock } from '../time/clock';
import { sendLimiters } from '../schedule/send-limiters';
import { openStore } from '../store/open';
import { schedulerFor } from './scheduling';

async function main(): Promise<void> {
  const [url = '', rps = '50'] = process.argv.slice(2);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('knowledge base failed to load');
  const store = await openStore(url);
  const rates = { ratePerSecond: Number(rps), conversationRatePerSecond: 7 };
  const scheduler = schedulerFor(store, loaded.kb, systemClock, {
    ...rates,
    // As the service chooses: shared through PostgreSQL by every sender on it, in memory on SQLite.
    // FANOUT_LIMITER=memory gives each sender its own, as before the shared budget, for comparison.
    ...(process.env['FANOUT_LIMITER'] !== 'memory' && { limiters: sendLimiters(store, systemClock, rates) }),
    random: Math.random,
    pollMs: 200,
    ...(process.env['FANOUT_CONCURRENCY'] && { concurrency: Number(process.env['FANOUT_CONCURRENCY']) }),
  });
  scheduler.start();
  process.send?.('ready');
  process.on('SIGTERM', () => {
    void scheduler
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
