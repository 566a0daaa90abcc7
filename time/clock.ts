// The one clock type, and the UTC day, for every layer (store/ and knowledge/ included: this imports nothing).

/** What the code asks for the time, and how the scheduler waits. Tests pass one whose time they set. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A clock that reads its time from `now` (a test's set time) and waits as the system clock does. */
export function clockOf(now: () => Date): Clock {
  return { now, sleep: systemClock.sleep };
}

/** The UTC calendar day of a moment, "2026-12-07": the key of daily counts, retention cut-offs and the log. */
export function utcDay(at: Date): string {
  const ms = at.getTime();
  // Asked on every question (daily counts): the last day's text is kept, and made again only when the day changes.
  if (ms >= lastDay.from && ms < lastDay.from + DAY_MS) return lastDay.text;
  const text = at.toISOString().slice(0, 10);
  if (Number.isFinite(ms)) lastDay = { from: ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS), text };
  return text;
}

const DAY_MS = 86_400_000;
let lastDay = { from: Number.NaN, text: '' };
