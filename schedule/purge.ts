import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { PurgeReport, Retention, Store } from '../store/types';
import type { Clock } from '../time/clock';

export interface PurgerOptions {
  readonly store: Store;
  readonly retention: Retention;
  readonly clock: Clock;
  /** How often to look whether today's purge has been done (by this or another instance). */
  readonly everyMs?: number;
  readonly onEvent?: (event: PurgeEvent) => void;
}

export type PurgeEvent =
  { readonly type: 'purged'; readonly report: PurgeReport } | { readonly type: 'error'; readonly error: string };

export interface Purger {
  /** Purges now unless today's purge is done: the report, or undefined. */
  runOnce(): Promise<PurgeReport | undefined>;
  /** Looks at start, then every `everyMs`, until stop(). */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The daily purge. Every instance runs one; the store lets only the first to claim a UTC day do that
 * day's work, as the scheduler's instances share posts.
 */
export function createPurger(options: PurgerOptions): Purger {
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const everyMs = options.everyMs ?? 3_600_000;
  const emit = options.onEvent ?? (() => undefined);
  let stopping = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function runOnce(): Promise<PurgeReport | undefined> {
    const report = await options.store.purge(options.clock.now(), options.retention, worker);
    if (report) emit({ type: 'purged', report });
    return report;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        await runOnce();
      } catch (error) {
        emit({ type: 'error', error: (error as Error).message });
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void options.clock.sleep(everyMs).then(resolve);
      });
      wake = undefined;
    }
  }

  return {
    runOnce,
    start() {
      if (!running) running = loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
