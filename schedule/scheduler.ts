import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { ConversationRecord, PostRecord, Store } from '../store/types';
import type { SendOutcome } from './model';
import { scheduleStore } from './schedule-store';
import type { Clock } from '../time/clock';
import { KeyedRateLimiter, RateLimiter, backoffMs } from './limiter';
import type { Permit, SendLimiters } from './limiter';
import { planSubscription } from './planner';
import { planDigests } from './digest';
import { sendable } from './sendable';
import type { DigestOptions } from './digest';

/** Sends one planned post into its conversation. bot/ implements it with the Bot Connector. */
export type Send = (post: PostRecord, conversation: ConversationRecord) => Promise<SendOutcome>;

export interface SchedulerOptions {
  readonly store: Store;
  readonly kb: KnowledgeBase;
  readonly send: Send;
  readonly clock: Clock;
  readonly graceMs: number;
  readonly ratePerSecond: number;
  readonly conversationRatePerSecond: number;
  /**
   * The limiters to send through; by default in memory at `ratePerSecond` and `conversationRatePerSecond`,
   * which is right for one instance. Several instances share one budget: see ./send-limiters.ts.
   */
  readonly limiters?: SendLimiters;
  /** Sends in flight at once (real Teams answers in ~100–300 ms; the rate limit still holds). */
  readonly concurrency?: number;
  /** Gives up on a post after this many attempts. */
  readonly maxAttempts?: number;
  /** How long a claimed post may take to send before it counts as interrupted. */
  readonly leaseMs?: number;
  /** Longest sleep between looks at the store, so other instances' changes are seen. */
  readonly pollMs?: number;
  readonly random?: () => number;
  /**
   * Whether the conversation's tenant may still be posted to (ALLOWED_TENANTS can change between
   * runs). A post for a tenant that may not is skipped and says why; later posts try again.
   */
  readonly tenantAllowed?: (tenantId: string | undefined) => boolean;
  readonly onEvent?: (event: SchedulerEvent) => void;
  /** The practice leads' weekly digest, logged and sent like any scheduled post. */
  readonly digest?: DigestOptions;
}

export type SchedulerEvent =
  | { readonly type: 'planned'; readonly subscriptions: number }
  | { readonly type: 'sent'; readonly postId: string; readonly conversationId: string; readonly attempts: number }
  | {
      readonly type: 'retry';
      readonly postId: string;
      readonly afterMs: number;
      readonly error: string;
      readonly throttled: boolean;
    }
  | {
      readonly type: 'failed' | 'gone' | 'missed' | 'skipped';
      readonly postId: string;
      readonly conversationId: string;
      readonly error: string;
    }
  | { readonly type: 'error'; readonly error: string };

export interface Scheduler {
  /** Plans what is due and sends it, until nothing is due now. Returns the number of posts finished. */
  runOnce(): Promise<number>;
  /** Runs until stop(): wakes when the next post is due, or when poked. */
  start(): void;
  /** Something changed (a new subscription, post now): look again at once. */
  poke(): void;
  /** Stops taking new work and waits for sends in flight. */
  stop(): Promise<void>;
  /** For /readyz: whether start() has been called, and when it last finished a look at the store or a send. */
  health(): { readonly running: boolean; readonly lastLookedAt: Date | undefined };
}

/**
 * Exactly one post per slot: planning logs each slot under a unique key, in the transaction that locks
 * its subscription; sending claims one logged post at a time (SKIP LOCKED on PostgreSQL), so several
 * instances share the work and none sends what another has claimed. A sender killed mid-send leaves
 * its claim to expire: the post is marked 'uncertain', never sent twice.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, kb, send, clock } = options;
  const schedules = scheduleStore(store);
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 8;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 30_000;
  const random = options.random ?? Math.random;
  const emit = options.onEvent ?? (() => undefined);
  const tenantLimiter = options.limiters?.app ?? new RateLimiter(clock, options.ratePerSecond);
  const conversationLimiter =
    options.limiters?.conversation ?? new KeyedRateLimiter(clock, options.conversationRatePerSecond);

  let stopping = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let poked = false;
  let lastLookedAt: Date | undefined;

  /** Plans every due subscription, a batch per round, while the senders already work on what is planned. */
  async function planAll(): Promise<void> {
    let total = 0;
    for (;;) {
      const planned = await schedules.planDue(clock.now(), 100, (subscription) =>
        planSubscription(subscription, kb, clock.now(), options.graceMs),
      );
      total += planned;
      if (planned < 100 || stopping) break;
    }
    if (options.digest && !stopping) total += await planDigests(store, options.digest, clock.now(), options.graceMs);
    if (total > 0) emit({ type: 'planned', subscriptions: total });
  }

  async function deliverOne(post: PostRecord, permit: Permit): Promise<void> {
    const now = clock.now();
    const finish = (result: Parameters<Store['finishPost']>[2]) =>
      store.finishPost(post.id, worker, result, clock.now());
    const checked = await sendable(store, post, now, options.graceMs, options.tenantAllowed);
    if ('notSent' in checked) {
      permit.cancel();
      await finish(checked.notSent);
      emit({ type: checked.notSent.status, postId: post.id, conversationId: post.conversationId, error: checked.why });
      return;
    }
    const { conversation } = checked;
    const conversationPermit = await conversationLimiter.take(post.conversationId);
    await permit.ready?.();
    const outcome = await send(post, conversation).catch((error: unknown): SendOutcome => ({
      kind: 'retry',
      afterMs: 0,
      error: (error as Error).message,
    }));
    // The rate limits count this send until its answer came back, not until it is written down.
    permit.done();
    conversationPermit.done();
    switch (outcome.kind) {
      case 'sent':
        await finish({ status: 'sent', ...(outcome.activityId !== undefined && { activityId: outcome.activityId }) });
        emit({ type: 'sent', postId: post.id, conversationId: post.conversationId, attempts: post.attempts });
        return;
      case 'retry': {
        if (post.attempts >= maxAttempts) {
          await finish({ status: 'failed', error: `gave up after ${post.attempts} attempts: ${outcome.error}` });
          emit({ type: 'failed', postId: post.id, conversationId: post.conversationId, error: outcome.error });
          return;
        }
        const afterMs = outcome.afterMs > 0 ? outcome.afterMs : backoffMs(post.attempts, random);
        // A 429 is about the whole app: every sender waits.
        if (outcome.afterMs > 0) tenantLimiter.holdUntil(new Date(clock.now().getTime() + outcome.afterMs));
        await finish({
          status: 'pending',
          nextAttemptAt: new Date(clock.now().getTime() + afterMs),
          error: outcome.error,
        });
        emit({ type: 'retry', postId: post.id, afterMs, error: outcome.error, throttled: outcome.afterMs > 0 });
        return;
      }
      case 'gone': {
        await finish({ status: 'gone', error: outcome.error });
        await store.markConversationGone(post.conversationId, outcome.error, clock.now());
        await store.deactivateSubscriptionsIn(
          post.conversationId,
          `Teams refused the post (${outcome.error}): the bot may have been removed`,
        );
        emit({ type: 'gone', postId: post.id, conversationId: post.conversationId, error: outcome.error });
        return;
      }
      case 'failed':
        await finish({ status: 'failed', error: outcome.error });
        emit({ type: 'failed', postId: post.id, conversationId: post.conversationId, error: outcome.error });
    }
  }

  /** One sender: take a send slot, then claim the next due post and send it. Claiming last keeps a crash from stranding claimed posts. */
  async function senderLoop(counter: { finished: number }, planning: () => boolean): Promise<void> {
    while (!stopping) {
      const permit = await tenantLimiter.take();
      if (stopping) {
        permit.cancel();
        return;
      }
      const now = clock.now();
      const post = await store.claimNextPost(now, worker, new Date(now.getTime() + leaseMs)).catch((error: unknown) => {
        permit.cancel();
        throw error;
      });
      if (!post) {
        permit.cancel();
        if (!planning()) return;
        await clock.sleep(20);
        continue;
      }
      try {
        await deliverOne(post, permit);
      } finally {
        permit.done(); // no-op if already done or cancelled
      }
      counter.finished++;
      lastLookedAt = clock.now();
    }
  }

  async function runOnce(): Promise<number> {
    let planning = true;
    const planner = planAll().finally(() => {
      planning = false;
    });
    const counter = { finished: 0 };
    const senders = Promise.all(Array.from({ length: concurrency }, () => senderLoop(counter, () => planning)));
    await Promise.all([planner, senders]);
    return counter.finished;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        poked = false;
        await runOnce();
        lastLookedAt = clock.now();
      } catch (error) {
        emit({ type: 'error', error: (error as Error).message });
      }
      if (stopping) break;
      let until = clock.now().getTime() + pollMs;
      try {
        const next = await store.nextWake();
        if (next) until = Math.min(until, next.getTime());
      } catch (error) {
        emit({ type: 'error', error: (error as Error).message });
      }
      if (poked) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void clock.sleep(Math.max(0, until - clock.now().getTime())).then(resolve);
      });
      wake = undefined;
    }
  }

  return {
    runOnce,
    start() {
      if (!running) {
        lastLookedAt = clock.now();
        running = loop();
      }
    },
    health: () => ({ running: running !== undefined && !stopping, lastLookedAt }),
    poke() {
      poked = true;
      wake?.();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
