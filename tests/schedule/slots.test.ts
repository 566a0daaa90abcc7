import { nextSlot } from '../../schedule/slots';
import type { SubscriptionSpec } from '../../schedule/model';
import { MONDAY_9_LONDON } from '../../testkit/scheduling';

const monday9: SubscriptionSpec = { ...MONDAY_9_LONDON, anchorWeek: '2026-01-05' };

const walk = (spec: SubscriptionSpec, from: string, count: number) => {
  const out: string[] = [];
  let at: Date | undefined = new Date(from);
  for (let i = 0; i < count && at; i++) {
    at = nextSlot(spec, at);
    if (at) out.push(at.toISOString());
  }
  return out;
};

describe('slots: Monday 09:00 Europe/London across daylight saving', () => {
  test('fires at 08:00 UTC in summer and 09:00 UTC in winter', () => {
    expect(nextSlot(monday9, new Date('2026-07-01T00:00:00Z'))?.toISOString()).toBe('2026-07-06T08:00:00.000Z');
    expect(nextSlot(monday9, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  test('the weeks the clocks go forward (29 March 2026) and back (25 October 2026)', () => {
    expect(walk(monday9, '2026-03-20T00:00:00Z', 3)).toEqual([
      '2026-03-23T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ]);
    expect(walk(monday9, '2026-10-16T00:00:00Z', 3)).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ]);
  });

  test('a Sunday 01:30 post on the night the clocks go forward moves to 02:30 BST, and posts once on the night they go back', () => {
    const sunday = { ...monday9, weekdays: [7], time: '01:30' };
    expect(walk(sunday, '2026-03-28T00:00:00Z', 1)).toEqual(['2026-03-29T01:30:00.000Z']); // 02:30 BST = 01:30 UTC
    expect(walk(sunday, '2026-10-24T00:00:00Z', 2)).toEqual(['2026-10-25T01:30:00.000Z', '2026-11-01T01:30:00.000Z']); // once, at the second 01:30 (GMT)
  });

  test('exactly the slot time is not "after" it: the next slot is a week on', () => {
    expect(nextSlot(monday9, new Date('2026-07-06T08:00:00Z'))?.toISOString()).toBe('2026-07-13T08:00:00.000Z');
    expect(nextSlot(monday9, new Date('2026-07-06T07:59:59.999Z'))?.toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });

  test('another zone keeps its own wall clock: New York 09:00 is 13:00 UTC in summer, 14:00 in winter', () => {
    const ny = { ...monday9, timeZone: 'America/New_York' };
    expect(nextSlot(ny, new Date('2026-07-01T00:00:00Z'))?.toISOString()).toBe('2026-07-06T13:00:00.000Z');
    expect(nextSlot(ny, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
  });
});

describe('slots: cadence and end date', () => {
  test('every weekday skips the weekend', () => {
    const weekdays = { ...monday9, cadence: 'weekdays' as const, weekdays: [] };
    expect(walk(weekdays, '2026-11-20T10:00:00Z', 3)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
      '2026-11-25T09:00:00.000Z',
    ]);
  });

  test('fortnightly posts on the anchor week and every other week after it', () => {
    const fortnightly = { ...monday9, cadence: 'fortnightly' as const, anchorWeek: '2026-11-16' };
    expect(walk(fortnightly, '2026-11-10T00:00:00Z', 3)).toEqual([
      '2026-11-16T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-12-14T09:00:00.000Z',
    ]);
  });

  test('several days a week, in order', () => {
    const monFri = { ...monday9, weekdays: [5, 1] };
    expect(walk(monFri, '2026-11-22T00:00:00Z', 3)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-27T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ]);
  });

  test('the end date is the last day that posts', () => {
    const ending = { ...monday9, endDate: '2026-11-30' };
    expect(walk(ending, '2026-11-20T00:00:00Z', 5)).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-30T09:00:00.000Z']);
  });

  test('a meeting opener posts its lead minutes before the meeting', () => {
    const opener = { ...monday9, kind: 'meeting-opener' as const, time: '10:00', leadMinutes: 5 };
    expect(nextSlot(opener, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-07T09:55:00.000Z');
    expect(nextSlot(opener, new Date('2026-07-01T00:00:00Z'))?.toISOString()).toBe('2026-07-06T08:55:00.000Z');
  });
});
