import * as openers from '../../schedule/openers';
import type { OpenersDeps } from '../../schedule/openers';
import * as operations from '../../schedule/operations';
import type { ScheduleOperationsDeps } from '../../schedule/operations';
import { mayChange } from '../../schedule/permissions';
import type { Subscription } from '../../schedule/model';
import { scheduleStore } from '../../schedule/schedule-store';
import type { Store } from '../../store/types';
import { loadOrThrow } from '../../testkit/kb';
import { sqlite } from '../../testkit/stores';
import { WEEKLY_FORM_FIELDS } from '../../testkit/scheduling';
import { clockOf } from '../../time/clock';

const kb = loadOrThrow();
const CHANNEL = '19:ops@thread.tacv2';
const ADMIN = { id: 'aaaaaaaa-1111-4222-8333-444444444444', aadObjectId: 'AAAAAAAA-1111-4222-8333-444444444444' };
const OTHER = { id: 'bbbbbbbb-1111-4222-8333-444444444444', aadObjectId: 'bbbbbbbb-1111-4222-8333-444444444444' };
const NO_AAD = { id: '29:teams-user-id' };
const NOW = new Date('2026-11-24T12:00:00Z');
const LBBD = async () => ({ id: 'lbbd', name: 'Barking & Dagenham framework' });

describe('the permission rule', () => {
  test('with no administrators named, anyone may change schedules; with some, only they may (their Entra id, any case)', () => {
    expect(mayChange(null, OTHER)).toBe(true);
    expect(mayChange(null, NO_AAD)).toBe(true);
    const admins = new Set([ADMIN.id]);
    expect(mayChange(admins, ADMIN)).toBe(true);
    expect(mayChange(admins, OTHER)).toBe(false);
    // The recorded id is not enough: the rule reads the Entra object id Teams gave.
    expect(mayChange(admins, { id: ADMIN.id })).toBe(false);
    expect(mayChange(new Set(['']), NO_AAD)).toBe(true);
  });
});

describe('picking "the one"', () => {
  const sub = (id: string, status: Subscription['status'], next?: string) =>
    ({ id, status, ...(next && { nextSlotAt: new Date(next) }) }) as unknown as Subscription;
  const subs = [
    sub('a', 'active', '2026-12-01T09:00:00Z'),
    sub('b', 'ended'),
    sub('c', 'paused', '2026-11-30T09:00:00Z'),
  ];
  test('a listed number picks it, whatever its state; anything else is no such schedule', () => {
    expect(operations.pickOne(subs, '2')).toBe(subs[1]);
    for (const n of ['0', '4', '-1', '1.5', '2x', '1000000'])
      expect(operations.pickOne(subs, n)).toEqual({ kind: 'noSuch', number: n, count: 3 });
    expect(operations.pickOne(subs, 'x'.repeat(100))).toEqual({ kind: 'noSuch', number: 'x'.repeat(40), count: 3 });
  });
  test('no number: the only live one, the soonest when asked, else say which', () => {
    expect(operations.pickOne(subs, undefined)).toEqual({ kind: 'which', count: 2 });
    expect(operations.pickOne(subs, undefined, true)).toBe(subs[2]);
    expect(operations.pickOne([subs[0]!, subs[1]!], undefined)).toBe(subs[0]);
    expect(operations.pickOne([subs[1]!], undefined, true)).toEqual({ kind: 'none' });
  });
});

describe('the schedule operations, on a real store', () => {
  let db: Awaited<ReturnType<typeof sqlite.fresh>>;
  let store: Store;
  let deps: ScheduleOperationsDeps & OpenersDeps;
  const as = (actor: typeof ADMIN | typeof OTHER) => ({ actor, scopeId: CHANNEL });
  const actions = async () =>
    (await store.auditLog([CHANNEL, 'team:t'], 50)).map(
      (e) => `${e.actor === ADMIN.id ? 'admin' : e.actor} ${e.action}: ${e.detail}`,
    );
  const only = async () => (await scheduleStore(store).subscriptionsIn(CHANNEL))[0]!;

  beforeEach(async () => {
    db = await sqlite.fresh();
    store = await db.open();
    deps = {
      store: scheduleStore(store),
      kb,
      clock: clockOf(() => NOW),
      adminIds: new Set([ADMIN.id]),
      defaultTimeZone: 'Europe/London',
    };
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  test('someone not named as an administrator is refused every change, and nothing is written', async () => {
    expect(await operations.subscribe(deps, { ...as(OTHER), form: WEEKLY_FORM_FIELDS, frameworkHere: LBBD })).toEqual({
      kind: 'refused',
    });
    expect(await scheduleStore(store).subscriptionsIn(CHANNEL)).toEqual([]);
    await operations.subscribe(deps, { ...as(ADMIN), form: WEEKLY_FORM_FIELDS, frameworkHere: LBBD });
    const before = await only();
    for (const op of [
      operations.pause,
      operations.resume,
      operations.skip,
      operations.postNow,
      operations.unsubscribe,
    ]) {
      if (op === operations.resume) await store.updateSubscription(before.id, { status: 'paused' });
      expect(await op(deps, as(OTHER))).toEqual({ kind: 'refused' });
      if (op === operations.resume) await store.updateSubscription(before.id, { status: 'active' });
    }
    expect(await openers.setOpeners(deps, { actor: OTHER, scopeId: 'team:t', on: true })).toEqual({ kind: 'refused' });
    expect(await scheduleStore(store).meetingOpeners('team:t')).toBeUndefined();
    expect(await only()).toEqual(before);
    expect(await store.postLog({ conversationId: CHANNEL }, 5)).toEqual([]);
    expect(await actions()).toEqual([
      'admin subscribe: added "Barking & Dagenham principles", every Monday at 09:00 (Europe/London)',
    ]);
    // Preview changes nothing, so anyone may look.
    expect(await operations.preview(deps, { scopeId: CHANNEL })).toMatchObject({
      kind: 'preview',
      post: { status: 'pending', slotAt: new Date('2026-11-30T09:00:00Z') },
    });
  });

  test('each change is made, audited under who made it, and answered with what the reply needs', async () => {
    expect(
      await operations.subscribe(deps, {
        ...as(ADMIN),
        form: { ...WEEKLY_FORM_FIELDS, frameworkId: 'jersey', content: 'ingredient' },
        frameworkHere: LBBD,
      }),
    ).toEqual({ kind: 'otherFramework', frameworkName: 'Barking & Dagenham framework' });
    expect(
      await operations.subscribe(deps, {
        ...as(ADMIN),
        form: { ...WEEKLY_FORM_FIELDS, time: '9' },
        frameworkHere: LBBD,
      }),
    ).toEqual({ kind: 'problems', problems: ['Give the time as hours and minutes, for example 09:00.'] });
    const added = await operations.subscribe(deps, {
      ...as(ADMIN),
      teamId: '19:team@thread.tacv2',
      form: WEEKLY_FORM_FIELDS,
      frameworkHere: LBBD,
    });
    expect(added).toMatchObject({
      kind: 'subscribed',
      first: new Date('2026-11-30T09:00:00Z'),
      subscription: { conversationId: CHANNEL, teamId: '19:team@thread.tacv2', createdBy: ADMIN.id, status: 'active' },
    });
    expect(await operations.pause(deps, { ...as(ADMIN), until: '2026-13-01' })).toEqual({ kind: 'badDate' });
    expect(await operations.pause(deps, { ...as(ADMIN), until: '2026-11-24' })).toEqual({ kind: 'pastDate' });
    expect(await operations.pause(deps, { ...as(ADMIN), until: '2026-12-10' })).toEqual({
      kind: 'paused',
      count: 1,
      until: '2026-12-10',
    });
    expect(await only()).toMatchObject({ status: 'paused', pausedUntil: new Date('2026-12-10T00:00:00Z') });
    expect(await operations.resume(deps, as(ADMIN))).toMatchObject({
      kind: 'resumed',
      first: { nextSlotAt: new Date('2026-11-30T09:00:00Z') },
    });
    expect(await operations.resume(deps, as(ADMIN))).toEqual({ kind: 'nothingPaused' });
    expect(await operations.skip(deps, as(ADMIN))).toEqual({
      kind: 'skipped',
      at: new Date('2026-11-30T09:00:00Z'),
      timeZone: 'Europe/London',
    });
    expect(await operations.skip(deps, as(ADMIN))).toEqual({
      kind: 'skipped',
      at: new Date('2026-12-07T09:00:00Z'),
      timeZone: 'Europe/London',
    });
    expect(await operations.postNow(deps, as(ADMIN))).toEqual({ kind: 'posting' });
    expect(await store.postLog({ conversationId: CHANNEL }, 5)).toEqual([
      expect.objectContaining({ status: 'pending', slotAt: NOW }),
    ]);
    expect(await only()).toMatchObject({ skipNext: 2, nextSlotAt: new Date('2026-11-30T09:00:00Z') });
    expect(await operations.unsubscribe(deps, { ...as(ADMIN), number: '2' })).toEqual({
      kind: 'noSuch',
      number: '2',
      count: 1,
    });
    expect(await operations.unsubscribe(deps, as(ADMIN))).toMatchObject({
      kind: 'stopped',
      stopped: [{ conversationId: CHANNEL }],
    });
    expect(await scheduleStore(store).subscriptionsIn(CHANNEL)).toEqual([]);
    expect(await operations.unsubscribe(deps, as(ADMIN))).toEqual({ kind: 'none' });
    expect(await openers.setOpeners(deps, { actor: ADMIN, scopeId: 'team:t', on: true })).toEqual({
      kind: 'set',
      on: true,
      already: false,
    });
    expect(await openers.setOpeners(deps, { actor: ADMIN, scopeId: 'team:t', on: true })).toEqual({
      kind: 'set',
      on: true,
      already: true,
    });
    expect(await openers.openersChosenByAdding(deps, { actor: ADMIN, scopeId: 'team:t' })).toBe(false);
    expect((await actions()).sort()).toEqual(
      [
        'admin subscribe: added "Barking & Dagenham principles", every Monday at 09:00 (Europe/London)',
        'admin pause: paused "Barking & Dagenham principles" until Thu 10 Dec 2026 at 00:00',
        'admin resume: resumed "Barking & Dagenham principles"',
        'admin skip: skipped the post of "Barking & Dagenham principles" on Mon 30 Nov 2026 at 09:00',
        'admin skip: skipped the post of "Barking & Dagenham principles" on Mon 7 Dec 2026 at 09:00',
        'admin post-now: asked for a post of "Barking & Dagenham principles" now',
        'admin unsubscribe: stopped "Barking & Dagenham principles"',
        'admin meeting-openers: meeting openers turned on',
        'admin meeting-openers: meeting openers turned on (they already were)',
      ].sort(),
    );
  });
});
