import type { Subscription } from '../../schedule/model';
import { EMPTY_ROTATION } from '../../schedule/rotation';
import { scheduleStore } from '../../schedule/schedule-store';
import type { ScheduleStore } from '../../schedule/schedule-store';
import type { AuditEntry, Store } from '../../store/types';
import { breakAuditLog, failure } from '../helpers/audit-down';
import { BACKENDS } from '../../testkit/stores';
import { MONDAY_9_LONDON } from '../../testkit/scheduling';

const at = (iso: string) => new Date(iso);
const CHANNEL = '19:a@thread.tacv2';
const LEAD = '00000000-0000-4000-8000-0000000000aa';
const audit = (action: string): AuditEntry => ({
  scopeId: `conversation:${CHANNEL}`,
  at: at('2026-11-23T09:00:00Z'),
  actor: LEAD,
  action,
  detail: `${action} (test)`,
});
const subscription = (id: string): Subscription => ({
  id,
  conversationId: CHANNEL,
  spec: MONDAY_9_LONDON,
  status: 'active',
  skipNext: 0,
  rotation: EMPTY_ROTATION,
  nextSlotAt: at('2026-11-30T09:00:00Z'),
  createdAt: at('2026-11-20T10:00:00Z'),
  createdBy: LEAD,
});

describe.each(BACKENDS)('a change and its audit row, on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let schedules: ScheduleStore;
  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    schedules = scheduleStore(store);
    await schedules.createSubscription(subscription('s1'), audit('subscribe'));
    await store.saveLeadChat(LEAD, 'a:personal', at('2026-11-20T10:00:00Z'));
    // As in the purge tests, the store is closed while the table changes behind its back, and sees the change when it opens.
    await store.close();
    await breakAuditLog(backend.name, db.url);
    store = await db.open();
    schedules = scheduleStore(store);
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  test('the audit log is really broken now, and changes made without an audit entry still go through', async () => {
    expect(await failure(store.audit(audit('anything')))).toMatch(/audit down/);
    await schedules.updateSubscription('s1', { skipNext: 2 });
    expect((await schedules.subscription('s1'))?.skipNext).toBe(2);
  });

  test('a new schedule is not saved when its audit row cannot be written', async () => {
    expect(await failure(schedules.createSubscription(subscription('s2'), audit('subscribe')))).toMatch(/audit down/);
    expect(await schedules.subscription('s2')).toBeUndefined();
    expect((await schedules.subscriptionsIn(CHANNEL)).map((s) => s.id)).toEqual(['s1']);
  });

  test('pause, resume, cancel and edit are rolled back with their audit row', async () => {
    expect(
      await failure(
        schedules.updateSubscription(
          's1',
          { status: 'paused', pausedUntil: at('2026-12-07T00:00:00Z') },
          audit('pause'),
        ),
      ),
    ).toMatch(/audit down/);
    expect(
      await failure(
        schedules.updateSubscription('s1', { status: 'cancelled', nextSlotAt: undefined }, audit('cancel')),
      ),
    ).toMatch(/audit down/);
    expect(
      await failure(
        schedules.updateSubscription('s1', { spec: { ...subscription('s1').spec, time: '10:00' } }, audit('edit')),
      ),
    ).toMatch(/audit down/);
    const s = await schedules.subscription('s1');
    expect(s).toMatchObject({ status: 'active', nextSlotAt: at('2026-11-30T09:00:00Z') });
    expect(s?.pausedUntil).toBeUndefined();
    expect(s?.spec.time).toBe('09:00');
  });

  test('a skip is not counted when its audit row cannot be written', async () => {
    const texts: number[] = [];
    expect(
      await failure(
        schedules.skipOneMore('s1', (skipping) => {
          texts.push(skipping);
          return audit(`skip (${skipping} to skip)`);
        }),
      ),
    ).toMatch(/audit down/);
    expect(texts).toEqual([1]); // the audit text was made from the new count…
    expect((await schedules.subscription('s1'))?.skipNext).toBe(0); // …and the count went back with the audit row
  });

  test('"schedule post now" logs nothing and leaves the rotation where it was when its audit row cannot be written', async () => {
    const plan = (s: Subscription) => ({
      posts: [
        {
          slotKey: `${s.id}@now`,
          subscriptionId: s.id,
          conversationId: s.conversationId,
          slotAt: at('2026-11-24T12:00:00Z'),
          status: 'pending' as const,
          entryId: 'lbbd-be-curious',
        },
      ],
      rotation: { ...s.rotation, cycle: 9, seen: ['lbbd-be-curious'] },
      nextSlotAt: s.nextSlotAt,
      skipNext: s.skipNext,
      status: s.status,
      pausedUntil: s.pausedUntil,
    });
    expect(await failure(schedules.planOne('s1', at('2026-11-24T12:00:00Z'), plan, audit('post now')))).toMatch(
      /audit down/,
    );
    expect(await schedules.postLog({ subscriptionId: 's1' }, 10)).toEqual([]);
    expect((await schedules.subscription('s1'))?.rotation).toEqual(EMPTY_ROTATION);
  });

  test('meeting openers stay as they were when the audit row cannot be written', async () => {
    expect(
      await failure(
        schedules.setMeetingOpeners(
          `conversation:${CHANNEL}`,
          true,
          at('2026-11-23T09:00:00Z'),
          audit('meeting-openers'),
        ),
      ),
    ).toMatch(/audit down/);
    expect(await schedules.meetingOpeners(`conversation:${CHANNEL}`)).toBeUndefined();
  });

  test("a lead's digest setting stays as it was when the audit row cannot be written", async () => {
    expect(await failure(store.setDigest(LEAD, false, at('2026-11-23T09:00:00Z'), audit('digest off')))).toMatch(
      /audit down/,
    );
    expect((await store.leadChats()).map((c) => c.digestOn)).toEqual([true]);
  });
});
