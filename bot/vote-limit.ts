import type { BotDeps } from './deps';

/** Votes one person may cast in a minute (each card allows one vote, which a second click replaces). */
export const VOTES_PER_MINUTE = 20;

/** Counts each person's votes in their current minute. Holds voter codes (one-way hashes) only, for a minute. */
class VoteLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  take(voter: string, now: number): boolean {
    let w = this.windows.get(voter);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size >= 10_000)
        for (const [k, v] of this.windows) if (now - v.start >= 60_000) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(voter, w);
    }
    if (w.count >= VOTES_PER_MINUTE) return false;
    w.count++;
    return true;
  }
}

const limiters = new WeakMap<BotDeps, VoteLimiter>();
/** The vote limiter of one running service (one per deps, so tests' services do not share counts). */
export function votesAllowed(deps: BotDeps): VoteLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new VoteLimiter();
    limiters.set(deps, limiter);
  }
  return limiter;
}
