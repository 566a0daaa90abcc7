import { KeyedRateLimiter } from '../../schedule/limiter';
import type { Rate } from '../../schedule/limiter';
import type { BotDeps } from '../deps';

/** Votes one person may cast in a minute (each card allows one vote, which a second click replaces). */
export const VOTES_PER_MINUTE = 20;

/** At most VOTES_PER_MINUTE in any minute, refused at once beyond it. */
const VOTE_RATE: Rate = { max: VOTES_PER_MINUTE, windowMs: 60_000, minGapMs: 0 };

/** Counts each person's votes. Holds voter codes (one-way hashes) only, for a minute. */
interface VoteLimiter {
  /** True if this vote counts; false when the voter has cast VOTES_PER_MINUTE in the last minute. */
  take(voter: string): boolean;
}

const limiters = new WeakMap<Pick<BotDeps, 'clock'>, VoteLimiter>();
/** The vote limiter of one running service (one per deps, so tests' services do not share counts). */
export function votesAllowed(deps: Pick<BotDeps, 'clock'>): VoteLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    // The scheduler's rate limiter, keyed by voter; it never waits here.
    const keyed = new KeyedRateLimiter(deps.clock, VOTE_RATE);
    limiter = {
      take: (voter) => {
        const permit = keyed.tryTake(voter);
        permit?.done();
        return permit !== undefined;
      },
    };
    limiters.set(deps, limiter);
  }
  return limiter;
}
