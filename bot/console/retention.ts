import type { Store } from '../../store/types';
import type { Logger } from '../logger';

/**
 * Deletes suggested questions older than SUGGESTION_RETENTION_DAYS: the service does it itself, at
 * start and every hour, so no one has to remember to. Several instances may run it; each delete is
 * one statement, so running it twice deletes nothing twice.
 */
export interface RetentionJob {
  /** One pass now. Resolves to how many suggestions were deleted. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

const HOUR_MS = 3_600_000;

/** The first day still kept: suggestions sent before it are deleted. */
export function keepFrom(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString().slice(0, 10);
}

export function createRetentionJob(
  store: Store,
  retentionDays: number,
  clock: () => Date,
  logger: Logger,
  everyMs = HOUR_MS,
): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    const deleted = await store.purgeSuggestions(keepFrom(clock(), retentionDays));
    if (deleted > 0)
      logger.info(
        { event: 'suggestions-expired', deleted, retentionDays },
        'suggested questions past their retention period were deleted',
      );
    return deleted;
  };
  const tick = () => {
    runOnce().catch((error: unknown) =>
      logger.warn(
        { event: 'suggestions-expiry-failed', error: { name: (error as Error)?.name } },
        'deleting old suggestions failed; will try again',
      ),
    );
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
