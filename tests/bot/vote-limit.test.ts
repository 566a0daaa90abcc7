// Each person's votes go through the scheduler's rate limiter (schedule/limiter.ts), keyed by voter:
// at most VOTES_PER_MINUTE in any minute, refused at once beyond it, each voter counted alone.
import { VOTES_PER_MINUTE, votesAllowed } from '../../bot/teams/vote-limit';
import { clockOf } from '../../time/clock';

function service(start: string) {
  let now = new Date(start).getTime();
  return { deps: { clock: clockOf(() => new Date(now)) }, later: (ms: number) => (now += ms) };
}

test('a voter gets VOTES_PER_MINUTE votes in a minute; the next is refused, and another voter is not held back', () => {
  const { deps, later } = service('2026-12-07T09:00:00Z');
  const votes = votesAllowed(deps);
  for (let n = 0; n < VOTES_PER_MINUTE; n++) {
    expect(votes.take('voter-a')).toBe(true);
    later(1000);
  }
  expect(votes.take('voter-a')).toBe(false);
  expect(votes.take('voter-b')).toBe(true);
});

test('votes count again once the minute since them has passed', () => {
  const { deps, later } = service('2026-12-07T09:00:00Z');
  const votes = votesAllowed(deps);
  for (let n = 0; n < VOTES_PER_MINUTE; n++) expect(votes.take('voter-a')).toBe(true);
  expect(votes.take('voter-a')).toBe(false);
  later(59_999);
  expect(votes.take('voter-a')).toBe(false);
  later(1);
  expect(votes.take('voter-a')).toBe(true);
});

test('each running service counts its own votes', () => {
  const one = service('2026-12-07T09:00:00Z');
  for (let n = 0; n < VOTES_PER_MINUTE; n++) votesAllowed(one.deps).take('voter-a');
  expect(votesAllowed(one.deps).take('voter-a')).toBe(false);
  expect(votesAllowed(service('2026-12-07T09:00:00Z').deps).take('voter-a')).toBe(true);
});
