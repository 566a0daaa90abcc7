import { choosePrompts, EMPTY_ROTATION, nextInRotation, rotationOrder } from '../../schedule/rotation';
import { planSubscription } from '../../schedule/planner';
import { nextSlot } from '../../schedule/slots';
import type { RotationState, Subscription, SubscriptionSpec } from '../../schedule/model';
import { loadOrThrow } from '../../testkit/kb';
import { MONDAY_9_LONDON } from '../../testkit/scheduling';

const kb = loadOrThrow();
const principles: SubscriptionSpec = MONDAY_9_LONDON;

function walk(spec: Pick<SubscriptionSpec, 'frameworkId' | 'content'>, state: RotationState, n: number) {
  const order = rotationOrder(kb, spec);
  const picks = [];
  for (let i = 0; i < n; i++) {
    const p = nextInRotation(order, state, 2, 'individual')!;
    picks.push(p);
    state = p.state;
  }
  return { picks, state };
}

describe('rotation', () => {
  test('walks the 10 principles in order without repeats, then starts a new cycle', () => {
    const { picks } = walk(principles, EMPTY_ROTATION, 12);
    expect(picks.map((p) => p.entry.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2]);
    expect(picks.map((p) => `${p.position} of ${p.of}`).slice(0, 4)).toEqual([
      '1 of 10',
      '2 of 10',
      '3 of 10',
      '4 of 10',
    ]);
    expect(picks[10]!.cycle).toBe(2);
  });

  test('a mix walks each chosen kind in turn and never repeats within a cycle', () => {
    const mix = { frameworkId: 'lbbd', content: ['value', 'approach'] as const };
    const { picks } = walk({ ...mix, content: [...mix.content] }, EMPTY_ROTATION, 12);
    const ids = picks.map((p) => p.entry.id);
    expect(new Set(ids).size).toBe(12);
    expect(picks.slice(0, 5).every((p) => p.entry.kind === 'value')).toBe(true);
    expect(picks[5]!.entry.kind).toBe('approach');
  });

  test('carries on where it left off when the chosen kinds change', () => {
    const first = walk(principles, EMPTY_ROTATION, 3);
    const changed = walk({ frameworkId: 'lbbd', content: ['value', 'principle'] }, first.state, 8);
    const numbersOfPrinciples = changed.picks.filter((p) => p.entry.kind === 'principle').map((p) => p.entry.number);
    expect(numbersOfPrinciples).toEqual([4, 5, 6]); // 1 to 3 were posted before the change
  });

  test("prompts: two per post, and last round's prompts are not repeated while others remain", () => {
    expect(choosePrompts(5, [], 2)).toEqual({ chosen: [0, 1], used: [0, 1] });
    expect(choosePrompts(5, [0, 1], 2)).toEqual({ chosen: [2, 3], used: [0, 1, 2, 3] });
    expect(choosePrompts(5, [0, 1, 2, 3], 2).chosen).toEqual([4, 0]);
    // Over three cycles of the same entry (3 prompts, 2 a time) nothing repeats until all have been used.
    const { picks } = walk(principles, EMPTY_ROTATION, 30);
    const p1 = picks.filter((p) => p.entry.number === 1).map((p) => p.prompts);
    expect(p1[0]).toEqual([0, 1]);
    expect(p1[1]![0]).toBe(2);
  });
});

describe('planning a subscription', () => {
  const base: Subscription = {
    id: 'sub-1',
    conversationId: '19:channel@thread.tacv2',
    spec: principles,
    status: 'active',
    skipNext: 0,
    rotation: EMPTY_ROTATION,
    nextSlotAt: new Date('2026-11-23T09:00:00Z'),
    createdAt: new Date('2026-11-20T09:00:00Z'),
    createdBy: 'someone',
  };
  const SIX_HOURS = 6 * 3_600_000;

  test('a due slot becomes one pending post with the next entry, and the next slot is a week on', () => {
    const plan = planSubscription(base, kb, new Date('2026-11-23T09:00:05Z'), SIX_HOURS);
    expect(plan.posts).toHaveLength(1);
    expect(plan.posts[0]).toMatchObject({
      status: 'pending',
      entryId: 'lbbd-be-collaborative',
      slotKey: 'sub-1@2026-11-23T09:00:00.000Z',
    });
    expect(plan.nextSlotAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  test('after downtime: slots older than the grace window are missed, the recent one still posts', () => {
    const weekdays = {
      ...base,
      spec: { ...principles, cadence: 'weekdays' as const },
      nextSlotAt: new Date('2026-11-23T09:00:00Z'),
    };
    const plan = planSubscription(weekdays, kb, new Date('2026-11-25T12:00:00Z'), SIX_HOURS);
    expect(plan.posts.map((p) => p.status)).toEqual(['missed', 'missed', 'pending']);
    expect(plan.posts[2]!.entryId).toBe('lbbd-be-collaborative'); // missed slots do not use up entries
  });

  test('skip uses up one slot without moving the rotation; pause skips until it ends', () => {
    const skipped = planSubscription({ ...base, skipNext: 1 }, kb, new Date('2026-11-23T09:01:00Z'), SIX_HOURS);
    expect(skipped.posts.map((p) => [p.status, p.error])).toEqual([['skipped', 'skipped on request']]);
    expect(skipped.skipNext).toBe(0);
    expect(skipped.rotation).toEqual(EMPTY_ROTATION);

    const paused = { ...base, status: 'paused' as const, pausedUntil: new Date('2026-11-30T00:00:00Z') };
    const during = planSubscription(paused, kb, new Date('2026-11-23T09:01:00Z'), SIX_HOURS);
    expect(during.posts.map((p) => p.status)).toEqual(['skipped']);
    expect(during.status).toBe('active'); // the next slot (30 November) is after the pause ends
    const after = planSubscription(
      { ...paused, nextSlotAt: nextSlot(principles, new Date('2026-11-24T00:00:00Z'))! },
      kb,
      new Date('2026-11-30T09:00:01Z'),
      SIX_HOURS,
    );
    expect(after.posts.map((p) => p.status)).toEqual(['pending']);
  });

  test('an end date ends the subscription after its last slot', () => {
    const ending = { ...base, spec: { ...principles, endDate: '2026-11-23' } };
    const plan = planSubscription(ending, kb, new Date('2026-11-23T09:00:01Z'), SIX_HOURS);
    expect(plan.posts).toHaveLength(1);
    expect(plan.nextSlotAt).toBeUndefined();
    expect(plan.status).toBe('ended');
  });
});
