// Teams' send budget shared through PostgreSQL (store/send-budget.ts, migration 11): several stores,
// as several instances would have, draw slots from one bucket and together never exceed it; an
// instance that vanishes holds nothing; SQLite keeps no shared budget (it serves one instance).
import type { Store } from '../../store/types';
import { postgres, sqlite } from '../../testkit/stores';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the shared send budget on PostgreSQL', () => {
  let stores: Store[];
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const db = await postgres.fresh();
    stores = [await db.open(), await db.open()];
    drop = db.drop;
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    await drop();
  });

  test('two stores claiming at once from one bucket get slots spaced a whole interval apart, so never more than the rate in any second', async () => {
    const interval = 10_000; // 100 a second
    const began = Date.now();
    const claims = await Promise.all(
      stores.flatMap((s) => Array.from({ length: 60 }, () => s.sendBudget!.claimSlot('app', interval))),
    );
    const starts = claims.map((c) => c.atUs).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(interval);
    let most = 0;
    for (let i = 0, j = 0; j < starts.length; j++) {
      while (starts[j]! - starts[i]! >= 1_000_000) i++;
      most = Math.max(most, j - i + 1);
    }
    expect(most).toBeLessThanOrEqual(100);
    // And each was told to wait until its slot: the last of 120 slots starts 1,190 ms after the first,
    // which is no earlier than the first claim, so its claim waits that long less however long claiming took.
    const claiming = Date.now() - began;
    expect(Math.max(...claims.map((c) => c.waitMs))).toBeGreaterThan(1190 - claiming - 5);
  });

  test("an instance that dies holding slots holds nothing past them: the other's wait ends when those slots have passed", async () => {
    const [dying, living] = stores as [Store, Store];
    const interval = 20_000;
    for (let i = 0; i < 20; i++) await dying.sendBudget!.claimSlot('app', interval); // 400 ms of slots
    await dying.close(); // gone without a word, as after kill -9: there are no leases to give up
    const next = await living.sendBudget!.claimSlot('app', interval);
    expect(next.waitMs).toBeLessThanOrEqual(400);
    await sleep(next.waitMs + 20);
    expect((await living.sendBudget!.claimSlot('app', interval)).waitMs).toBeLessThan(20);
  });

  test('a slot not used is given back while nobody has claimed after it; once someone has, it lapses', async () => {
    const [a, b] = stores as [Store, Store];
    // Slots 2 s apart, so the one given back is still ahead when the other store claims, however slow the machine.
    const interval = 2_000_000;
    await a.sendBudget!.claimSlot('app', interval);
    const unused = await a.sendBudget!.claimSlot('app', interval);
    expect(await a.sendBudget!.giveBack('app', interval, unused)).toBe(true);
    const again = await b.sendBudget!.claimSlot('app', interval);
    expect(again.atUs).toBe(unused.atUs);
    await a.sendBudget!.claimSlot('app', interval);
    expect(await b.sendBudget!.giveBack('app', interval, again)).toBe(false);
  });

  test("Teams' Retry-After holds every instance back", async () => {
    const [a, b] = stores as [Store, Store];
    await a.sendBudget!.holdFor('app', 1000);
    expect((await b.sendBudget!.claimSlot('app', 20_000)).waitMs).toBeGreaterThan(900);
  });

  test('conversations have buckets of their own, apart from the app, and idle ones are pruned', async () => {
    const [a, b] = stores as [Store, Store];
    await a.sendBudget!.claimSlot('app', 1_000_000);
    const one = await a.sendBudget!.claimSlot('conversation:19:one', 1000);
    const other = await b.sendBudget!.claimSlot('conversation:19:other', 1000);
    expect([one.waitMs, other.waitMs]).toEqual([0, 0]);
    await sleep(30);
    expect(await b.sendBudget!.pruneIdle('conversation:', 10)).toBe(2);
    expect((await b.sendBudget!.claimSlot('app', 1_000_000)).waitMs).toBeGreaterThan(900);
  });
});

test('SQLite keeps no shared send budget: it serves one instance, whose limiter is in memory', async () => {
  const db = await sqlite.fresh();
  const store = await db.open();
  try {
    expect(store.sendBudget).toBeUndefined();
  } finally {
    await store.close();
    await db.drop();
  }
});
