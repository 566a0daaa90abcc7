import type { Suggestion } from '../../../store/console-types';
import type { Store } from '../../../store/types';
import type { Logger } from '../../logger';
import { utcDay } from '../../../time/clock';
import type { Clock } from '../../../time/clock';

/**
 * Deletes suggested questions a lead marked answered or dismissed once the undo window has passed,
 * and any older than SUGGESTION_RETENTION_DAYS, marked or not: the service does it itself, at start
 * and every minute, so no one has to remember to. Several instances may run it; each delete is one
 * transaction, so running it twice deletes nothing twice.
 */
export interface RetentionJob {
  /** One pass now. Resolves to how many suggestions were deleted. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): void;
}

/** How long "Mark answered" and "Dismiss" can be undone; the question's text is deleted when it ends. */
export const UNDO_WINDOW_MS = 10 * 60_000;

export const UNDO_MINUTES = UNDO_WINDOW_MS / 60_000;

const MINUTE_MS = 60_000;

/** Waiting suggestions, and marked ones still in their undo window with the moment it ends. */
export function undoable(
  list: readonly Suggestion[],
  now: Date,
): Array<Omit<Suggestion, 'resolved'> & { resolved?: NonNullable<Suggestion['resolved']> & { until: Date } }> {
  return list.flatMap(({ resolved, ...s }) => {
    if (!resolved) return [s];
    const until = resolved.at.getTime() + UNDO_WINDOW_MS;
    return until > now.getTime() ? [{ ...s, resolved: { ...resolved, until: new Date(until) } }] : [];
  });
}

/** The first day still kept: suggestions sent before it are deleted. */
export function keepFrom(now: Date, retentionDays: number): string {
  return utcDay(new Date(now.getTime() - retentionDays * 86_400_000));
}

export function createRetentionJob(
  store: Store,
  retentionDays: number,
  clock: Clock,
  logger: Logger,
  everyMs = MINUTE_MS,
): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    const now = clock.now();
    const marked = await store.finishResolvedSuggestions(new Date(now.getTime() - UNDO_WINDOW_MS));
    if (marked > 0)
      logger.info(
        { event: 'suggestions-marked-deleted', deleted: marked },
        'suggested questions marked answered or dismissed were deleted once they could no longer be undone',
      );
    const deleted = await store.purgeSuggestions(keepFrom(now, retentionDays));
    if (deleted > 0)
      logger.info(
        { event: 'suggestions-expired', deleted, retentionDays },
        'suggested questions past their retention period were deleted',
      );
    return marked + deleted;
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
