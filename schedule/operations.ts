import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { AuditEntry, PostRecord } from '../store/types';
import type { Subscription } from './model';
import type { ScheduleStore } from './schedule-store';
import { describeWhat, formatWhen } from './describe';
import { readScheduleForm } from './form';
import type { ScheduleFormInput } from './form';
import { mayChange, REFUSED } from './permissions';
import type { Actor, Refused } from './permissions';
import { postNowPlan, previewPost } from './post-now';
import { EMPTY_ROTATION } from './rotation';
import { describeWhen, nextSlot } from './slots';
import type { Clock } from '../time/clock';

/**
 * The changes people make to a channel's scheduled posts. Each takes who is asking, checks the one
 * permission rule, and writes the change and its audit row in one store transaction. Results are
 * data; the bot turns them into replies.
 */
export interface ScheduleOperationsDeps {
  readonly store: Pick<
    ScheduleStore,
    'subscriptionsIn' | 'createSubscription' | 'updateSubscription' | 'skipOneMore' | 'planOne'
  >;
  readonly kb: KnowledgeBase;
  readonly clock: Clock;
  /** ADMIN_AAD_IDS in lower case, or null when anyone in the team or chat may change schedules. */
  readonly adminIds: ReadonlySet<string> | null;
  /** DEFAULT_TIME_ZONE: the day "pause until" names is read in it. */
  readonly defaultTimeZone: string;
}

/** A request about the schedules of one conversation (the audit row's scope). */
export interface ScheduleRequest {
  readonly actor: Actor;
  readonly scopeId: string;
  /** The schedule's number as typed ("2"); none for "the one" or "all of them", as each operation says. */
  readonly number?: string;
}

/** Why no schedule was picked: there are none, several (say which), or no schedule has that number. */
export type NotPicked =
  | { readonly kind: 'none' }
  | { readonly kind: 'which'; readonly count: number }
  | { readonly kind: 'noSuch'; readonly number: string; readonly count: number };

const isLive = (s: Subscription) => s.status === 'active' || s.status === 'paused';

/** Picks "the one": by its number in the list, or the only live one (or, with `soonest`, the one due first). */
export function pickOne(
  subs: readonly Subscription[],
  number: string | undefined,
  soonest = false,
): Subscription | NotPicked {
  if (number !== undefined) {
    // Only a listed number counts: 1 to the number of schedules shown. "-2", "2x", "1000" and
    // "1.5" are not numbers of anything here, and must not fall through to "all of them".
    const chosen = /^[1-9]\d{0,5}$/.test(number) ? subs[Number(number) - 1] : undefined;
    return chosen ?? { kind: 'noSuch', number: number.slice(0, 40), count: subs.length };
  }
  const live = subs.filter(isLive);
  if (live.length === 0) return { kind: 'none' };
  const [only] = live;
  if (live.length === 1 && only) return only;
  // The first of the soonest, as a stable sort would give; a schedule with no next slot comes last.
  const due = (s: Subscription) => s.nextSlotAt?.getTime() ?? Infinity;
  if (soonest) return live.reduce((best, s) => (due(s) < due(best) ? s : best));
  return { kind: 'which', count: live.length };
}

const picked = (p: Subscription | NotPicked): p is Subscription => !('kind' in p);

/** The numbered one, or every schedule `all` keeps when no number is given. */
function targetsOf(
  subs: readonly Subscription[],
  number: string | undefined,
  all: (s: Subscription) => boolean,
): Subscription[] | NotPicked {
  if (number === undefined) return subs.filter(all);
  const one = pickOne(subs, number);
  return picked(one) ? [one] : one;
}

function auditOf(deps: ScheduleOperationsDeps, request: ScheduleRequest, action: string, detail: string): AuditEntry {
  return { scopeId: request.scopeId, at: deps.clock.now(), actor: request.actor.id, action, detail };
}

/** Applies the same change to each subscription, each audited as `done "what it posts"`. */
async function changeEach(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest,
  targets: readonly Subscription[],
  patch: Parameters<ScheduleStore['updateSubscription']>[1],
  action: string,
  done: string,
): Promise<void> {
  for (const s of targets) {
    await deps.store.updateSubscription(
      s.id,
      patch,
      auditOf(deps, request, action, `${done} "${describeWhat(deps.kb, s.spec)}"`),
    );
  }
}

/** "Save schedule": adds a subscription to the conversation, from the form's values. */
export async function subscribe(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest & {
    readonly teamId?: string;
    readonly form: ScheduleFormInput;
    readonly frameworkHere: () => Promise<{ readonly id: string; readonly name: string }>;
  },
): Promise<
  | Refused
  | { kind: 'problems'; problems: string[] }
  | { kind: 'otherFramework'; frameworkName: string }
  | { kind: 'subscribed'; subscription: Subscription; first?: Date }
> {
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  const now = deps.clock.now();
  const read = readScheduleForm(request.form, deps.kb, now);
  const place = await request.frameworkHere();
  if ('spec' in read && read.spec.frameworkId !== place.id)
    return { kind: 'otherFramework', frameworkName: place.name };
  if ('problems' in read) return { kind: 'problems', problems: read.problems };
  const { spec } = read;
  const first = nextSlot(spec, now);
  const subscription: Subscription = {
    id: randomUUID(),
    conversationId: request.scopeId,
    ...(request.teamId !== undefined && { teamId: request.teamId }),
    spec,
    status: first ? 'active' : 'ended',
    skipNext: 0,
    rotation: EMPTY_ROTATION,
    ...(first && { nextSlotAt: first }),
    createdAt: now,
    createdBy: request.actor.id,
  };
  await deps.store.createSubscription(
    subscription,
    auditOf(deps, request, 'subscribe', `added "${describeWhat(deps.kb, spec)}", ${describeWhen(spec)}`),
  );
  return { kind: 'subscribed', subscription, ...(first && { first }) };
}

/** "schedule pause [until YYYY-MM-DD] [n]": the numbered schedule, or every live one. */
export async function pause(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest & { readonly until?: string },
): Promise<
  NotPicked | Refused | { kind: 'badDate' } | { kind: 'pastDate' } | { kind: 'paused'; count: number; until?: string }
> {
  const { until } = request;
  if (until !== undefined) {
    const day = DateTime.fromISO(until, { zone: deps.defaultTimeZone });
    if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return { kind: 'badDate' };
    if (day.startOf('day').toJSDate().getTime() <= deps.clock.now().getTime()) return { kind: 'pastDate' };
  }
  const targets = targetsOf(await deps.store.subscriptionsIn(request.scopeId), request.number, isLive);
  if (!Array.isArray(targets)) return targets;
  if (targets.length === 0) return { kind: 'none' };
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  for (const s of targets) {
    // The day begins in the schedule's own time zone.
    const zoned =
      until === undefined ? undefined : DateTime.fromISO(until, { zone: s.spec.timeZone }).startOf('day').toJSDate();
    const detail = `paused "${describeWhat(deps.kb, s.spec)}"${zoned ? ` until ${formatWhen(zoned, s.spec.timeZone)}` : ''}`;
    await deps.store.updateSubscription(
      s.id,
      { status: 'paused', pausedUntil: zoned },
      auditOf(deps, request, 'pause', detail),
    );
  }
  return { kind: 'paused', count: targets.length, ...(until !== undefined && { until }) };
}

/** "schedule resume [n]": the numbered schedule, or every paused one. */
export async function resume(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest,
): Promise<
  NotPicked | Refused | { kind: 'nothingPaused' } | { kind: 'resumed'; first: Subscription; nextPost?: Date }
> {
  const targets = targetsOf(
    await deps.store.subscriptionsIn(request.scopeId),
    request.number,
    (s) => s.status === 'paused',
  );
  if (!Array.isArray(targets)) return targets;
  const [first] = targets;
  if (first === undefined) return { kind: 'nothingPaused' };
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  await changeEach(deps, request, targets, { status: 'active', pausedUntil: undefined }, 'resume', 'resumed');
  const nextPost = nextPosting(first);
  return { kind: 'resumed', first, ...(nextPost && { nextPost }) };
}

/** The slot that will really post: the next one, past any the schedule is still to skip ("schedule skip"). */
export function nextPosting(s: Pick<Subscription, 'spec' | 'nextSlotAt' | 'skipNext'>): Date | undefined {
  let at = s.nextSlotAt;
  for (let i = 0; i < s.skipNext && at; i++) at = nextSlot(s.spec, at);
  return at;
}

/** "schedule skip [n]": skips one more coming post of the schedule due soonest (or the numbered one). */
export async function skip(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest,
): Promise<NotPicked | Refused | { kind: 'skipped'; at?: Date; timeZone: string }> {
  const s = pickOne(await deps.store.subscriptionsIn(request.scopeId), request.number, true);
  if (!picked(s)) return s;
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  // Two skips at once skip two posts: which post this one skips follows from the count the store returns.
  const skipped = (skipping: number) => {
    let at = s.nextSlotAt;
    for (let i = 1; i < skipping && at; i++) at = nextSlot(s.spec, at);
    return at;
  };
  const skipping = await deps.store.skipOneMore(s.id, (n) =>
    auditOf(
      deps,
      request,
      'skip',
      `skipped the post of "${describeWhat(deps.kb, s.spec)}" on ${formatWhen(skipped(n), s.spec.timeZone) ?? 'its next day'}`,
    ),
  );
  if (skipping === undefined) return { kind: 'none' }; // removed a moment ago
  const at = skipped(skipping);
  return { kind: 'skipped', ...(at && { at }), timeZone: s.spec.timeZone };
}

/** "schedule post now [n]": the rotation's next item now, without moving the next slot. */
export async function postNow(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest,
): Promise<NotPicked | Refused | { kind: 'posting' }> {
  const s = pickOne(await deps.store.subscriptionsIn(request.scopeId), request.number, true);
  if (!picked(s)) return s;
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  const now = deps.clock.now();
  await deps.store.planOne(
    s.id,
    now,
    (current) => postNowPlan(current, deps.kb, now),
    auditOf(deps, request, 'post-now', `asked for a post of "${describeWhat(deps.kb, s.spec)}" now`),
  );
  return { kind: 'posting' };
}

/** "schedule preview [n]": what the next slot will post, planned on a copy. Anyone may look; nothing is stored. */
export async function preview(
  deps: ScheduleOperationsDeps,
  request: Omit<ScheduleRequest, 'actor'>,
): Promise<NotPicked | { kind: 'preview'; subscription: Subscription; post?: PostRecord }> {
  const s = pickOne(await deps.store.subscriptionsIn(request.scopeId), request.number, true);
  if (!picked(s)) return s;
  const post = previewPost(s, deps.kb, deps.clock.now());
  return { kind: 'preview', subscription: s, ...(post && { post }) };
}

/** "unsubscribe [n]": stops the numbered schedule, or every one here. */
export async function unsubscribe(
  deps: ScheduleOperationsDeps,
  request: ScheduleRequest,
): Promise<NotPicked | Refused | { kind: 'stopped'; stopped: Subscription[] }> {
  const targets = targetsOf(
    await deps.store.subscriptionsIn(request.scopeId),
    request.number,
    (s) => s.status !== 'cancelled',
  );
  if (!Array.isArray(targets)) return targets;
  if (targets.length === 0) return { kind: 'none' };
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  await changeEach(deps, request, targets, { status: 'cancelled', nextSlotAt: undefined }, 'unsubscribe', 'stopped');
  return { kind: 'stopped', stopped: targets };
}
