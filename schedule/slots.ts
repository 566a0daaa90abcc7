import { DateTime } from 'luxon';
import type { SubscriptionSpec } from './model';

/** An IANA time zone name (Europe/London) or UTC: what DEFAULT_TIME_ZONE and the schedule form accept. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/**
 * YYYY-MM-DD of a luxon DateTime. luxon gives null only for an invalid DateTime, and every zone that
 * reaches the schedule has passed isTimeZone, so null here is a broken invariant, not bad input.
 */
export function isoDay(day: DateTime): string {
  const iso = day.toISODate();
  if (iso === null) throw new Error('invalid DateTime in the schedule: time zones are checked before they get here');
  return iso;
}

/** Days to look ahead for the next slot: a fortnight plus one day covers every cadence. */
const HORIZON_DAYS = 15;

/** Does this local day carry a slot? Weekday choice, cadence and end date, in the subscription's time zone. */
export function isSlotDay(spec: SubscriptionSpec, day: DateTime): boolean {
  if (spec.endDate !== undefined && isoDay(day) > spec.endDate) return false;
  if (spec.cadence === 'weekdays') return day.weekday <= 5;
  if (!spec.weekdays.includes(day.weekday)) return false;
  if (spec.cadence === 'fortnightly') {
    const anchor = DateTime.fromISO(spec.anchorWeek, { zone: spec.timeZone }).startOf('week');
    const weeks = Math.round(day.startOf('week').diff(anchor, 'weeks').weeks);
    return weeks % 2 === 0;
  }
  return true;
}

/**
 * The local wall-clock time `spec.time` on `day`, as an instant. Across the spring change a time that
 * does not exist (01:30 in London) moves an hour later; in the autumn a time that happens twice is
 * the second of the two (luxon's choice): either way, one post.
 */
export function slotOn(spec: SubscriptionSpec, day: DateTime): Date {
  const [hour, minute] = spec.time.split(':').map(Number) as [number, number];
  const local = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: spec.timeZone },
  );
  return local.minus({ minutes: spec.leadMinutes ?? 0 }).toJSDate();
}

/** The first slot strictly after `after`, or undefined if the subscription has ended. */
export function nextSlot(spec: SubscriptionSpec, after: Date): Date | undefined {
  let day = DateTime.fromJSDate(after, { zone: spec.timeZone }).startOf('day').minus({ days: 1 });
  for (let i = 0; i <= HORIZON_DAYS + 1; i++, day = day.plus({ days: 1 })) {
    if (spec.endDate !== undefined && isoDay(day) > spec.endDate) return undefined;
    if (!isSlotDay(spec, day)) continue;
    const at = slotOn(spec, day);
    if (at.getTime() > after.getTime()) return at;
  }
  return undefined;
}

/** The Monday of the week holding `at`, in the time zone, as YYYY-MM-DD. */
export function mondayOf(at: Date, timeZone: string): string {
  return isoDay(DateTime.fromJSDate(at, { zone: timeZone }).startOf('week'));
}

/** Start of the week (Monday 00:00) holding `at`, in the time zone. */
export function startOfWeek(at: Date, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).startOf('week').toJSDate();
}

/** "Monday 09:00" style description of when a subscription posts. */
export function describeWhen(spec: SubscriptionSpec): string {
  const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const days =
    spec.cadence === 'weekdays'
      ? 'every weekday'
      : `${spec.cadence === 'fortnightly' ? 'every other ' : 'every '}${[...spec.weekdays]
          .sort()
          .map((d) => names[d - 1])
          .join(', ')}`;
  const lead =
    spec.kind === 'meeting-opener'
      ? `${spec.leadMinutes ?? 0} minutes before a meeting at ${spec.time}`
      : `at ${spec.time}`;
  return `${days} ${lead} (${spec.timeZone})${spec.endDate ? `, until ${spec.endDate}` : ''}`;
}
