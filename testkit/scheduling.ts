import { Writable } from 'node:stream';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { createAdapter } from '../bot/platform/adapter';
import { connectorSender } from '../bot/teams/proactive';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { Clock } from '../time/clock';
import { EMPTY_ROTATION } from '../schedule/rotation';
import { createScheduler } from '../schedule/scheduler';
import type { SchedulerOptions } from '../schedule/scheduler';
import { nextSlot } from '../schedule/slots';
import type { Subscription, SubscriptionSpec } from '../schedule/model';
import type { Store } from '../store/types';
import { scheduleStore } from '../schedule/schedule-store';

/** A clock tests move by hand; sleeping moves it on at once, so no test waits for real time. */
export function fakeClock(startIso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    sleep: async (ms) => {
      t += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export const MONDAY_9_LONDON: SubscriptionSpec = {
  kind: 'post',
  frameworkId: 'lbbd',
  content: ['principle'],
  weekdays: [1],
  time: '09:00',
  timeZone: 'Europe/London',
  cadence: 'weekly',
  anchorWeek: '2026-11-23',
};

/** The schedule form's fields as a person fills them for MONDAY_9_LONDON, without the meetings' lead time. */
export const WEEKLY_FORM_FIELDS = {
  frameworkId: 'lbbd',
  content: 'principle',
  cadence: 'weekly',
  weekdays: '1',
  time: '09:00',
  timeZone: 'Europe/London',
  endDate: '',
  kind: 'post',
};

/** Every field of the schedule form, as Teams sends them when Save is pressed on a filled-in form. */
export const WEEKLY_FORM = { ...WEEKLY_FORM_FIELDS, leadMinutes: '5' };

/** The schedule form as its Action.Submit sends it: the action name, then the fields. */
export const WEEKLY_FORM_SUBMIT = { action: 'schedule-save', ...WEEKLY_FORM };

/**
 * A channel, as the bot stores it when it is added, with one active subscription (`subscriptionId`)
 * whose next post was due a minute ago: the scheduler's next run posts it.
 */
export async function addDueChannel(
  store: Store,
  serviceUrl: string,
  channel: string,
  subscriptionId: string,
): Promise<void> {
  await store.saveConversation(
    {
      id: channel,
      kind: 'channel',
      serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: channel, isGroup: true, conversationType: 'channel' },
        bot: { id: '28:bot', name: 'Practice Companion' },
      },
    },
    new Date(),
  );
  await addDueSubscription(store, { id: subscriptionId, conversationId: channel });
}

/** An active subscription (Monday 9:00 unless `spec` says otherwise) whose next post was due a minute ago. */
export function addDueSubscription(
  store: Store,
  at: { id: string; conversationId: string; teamId?: string; spec?: SubscriptionSpec },
): Promise<void> {
  return scheduleStore(store).createSubscription(
    {
      spec: MONDAY_9_LONDON,
      ...at,
      status: 'active',
      skipNext: 0,
      rotation: EMPTY_ROTATION,
      nextSlotAt: new Date(Date.now() - 60_000),
      createdAt: new Date(),
      createdBy: 'someone',
    },
    { scopeId: at.conversationId, at: new Date(), actor: 'someone', action: 'subscribe', detail: 'a test schedule' },
  );
}

/** A channel the bot is in, and a subscription in it, as the bot would have stored them. */
export async function addChannel(
  store: Store,
  serviceUrl: string,
  n: number,
  spec: SubscriptionSpec,
  createdAt: Date,
): Promise<Subscription> {
  const id = `19:channel-${n}@thread.tacv2`;
  await store.saveConversation(
    {
      id,
      kind: 'channel',
      tenantId: '00000000-0000-4000-8000-000000000002',
      teamId: `19:team-${n}@thread.tacv2`,
      serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: {
          id,
          isGroup: true,
          conversationType: 'channel',
          tenantId: '00000000-0000-4000-8000-000000000002',
        },
        bot: { id: '28:bot', name: 'Practice Companion' },
      },
    },
    createdAt,
  );
  const subscription: Subscription = {
    id: `sub-${n}`,
    conversationId: id,
    teamId: `19:team-${n}@thread.tacv2`,
    spec,
    status: 'active',
    skipNext: 0,
    rotation: EMPTY_ROTATION,
    nextSlotAt: nextSlot(spec, createdAt)!,
    createdAt,
    createdBy: '00000000-0000-4000-8000-0000000000aa',
  };
  await scheduleStore(store).createSubscription(subscription, {
    scopeId: id,
    at: createdAt,
    actor: 'someone',
    action: 'subscribe',
    detail: 'a test channel',
  });
  return subscription;
}

/** The real scheduler with the real botbuilder sender, posting to whatever serviceUrl the conversations hold. */
export function schedulerFor(
  store: Store,
  kb: KnowledgeBase,
  clock: Clock,
  more: Partial<SchedulerOptions> = {},
  serviceUrlAllowed?: (url: string) => boolean,
) {
  // The service's own adapter, anonymous (no app id): replies carry no token, as the fake connector expects.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' }, '/nonexistent');
  const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
  const adapter = createAdapter(config, createLogger(config, quiet));
  return createScheduler({
    store,
    kb,
    send: connectorSender(adapter, '', kb, serviceUrlAllowed),
    clock,
    graceMs: 6 * 3_600_000,
    ratePerSecond: 1000,
    conversationRatePerSecond: 7,
    random: () => 0.5,
    ...more,
  });
}
