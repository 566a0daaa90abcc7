// Which limiter the scheduler sends through: SQLite serves one instance, so its limiter stays in
// memory, exactly as before; a store with a shared budget (PostgreSQL) gets the shared one.
import { KeyedRateLimiter, RateLimiter } from '../../schedule/limiter';
import { SharedKeyedRateLimiter, SharedRateLimiter, sendLimiters } from '../../schedule/send-limiters';
import type { SendBudgetStore } from '../../store/types';
import { fakeClock } from '../../testkit/scheduling';
import { sqlite } from '../../testkit/stores';

const rates = { ratePerSecond: 50, conversationRatePerSecond: 7 };

test('on SQLite the scheduler keeps its limiters in memory', async () => {
  const db = await sqlite.fresh();
  const store = await db.open();
  try {
    const limiters = sendLimiters(store, fakeClock('2026-12-07T09:00:00Z'), rates);
    expect(limiters.app).toBeInstanceOf(RateLimiter);
    expect(limiters.conversation).toBeInstanceOf(KeyedRateLimiter);
  } finally {
    await store.close();
    await db.drop();
  }
});

/** A bucket in memory that behaves as the database's does, for the limiter's own behaviour. */
function bucket(clock: { now(): Date }): SendBudgetStore & { claims: number } {
  const next = new Map<string, number>();
  const nowUs = () => clock.now().getTime() * 1000;
  return {
    claims: 0,
    async claimSlot(key, intervalUs) {
      this.claims++;
      const at = Math.max(next.get(key) ?? 0, nowUs());
      next.set(key, at + intervalUs);
      return { waitMs: (at - nowUs()) / 1000, atUs: at, token: at + intervalUs };
    },
    async giveBack(key, intervalUs, slot) {
      if (next.get(key) !== slot.token) return false;
      next.set(key, slot.token - intervalUs);
      return true;
    },
    async holdFor(key, ms) {
      next.set(key, Math.max(next.get(key) ?? 0, nowUs() + ms * 1000));
    },
    async pruneIdle() {
      return 0;
    },
  };
}

test('a store with a shared budget gets the shared limiters', () => {
  const clock = fakeClock('2026-12-07T09:00:00Z');
  const limiters = sendLimiters({ sendBudget: bucket(clock) }, clock, rates);
  expect(limiters.app).toBeInstanceOf(SharedRateLimiter);
  expect(limiters.conversation).toBeInstanceOf(SharedKeyedRateLimiter);
});

test('shared sends are spaced evenly at a little under the rate, and each waits for its slot', async () => {
  const clock = fakeClock('2026-12-07T09:00:00Z');
  const start = clock.now().getTime();
  const limiter = new SharedRateLimiter(bucket(clock), clock, 50);
  const at: number[] = [];
  for (let i = 0; i < 5; i++) {
    const permit = await limiter.take();
    at.push(clock.now().getTime() - start);
    permit.done();
  }
  // 20.6 ms apart (50 a second, 3% under); the clock reads whole milliseconds.
  const off = [0, 20.6, 41.2, 61.8, 82.4].map((ms, i) => Math.abs(at[i]! - ms));
  expect(Math.max(...off)).toBeLessThanOrEqual(1);
});

test('a send that would go out late after its slot claims a new slot rather than crowd the next sends', async () => {
  const clock = fakeClock('2026-12-07T09:00:00Z');
  const budget = bucket(clock);
  const limiter = new SharedRateLimiter(budget, clock, 50);
  const onTime = await limiter.take();
  await onTime.ready?.();
  expect(budget.claims).toBe(1);
  const late = await limiter.take();
  clock.advance(100); // reading the post and its conversation took 100 ms
  await late.ready?.();
  expect(budget.claims).toBe(3);
});

test('once it knows how long the caller takes to prepare a send, a permit comes that much early and the send still leaves on its slot', async () => {
  const clock = fakeClock('2026-12-07T09:00:00Z');
  const budget = bucket(clock);
  const limiter = new SharedRateLimiter(budget, clock, 50);
  const late: number[] = [];
  for (let i = 0; i < 40; i++) {
    const permit = await limiter.take();
    clock.advance(10); // claiming the post and reading its conversation
    await permit.ready?.();
    late.push(clock.now().getTime() - i * 20.6 - Date.parse('2026-12-07T09:00:00Z'));
    permit.done();
  }
  expect(late[0]).toBeCloseTo(10, 0); // the first, before it knew
  expect(Math.max(...late.slice(-10).map(Math.abs))).toBeLessThan(1);
  expect(budget.claims).toBe(40); // no slot wasted
});
