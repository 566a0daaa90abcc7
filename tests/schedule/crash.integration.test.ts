import { runFanout } from '../../testkit/fanout';

// A real child process runs the scheduler and is killed with SIGKILL half way through a fan-out
// (at the moment the fake Teams receives the 100th post), then started again on the same database.
describe.each(['sqlite', 'postgres'] as const)('kill -9 in the middle of a fan-out on %s', (store) => {
  test('loses no post and duplicates none', async () => {
    const result = await runFanout({ channels: 200, rps: 50, store, killAt: 0.5 });
    expect(result.killed).toBe(true);
    expect(result.duplicates).toBe(0);
    expect(result.missed).toBe(0);
    expect(result.delivered).toBe(200);
    // The post in flight when the sender died is recorded as uncertain (it did arrive), never resent.
    expect(
      (result.statuses['sent'] ?? 0) + (result.statuses['uncertain'] ?? 0) + (result.statuses['sending'] ?? 0),
    ).toBe(200);
  }, 180_000);
});
