import { AskTally } from '../../store/ask-tally';
import type { AskCount } from '../../store/ask-tally';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(fail: () => boolean = () => false) {
  const batches: AskCount[][] = [];
  const write = async (batch: readonly AskCount[]) => {
    await sleep(5);
    if (fail()) throw new Error('disk full');
    batches.push(batch.map((a) => ({ ...a })));
  };
  return { batches, write };
}

describe('AskTally: ask counts added up in memory and written together', () => {
  test('counts wait for the delay, then go in one write, summed per entry and day', async () => {
    const { batches, write } = recorder();
    const tally = new AskTally(write, 40);
    tally.add('a', '2026-11-23');
    tally.add('b', '2026-11-23');
    tally.add('a', '2026-11-23');
    tally.add('a', '2026-11-24');
    expect(batches).toEqual([]);
    await sleep(150);
    expect(batches).toEqual([
      [
        { entryId: 'a', day: '2026-11-23', count: 2 },
        { entryId: 'b', day: '2026-11-23', count: 1 },
        { entryId: 'a', day: '2026-11-24', count: 1 },
      ],
    ]);
  });

  test('flush writes at once, and also waits for a write already under way', async () => {
    const { batches, write } = recorder();
    const tally = new AskTally(write, 60_000);
    tally.add('a', 'd');
    const first = tally.flush();
    tally.add('b', 'd');
    await tally.flush();
    await first;
    expect(batches).toEqual([[{ entryId: 'a', day: 'd', count: 1 }], [{ entryId: 'b', day: 'd', count: 1 }]]);
    await tally.flush(); // nothing waiting: no empty write
    expect(batches).toHaveLength(2);
  });

  test('a failed write keeps its counts, the next count hears of the failure, and the next write carries the sum', async () => {
    let failing = true;
    const { batches, write } = recorder(() => failing);
    const tally = new AskTally(write, 10);
    tally.add('a', 'd');
    await sleep(80); // the timed write fails
    expect(() => tally.add('a', 'd')).toThrow('disk full');
    tally.add('a', 'd'); // reported once only
    failing = false;
    await tally.flush();
    expect(batches).toEqual([[{ entryId: 'a', day: 'd', count: 3 }]]);
  });

  test('flush rejects when its own write fails, and keeps the counts', async () => {
    let failing = true;
    const { batches, write } = recorder(() => failing);
    const tally = new AskTally(write, 60_000);
    tally.add('a', 'd');
    await expect(tally.flush()).rejects.toThrow('disk full');
    failing = false;
    await tally.flush();
    expect(batches).toEqual([[{ entryId: 'a', day: 'd', count: 1 }]]);
  });
});
