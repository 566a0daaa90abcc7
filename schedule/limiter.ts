import type { Clock } from '../time/clock';

/** The share by which sends stay under the configured rate. */
export const RATE_MARGIN = 0.005;

/** A send the limiter let through: call `done` when its answer came back, or `cancel` if nothing was sent. */
export interface Permit {
  done(): void;
  cancel(): void;
  /**
   * Called just before the request goes out, after the work between taking the permit and sending
   * (claiming the post, reading its conversation). A limiter that spaces sends evenly waits here for
   * a later slot if that work ran so late that the send would crowd the next one.
   */
  ready?(): Promise<void>;
}

/** Lets sends through at a rate: the whole app's (Teams' 50 a second), in memory or shared by instances. */
export interface SendLimiter {
  /** Resolves when the caller may send. */
  take(): Promise<Permit>;
  /** Teams answered 429 with Retry-After: nobody sends before `at`. */
  holdUntil(at: Date): void;
}

/** A rate per key (a conversation: Teams' 7 a second). */
export interface KeyedSendLimiter {
  take(key: string): Promise<Permit>;
}

/** The scheduler's two limits: the app's and each conversation's. */
export interface SendLimiters {
  readonly app: SendLimiter;
  readonly conversation: KeyedSendLimiter;
}

/** A limit: at most `max` uses in any window of `windowMs`, each at least `minGapMs` after the one before. */
export interface Rate {
  readonly max: number;
  readonly windowMs: number;
  readonly minGapMs: number;
}

/**
 * At most `perSecond` sends in any window of a second, plus an even spacing of half the average gap
 * so a late timer cannot release a burst. The window is widened by `margin` so timer jitter stays under.
 */
export function perSecond(perSecond: number, margin = RATE_MARGIN): Rate {
  return {
    max: Math.max(1, Math.floor(perSecond)),
    windowMs: (perSecond >= 1 ? 1000 : 1000 / perSecond) * (1 + margin),
    minGapMs: 500 / perSecond,
  };
}

/**
 * The one rate limiter: the scheduler's sends (waiting for a turn, `take`) and each person's votes
 * (refused at once, `tryTake`). Each use counts from when it started until `done` (a send: a second
 * after its answer came back): Teams counts a request when it arrives, some time after it started, and
 * counting to the answer (which comes after the arrival) keeps Teams' count within the limit however
 * unevenly requests travel. A 429's Retry-After holds every sender back until it has passed.
 */
export class RateLimiter implements SendLimiter {
  private readonly sends: Array<{ at: number; open: boolean }> = [];
  private readonly rate: Rate;
  private heldUntil = 0;
  private last = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  /** `rate`: a number is sends per second (see `perSecond`). */
  constructor(
    private readonly clock: Clock,
    rate: number | Rate,
    margin = RATE_MARGIN,
  ) {
    this.rate = typeof rate === 'number' ? perSecond(rate, margin) : rate;
  }

  /** Resolves when the caller may send; callers are served in turn. */
  take(): Promise<Permit> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** A permit now, or undefined when the limit is reached (nothing waits). */
  tryTake(): Permit | undefined {
    const now = this.clock.now().getTime();
    const free = this.freeAt(now);
    return free <= now ? this.permit(now) : undefined;
  }

  private async wait(): Promise<Permit> {
    for (;;) {
      const now = this.clock.now().getTime();
      const free = this.freeAt(now);
      if (free <= now) return this.permit(now);
      await this.clock.sleep(free - now);
    }
  }

  /** When the next use may start, as seen at `now`. */
  private freeAt(now: number): number {
    const { max, windowMs, minGapMs } = this.rate;
    for (
      let first = this.sends[0];
      first !== undefined && !first.open && first.at <= now - windowMs;
      first = this.sends[0]
    )
      this.sends.shift();
    let free = Math.max(this.heldUntil, this.last + minGapMs);
    const oldest = this.sends[0];
    if (this.sends.length >= max && oldest !== undefined) {
      free = Math.max(free, oldest.open ? now + minGapMs : oldest.at + windowMs);
    }
    return free;
  }

  private permit(now: number): Permit {
    const send = { at: now, open: true };
    this.sends.push(send);
    this.last = now;
    return {
      done: () => {
        if (!send.open) return;
        send.at = this.clock.now().getTime();
        send.open = false;
      },
      cancel: () => {
        if (!send.open) return;
        send.open = false;
        const i = this.sends.indexOf(send);
        if (i >= 0) this.sends.splice(i, 1);
      },
    };
  }

  holdUntil(at: Date): void {
    this.heldUntil = Math.max(this.heldUntil, at.getTime());
  }
}

/** One limiter per key (a conversation, a voter), dropped once idle. */
export class KeyedRateLimiter implements KeyedSendLimiter {
  private readonly limiters = new Map<string, { limiter: RateLimiter; lastUse: number }>();
  private readonly idleMs: number;

  /** `rate`: a number is sends per second (see `perSecond`). */
  constructor(
    private readonly clock: Clock,
    private readonly rate: number | Rate,
  ) {
    this.idleMs = Math.max(2000, typeof rate === 'number' ? 0 : rate.windowMs);
  }

  async take(key: string): Promise<Permit> {
    return this.limiter(key).take();
  }

  /** A permit now for this key, or undefined when its limit is reached. */
  tryTake(key: string): Permit | undefined {
    return this.limiter(key).tryTake();
  }

  private limiter(key: string): RateLimiter {
    const now = this.clock.now().getTime();
    let entry = this.limiters.get(key);
    if (!entry) {
      entry = { limiter: new RateLimiter(this.clock, this.rate), lastUse: now };
      this.limiters.set(key, entry);
      if (this.limiters.size > 10_000) this.prune(now);
    }
    entry.lastUse = now;
    return entry.limiter;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.limiters) if (now - entry.lastUse > this.idleMs) this.limiters.delete(key);
  }
}

/** Exponential backoff with jitter: a random wait between half and all of base·2^(attempt−1), capped. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 200, capMs = 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
