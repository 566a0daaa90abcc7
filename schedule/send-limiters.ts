import { APP_BUCKET, conversationBucket } from '../store/send-budget';
import type { SendBudgetStore, SendSlot, Store } from '../store/types';
import { KeyedRateLimiter, RateLimiter } from './limiter';
import type { Clock } from '../time/clock';
import type { KeyedSendLimiter, Permit, SendLimiter, SendLimiters } from './limiter';

/**
 * The share by which shared sends stay under the configured rate. The in-memory limiter counts each
 * send until its answer came back; the shared one spaces the starts evenly, and this margin absorbs
 * the jitter between a slot and the request's arrival at Teams (timers, the event loop, the network).
 */
const SHARED_RATE_MARGIN = 0.03;

/**
 * How late after its slot a send may go out. Later than this (a slow database, a busy event loop), it
 * would arrive among the next slots' sends and push a second over Teams' limit, which Teams answers
 * with 429 and a second's pause for everyone: it claims a new slot instead, and the old one lapses.
 */
const LATE_MS = 20;
/** The most before its slot a permit is given, for the caller to prepare the send in (see SharedRateLimiter). */
const MAX_LEAD_MS = 40;

/** The prefix of each conversation's bucket: conversationBucket('') */
const CONVERSATION_BUCKET = conversationBucket('');
/** How often an instance deletes conversations' buckets idle for a minute. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Sends at `perSecond` from a bucket in the database that every instance on it shares: each take is one
 * statement that claims the next slot and says how long to wait for it. A slot not used is given back
 * if nobody claimed after it. Nothing is held between statements, so an instance that dies holds no
 * budget beyond the slots it had claimed.
 */
export class SharedRateLimiter implements SendLimiter {
  private readonly intervalUs: number;
  /** How long the scheduler takes from a permit to its request (claiming the post, reading its conversation), averaged. */
  private prepMs = 0;

  /**
   * `lead`: the caller calls the permit's `ready()` just before sending, so `take()` may return a
   * little before the slot (by about the usual time the caller takes to prepare) and `ready()` waits
   * for the rest: the request then leaves on its slot rather than that much after it.
   */
  constructor(
    private readonly budget: SendBudgetStore,
    private readonly clock: Clock,
    perSecond: number,
    private readonly key: string = APP_BUCKET,
    private readonly lead = true,
    margin = SHARED_RATE_MARGIN,
  ) {
    this.intervalUs = (1_000_000 / perSecond) * (1 + margin);
  }

  async take(): Promise<Permit> {
    const slot = await this.claim();
    const early = this.lead ? Math.min(MAX_LEAD_MS, this.prepMs * 1.5) : 0;
    if (slot.waitMs - early > 0) await this.clock.sleep(slot.waitMs - early);
    return this.permit(slot);
  }

  /** Claims the next slot; `dueAt` is when it starts by this instance's clock. */
  private async claim(): Promise<SendSlot & { dueAt: number }> {
    const slot = await this.budget.claimSlot(this.key, this.intervalUs);
    return { ...slot, dueAt: this.clock.now().getTime() + slot.waitMs };
  }

  private permit(first: SendSlot & { dueAt: number }): Permit {
    let slot = first;
    let settled = false;
    const given = this.clock.now().getTime();
    return {
      done: () => {
        settled = true;
      },
      cancel: () => {
        if (settled) return;
        settled = true;
        // Not worth a wait: at worst the slot lapses, and sends are a little slower, never faster.
        void this.budget.giveBack(this.key, this.intervalUs, slot).catch(() => undefined);
      },
      ready: async () => {
        if (settled) return;
        const now = this.clock.now().getTime();
        this.prepMs = this.prepMs * 0.9 + (now - given) * 0.1;
        if (now < slot.dueAt) return this.clock.sleep(slot.dueAt - now);
        if (now - slot.dueAt <= LATE_MS) return;
        slot = await this.claim();
        if (slot.waitMs > 0) await this.clock.sleep(slot.waitMs);
      },
    };
  }

  holdUntil(at: Date): void {
    const ms = at.getTime() - this.clock.now().getTime();
    if (ms > 0) void this.budget.holdFor(this.key, ms).catch(() => undefined);
  }
}

/** Each conversation's rate, from its own bucket in the database; idle buckets are deleted now and then. */
export class SharedKeyedRateLimiter implements KeyedSendLimiter {
  private lastPrune: number;

  constructor(
    private readonly budget: SendBudgetStore,
    private readonly clock: Clock,
    private readonly perSecond: number,
  ) {
    this.lastPrune = clock.now().getTime();
  }

  take(key: string): Promise<Permit> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      void this.budget.pruneIdle(CONVERSATION_BUCKET, 60_000).catch(() => undefined);
    }
    // Taken just before the send, with nothing left to prepare: no lead.
    return new SharedRateLimiter(this.budget, this.clock, this.perSecond, conversationBucket(key), false).take();
  }
}

/**
 * The scheduler's limiters for this store: on PostgreSQL, where several instances may run, Teams' budget
 * is shared through the database; on SQLite, which serves one instance, it is kept in memory.
 */
export function sendLimiters(
  store: Pick<Store, 'sendBudget'>,
  clock: Clock,
  rates: { readonly ratePerSecond: number; readonly conversationRatePerSecond: number },
): SendLimiters {
  const budget = store.sendBudget;
  if (!budget)
    return {
      app: new RateLimiter(clock, rates.ratePerSecond),
      conversation: new KeyedRateLimiter(clock, rates.conversationRatePerSecond),
    };
  return {
    app: new SharedRateLimiter(budget, clock, rates.ratePerSecond),
    conversation: new SharedKeyedRateLimiter(budget, clock, rates.conversationRatePerSecond),
  };
}
