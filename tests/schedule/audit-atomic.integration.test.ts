import * as openers from '../../schedule/openers';
import type { OpenersDeps } from '../../schedule/openers';
import * as operations from '../../schedule/operations';
import type { ScheduleOperationsDeps } from '../../schedule/operations';
import type { Subscription } from '../../schedule/model';
import { scheduleStore } from '../../schedule/schedule-store';
import type { Store } from '../../store/types';
import { breakAuditLog, failure } from '../helpers/audit-down';
import { loadOrThrow } from '../../testkit/kb';
import { BACKENDS } from '../../testkit/stores';
import { WEEKLY_FORM_FIELDS } from '../../testkit/scheduling';
import { clockOf } from '../../time/clock';

const kb = loadOrThrow();
const CHANNEL = '19:atomic@thread.tacv2';
const SCOPE = 'team:19:team-atomic@thread.tacv2';
const SAM = { id: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', aadObjectId: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' };
const NOW = new Date('2026-11-24T12:00:00Z');
const LBBD = { id: 'lbbd', name: 'Barking & Dagenham framework' };

describe.each(BACKENDS)('a schedule change and its audit row are written together, on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let deps: ScheduleOperationsDeps;
  let openerDeps: OpenersDeps;
  let before: Subscription;
  const request = { actor: SAM, scopeId: CHANNEL };
  const state = async () => (await scheduleStore(store).subscriptionsIn(CHANNEL))[0];

  beforeAll(async () => {
    db = await backend.fresh();
    const useStore = (opened: Store) => {
      store = opened;
      deps = {
        store: scheduleStore(opened),
        kb,
        clock: clockOf(() => NOW),
        adminIds: null,
        defaultTimeZone: 'Europe/London',
      };
      openerDeps = { store: scheduleStore(opened), kb, clock: clockOf(() => NOW), adminIds: null };
    };
    useStore(await db.open());
    // Set up while the audit log works: a schedule, openers chosen in one team, and a lead's chat.
    expect(
      await operations.subscribe(deps, { ...request, form: WEEKLY_FORM_FIELDS, frameworkHere: async () => LBBD }),
    ).toMatchObject({ kind: 'subscribed' });
    await store.saveConversation(
      { id: CHANNEL, kind: 'channel', serviceUrl: 'http://127.0.0.1:1/', reference: {} },
      NOW,
    );
    expect(await openers.setOpeners(openerDeps, { actor: SAM, scopeId: SCOPE, on: true })).toMatchObject({
      kind: 'set',
      on: true,
    });
    await store.saveLeadChat(SAM.id, 'a:lead-chat', NOW);
    before = (await state())!;
    expect((await store.auditLog([CHANNEL, SCOPE], 10)).map((e) => e.action).sort()).toEqual([
      'meeting-openers',
      'subscribe',
    ]);
    // Broken with the store closed: an open SQLite store may not see a trigger added from another connection.
    await store.close();
    await breakAuditLog(backend.name, db.url);
    useStore(await db.open());
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  test('the audit log really refuses writes', async () => {
    expect(
      await failure(store.audit({ scopeId: CHANNEL, at: NOW, actor: SAM.id, action: 'probe', detail: 'probe' })),
    ).toMatch(/audit down/);
  });

  test('subscribe: no subscription is added', async () => {
    expect(
      await failure(
        operations.subscribe(deps, {
          ...request,
          form: { ...WEEKLY_FORM_FIELDS, weekdays: '2' },
          frameworkHere: async () => LBBD,
        }),
      ),
    ).toMatch(/audit down/);
    expect(await scheduleStore(store).subscriptionsIn(CHANNEL)).toEqual([before]);
  });

  test('pause, resume, skip and unsubscribe: the subscription is as it was', async () => {
    expect(await failure(operations.pause(deps, request))).toMatch(/audit down/);
    expect(await failure(operations.pause(deps, { ...request, until: '2026-12-10' }))).toMatch(/audit down/);
    expect(await state()).toEqual(before);
    expect(await failure(operations.skip(deps, request))).toMatch(/audit down/);
    expect(await state()).toEqual(before);
    expect(await failure(operations.unsubscribe(deps, request))).toMatch(/audit down/);
    expect(await failure(operations.unsubscribe(deps, { ...request, number: '1' }))).toMatch(/audit down/);
    expect(await state()).toEqual(before);
  });

  test('resume: a paused subscription stays paused', async () => {
    await store.updateSubscription(before.id, { status: 'paused' }); // no audit: set-up only
    expect(await failure(operations.resume(deps, request))).toMatch(/audit down/);
    expect(await state()).toEqual({ ...before, status: 'paused' });
    await store.updateSubscription(before.id, { status: 'active' });
  });

  test('post now: nothing is logged to post and the rotation has not moved', async () => {
    expect(await failure(operations.postNow(deps, request))).toMatch(/audit down/);
    expect(await store.postLog({ conversationId: CHANNEL }, 10)).toEqual([]);
    expect(await state()).toEqual(before);
  });

  test('meeting openers on and off, and on by adding the app: the setting is as it was', async () => {
    expect(await failure(openers.setOpeners(openerDeps, { actor: SAM, scopeId: SCOPE, on: false }))).toMatch(
      /audit down/,
    );
    expect(await store.meetingOpeners(SCOPE)).toBe(true);
    expect(await failure(openers.setOpeners(openerDeps, { actor: SAM, scopeId: 'team:other', on: true }))).toMatch(
      /audit down/,
    );
    expect(await store.meetingOpeners('team:other')).toBeUndefined();
    expect(
      await failure(
        openers.openersChosenByAdding(openerDeps, { actor: SAM, scopeId: 'conversation:19:meeting_x@thread.v2' }),
      ),
    ).toMatch(/audit down/);
    expect(await store.meetingOpeners('conversation:19:meeting_x@thread.v2')).toBeUndefined();
  });

  test("a lead's weekly digest: the setting is as it was", async () => {
    expect(
      await failure(
        store.setDigest(SAM.id, false, NOW, {
          scopeId: 'a:lead-chat',
          at: NOW,
          actor: SAM.id,
          action: 'digest off',
          detail: 'Weekly digest turned off',
        }),
      ),
    ).toMatch(/audit down/);
    expect((await store.leadChats())[0]).toMatchObject({ leadId: SAM.id, digestOn: true });
  });

  test('nothing was audited while the audit log was down', async () => {
    expect(
      (await store.auditLog([CHANNEL, SCOPE, 'a:lead-chat', 'team:other'], 20)).map((e) => e.action).sort(),
    ).toEqual(['meeting-openers', 'subscribe']);
  });
});
