import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { CloudAdapter, TeamsInfo } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { scheduleCard } from '../cards';
import type { ScheduleLine } from '../cards';
import type { scheduleSaveSchema } from '../cards/actions';
import type { z } from 'zod';
import { planSubscription, slotKey } from '../schedule/planner';
import { EMPTY_ROTATION } from '../schedule/rotation';
import { describeWhen, mondayOf, nextSlot } from '../schedule/slots';
import type { Cadence, ContentKind, Subscription, SubscriptionSpec } from '../schedule/model';
import type { PostRecord } from '../store/types';
import { isTimeZone } from './config';
import type { BotDeps } from './deps';
import { currentFramework } from './framework-choice';
import { renderPost } from './proactive';
import { startConversation } from './start-conversation';
import { cardActivity, textActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

export const SCHEDULE_REPLIES = Object.freeze({
  notHere: 'Schedules belong to a channel or a group chat. Go to the channel, @mention me and type "schedule".',
  none: 'This channel has no scheduled posts. Type "schedule" to add one.',
  which: (count: number) => `This channel has ${count} scheduled posts. Add the number of the one you mean, for example "schedule skip 2". Type "schedule" to see them.`,
  noSuch: (n: string, count: number) => `There is no schedule ${n} here; there ${count === 1 ? 'is 1' : `are ${count === 0 ? 'none' : count}`}. Type "schedule" to see them.`,
  refused: (detail: string) =>
    `Sorry, you can't ${detail}. Only the people your organisation has named as Practice Companion administrators can change schedules and meeting openers. Please ask one of them, or your Teams administrator, to make the change.`,
  unknown: 'I know these: "schedule", "schedule pause", "schedule pause until 2026-12-01", "schedule resume", "schedule skip", "schedule preview", "schedule post now", "schedule history" and "unsubscribe".',
});

const KINDS: readonly ContentKind[] = ['principle', 'value', 'approach', 'ingredient'];
const KIND_PLURAL: Record<ContentKind, string> = { principle: 'principles', value: 'values', approach: 'approaches', ingredient: 'ingredients' };
const STATE: Record<Subscription['status'], string> = { active: 'On', paused: 'Paused', ended: 'Ended', inactive: 'Stopped', cancelled: 'Cancelled' };

/** Who is asking, as the audit log records them: the Entra object id when Teams gives one. */
export function actorOf(context: TurnContext): string {
  return teamsActivity(context).actor ?? 'unknown';
}

/** Only named administrators may change schedules when ADMIN_AAD_IDS is set; otherwise any member of the team or chat. */
export async function mayChange(context: TurnContext, deps: BotDeps, detail: string): Promise<boolean> {
  const admins = deps.config.adminIds;
  if (admins === null || admins.has(teamsActivity(context).entraId ?? '')) return true;
  deps.logger.info(turnInfo(context, { event: 'change-refused' }), 'a schedule change was refused');
  await context.sendActivity(textActivity(SCHEDULE_REPLIES.refused(detail)));
  return false;
}

function formatWhen(at: Date | undefined, timeZone: string): string | undefined {
  return at && DateTime.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL yyyy 'at' HH:mm");
}

export function describeWhat(deps: BotDeps, spec: SubscriptionSpec): string {
  const framework = deps.kb.framework(spec.frameworkId)?.shortName ?? spec.frameworkId;
  const what = spec.content.map((k) => KIND_PLURAL[k]).join(' and ');
  return spec.kind === 'meeting-opener' ? `Meeting opener from ${framework} ${what}` : `${framework} ${what}`;
}

function line(deps: BotDeps, s: Subscription, number: number): ScheduleLine {
  const state = s.status === 'paused' && s.pausedUntil ? `Paused until ${formatWhen(s.pausedUntil, s.spec.timeZone)}` : s.status === 'inactive' ? `Stopped: ${s.inactiveReason ?? 'Teams refused the post'}` : STATE[s.status];
  const skipping = s.skipNext > 0 ? ` (skipping the next ${s.skipNext === 1 ? 'post' : `${s.skipNext} posts`})` : '';
  const next = s.status === 'active' || s.status === 'paused' ? formatWhen(s.nextSlotAt, s.spec.timeZone) : undefined;
  return { number, what: describeWhat(deps, s.spec), when: describeWhen(s.spec), state: `${state}${skipping}`, ...(next !== undefined && { next }) };
}

async function subscriptionsHere(context: TurnContext, deps: BotDeps): Promise<Subscription[]> {
  return deps.schedules.subscriptionsIn(teamsActivity(context).conversationKey);
}

/** Picks "the one": by its number in the list, or the only one; undefined after telling the person why. */
async function pickOne(context: TurnContext, subs: Subscription[], numberText: string | undefined, soonest = false): Promise<Subscription | undefined> {
  const live = subs.filter((s) => s.status === 'active' || s.status === 'paused');
  if (numberText !== undefined) {
    // Only a listed number counts: 1 to the number of schedules shown. "-2", "2x", "1000" and
    // "1.5" are not numbers of anything here, and must not fall through to "all of them".
    const chosen = /^[1-9]\d{0,5}$/.test(numberText) ? subs[Number(numberText) - 1] : undefined;
    if (!chosen) await context.sendActivity(textActivity(SCHEDULE_REPLIES.noSuch(numberText.slice(0, 40), subs.length)));
    return chosen;
  }
  if (live.length === 0) {
    await context.sendActivity(textActivity(SCHEDULE_REPLIES.none));
    return undefined;
  }
  if (live.length === 1) return live[0];
  if (soonest) return [...live].sort((a, b) => (a.nextSlotAt?.getTime() ?? Infinity) - (b.nextSlotAt?.getTime() ?? Infinity))[0];
  await context.sendActivity(textActivity(SCHEDULE_REPLIES.which(live.length)));
  return undefined;
}

async function audit(context: TurnContext, deps: BotDeps, action: string, detail: string): Promise<void> {
  await deps.store.audit({ scopeId: teamsActivity(context).conversationKey, at: deps.clock(), actor: actorOf(context), action, detail });
}

/** `schedule …`: show and change this channel's scheduled posts. */
export async function scheduleCommand(context: TurnContext, argument: string, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await context.sendActivity(textActivity(SCHEDULE_REPLIES.notHere));
    return;
  }
  const words = argument.toLowerCase().split(/\s+/).filter(Boolean);
  const [sub = '', ...rest] = words;
  // Whatever follows the command's own words is the schedule's number: anything there that is not
  // one of the listed numbers is answered as such, never ignored.
  const extra = sub === 'pause' && rest[0] === 'until' ? rest.slice(2) : sub === 'post' && rest[0] === 'now' ? rest.slice(1) : rest;
  const numberAtEnd = ['pause', 'resume', 'skip', 'preview', 'post'].includes(sub) && extra.length > 0 ? extra.join(' ') : undefined;
  const subs = await subscriptionsHere(context, deps);
  const now = deps.clock();

  switch (sub) {
    case '': {
      const framework = await currentFramework(context, deps);
      await context.sendActivity(cardActivity(scheduleCard({ kb: deps.kb, lines: subs.map((s, i) => line(deps, s, i + 1)), frameworkId: framework.id, timeZone: deps.config.schedule.defaultTimeZone })));
      return;
    }
    case 'pause': {
      let until: Date | undefined;
      if (rest[0] === 'until') {
        const day = DateTime.fromISO(rest[1] ?? '', { zone: deps.config.schedule.defaultTimeZone });
        if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(rest[1] ?? '')) {
          await context.sendActivity(textActivity('Please give the date as year-month-day, for example "schedule pause until 2026-12-01".'));
          return;
        }
        until = day.startOf('day').toJSDate();
        if (until.getTime() <= now.getTime()) {
          await context.sendActivity(textActivity('That date has passed. Please give a date in the future.'));
          return;
        }
      }
      const targets = numberAtEnd !== undefined ? [await pickOne(context, subs, numberAtEnd)].filter((s): s is Subscription => s !== undefined) : subs.filter((s) => s.status === 'active' || s.status === 'paused');
      if (targets.length === 0) {
        if (numberAtEnd === undefined) await context.sendActivity(textActivity(SCHEDULE_REPLIES.none));
        return;
      }
      if (!(await mayChange(context, deps, 'pause the scheduled posts here'))) return;
      for (const s of targets) {
        const zoned = until && DateTime.fromISO(rest[1]!, { zone: s.spec.timeZone }).startOf('day').toJSDate();
        await deps.schedules.updateSubscription(s.id, { status: 'paused', pausedUntil: zoned });
        await audit(context, deps, 'pause', `paused "${describeWhat(deps, s.spec)}"${zoned ? ` until ${formatWhen(zoned, s.spec.timeZone)}` : ''}`);
      }
      await context.sendActivity(textActivity(`Paused${until ? ` until ${rest[1]}` : ''}. ${targets.length === 1 ? 'It' : `All ${targets.length}`} will ${until ? 'start again by itself then' : 'stay paused until someone types "schedule resume"'}.`));
      return;
    }
    case 'resume': {
      const targets = numberAtEnd !== undefined ? [await pickOne(context, subs, numberAtEnd)].filter((s): s is Subscription => s !== undefined) : subs.filter((s) => s.status === 'paused');
      if (targets.length === 0) {
        if (numberAtEnd === undefined) await context.sendActivity(textActivity('Nothing here is paused.'));
        return;
      }
      if (!(await mayChange(context, deps, 'resume the scheduled posts here'))) return;
      for (const s of targets) {
        await deps.schedules.updateSubscription(s.id, { status: 'active', pausedUntil: undefined });
        await audit(context, deps, 'resume', `resumed "${describeWhat(deps, s.spec)}"`);
      }
      const next = targets[0]!;
      await context.sendActivity(textActivity(`Resumed. The next post is on ${formatWhen(next.nextSlotAt, next.spec.timeZone) ?? 'its next day'}.`));
      deps.scheduler?.poke();
      return;
    }
    case 'skip': {
      const s = await pickOne(context, subs, numberAtEnd, true);
      if (!s) return;
      if (!(await mayChange(context, deps, 'skip a scheduled post here'))) return;
      const skipping = await deps.schedules.skipOneMore(s.id);
      if (skipping === undefined) {
        await context.sendActivity(textActivity(SCHEDULE_REPLIES.none)); // removed a moment ago
        return;
      }
      let at = s.nextSlotAt;
      for (let i = 1; i < skipping && at; i++) at = nextSlot(s.spec, at);
      await audit(context, deps, 'skip', `skipped the post of "${describeWhat(deps, s.spec)}" on ${formatWhen(at, s.spec.timeZone) ?? 'its next day'}`);
      await context.sendActivity(textActivity(`Done: the post on ${formatWhen(at, s.spec.timeZone) ?? 'its next day'} will be skipped. The one after will post as usual.`));
      return;
    }
    case 'preview': {
      const s = await pickOne(context, subs, numberAtEnd, true);
      if (!s) return;
      const post = previewPost(s, deps);
      const message = post && renderPost(deps.kb, post);
      if (!message) {
        await context.sendActivity(textActivity('There is nothing to preview: this schedule has no more posts.'));
        return;
      }
      const heading = `Preview: this will post on ${formatWhen(s.nextSlotAt, s.spec.timeZone) ?? 'its next day'}. Only you can see this.`;
      await sendPrivately(context, deps, [textActivity(heading), cardActivity(message)]);
      return;
    }
    case 'post': {
      if (rest[0] !== 'now') break;
      const s = await pickOne(context, subs, numberAtEnd, true);
      if (!s) return;
      if (!(await mayChange(context, deps, 'post now'))) return;
      await deps.schedules.planOne(s.id, now, (current) => postNowPlan(current, deps));
      await audit(context, deps, 'post-now', `asked for a post of "${describeWhat(deps, s.spec)}" now`);
      deps.scheduler?.poke();
      await context.sendActivity(textActivity('Posting it now. The schedule carries on as before.'));
      return;
    }
    case 'history': {
      await context.sendActivity(textActivity(await historyText(context, deps, subs)));
      return;
    }
    default:
      break;
  }
  await context.sendActivity(textActivity(SCHEDULE_REPLIES.unknown));
}

/** What "schedule post now" does: the next item of the rotation, now, without moving the next slot. */
function postNowPlan(current: Subscription, deps: BotDeps) {
  const now = deps.clock();
  const plan = planSubscription({ ...current, status: 'active', skipNext: 0, nextSlotAt: now }, deps.kb, now, Number.MAX_SAFE_INTEGER);
  const post = plan.posts.find((p) => p.status === 'pending');
  return {
    posts: post ? [{ ...post, slotKey: `${slotKey(current.id, now)}/now` }] : [],
    rotation: post ? plan.rotation : current.rotation,
    nextSlotAt: current.nextSlotAt,
    skipNext: current.skipNext,
    status: current.status,
    pausedUntil: current.pausedUntil,
  };
}

/** The post the next slot will make, planned on a copy: nothing is stored. */
export function previewPost(s: Subscription, deps: BotDeps): PostRecord | undefined {
  if (!s.nextSlotAt) return undefined;
  const plan = planSubscription({ ...s, status: 'active', skipNext: 0 }, deps.kb, s.nextSlotAt, Number.MAX_SAFE_INTEGER);
  const post = plan.posts.find((p) => p.status === 'pending');
  return post && { id: 'preview', slotKey: post.slotKey, conversationId: post.conversationId, slotAt: post.slotAt, ...(post.entryId !== undefined && { entryId: post.entryId }), ...(post.content !== undefined && { content: post.content }), status: 'pending', attempts: 0, updatedAt: deps.clock() };
}

/** To the asker only: in a personal chat it is a reply; elsewhere it goes to their one-to-one chat with the bot. */
async function sendPrivately(context: TurnContext, deps: BotDeps, activities: ReturnType<typeof textActivity>[]): Promise<void> {
  if (teamsActivity(context).kind === 'personal' || !(context.adapter instanceof CloudAdapter)) {
    for (const a of activities) await context.sendActivity(a);
    return;
  }
  try {
    await startConversation(context, deps.config.appId, { withSender: true }, activities);
    await context.sendActivity(textActivity("I've sent you the preview in our one-to-one chat, so only you can see it."));
  } catch (error) {
    deps.logger.warn(turnInfo(context, { event: 'preview-private-failed', error: { message: (error as Error).message } }), 'could not open a one-to-one chat for a preview');
    await context.sendActivity(textActivity("I couldn't open a one-to-one chat with you for the preview. Add Practice Companion for yourself (Apps, then Practice Companion, then Add), then try again."));
  }
}

/** Said in the history for a person whose name Teams did not give us. */
export const SOMEONE = 'someone';
/** How long the history waits for Teams to name the people in it. */
const NAME_LOOKUP_MS = 3000;

/**
 * The display names of the people who changed schedules, asked of Teams each time the history is shown:
 * the store keeps only their Microsoft Entra object ids, never names. Anyone Teams cannot name (left the
 * team, a lookup error, too slow) is "someone"; the error's text is not logged.
 */
async function displayNames(context: TurnContext, deps: BotDeps, actors: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(actors)].map(async (actor) => {
      if (actor === 'unknown' || actor === '') return;
      let timer: NodeJS.Timeout | undefined;
      const lookup = TeamsInfo.getMember(context, actor).then((m) => m.name);
      // The lookup may fail after the wait is over: that failure is expected, not unhandled.
      lookup.catch(() => undefined);
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), NAME_LOOKUP_MS);
      });
      try {
        const name = await Promise.race([lookup, late]);
        if (typeof name === 'string' && name.trim() !== '') names.set(actor, name.trim());
      } catch (error) {
        deps.logger.info(turnInfo(context, { event: 'member-lookup-failed', status: (error as { statusCode?: number }).statusCode }), 'Teams did not name a person in the schedule history');
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return names;
}

async function historyText(context: TurnContext, deps: BotDeps, subs: Subscription[]): Promise<string> {
  const tz = subs[0]?.spec.timeZone ?? deps.config.schedule.defaultTimeZone;
  const names = new Map(subs.map((s, i) => [s.id, `${i + 1}. ${describeWhat(deps, s.spec)}`]));
  const posts = await deps.store.postLog({ conversationId: teamsActivity(context).conversationKey }, 15);
  const changes = await deps.store.auditLog([teamsActivity(context).conversationKey, teamsActivity(context).settingsScope], 15);
  const STATUS: Record<PostRecord['status'], string> = {
    pending: 'waiting to post',
    sending: 'posting',
    sent: 'posted',
    skipped: 'skipped',
    missed: 'missed',
    uncertain: 'may not have posted (the service stopped while posting)',
    failed: 'failed',
    gone: 'not posted: the bot was removed',
  };
  const postLines = posts.map((p) => {
    const entry = p.entryId ? deps.kb.entry(p.entryId) : undefined;
    const why = p.status === 'skipped' || p.status === 'missed' || p.status === 'failed' ? (p.error ? ` (${p.error})` : '') : '';
    return `- ${formatWhen(p.slotAt, tz)}: ${STATUS[p.status]}${entry ? `, ${entry.title}` : ''}${why}${p.subscriptionId ? ` · ${names.get(p.subscriptionId) ?? 'a removed schedule'}` : ''}`;
  });
  const people = await displayNames(context, deps, changes.map((c) => c.actor));
  const changeLines = changes.map((c) => `- ${formatWhen(c.at, tz)}: ${c.detail} (by ${people.get(c.actor) ?? SOMEONE})`);
  return [
    '**Posts**',
    ...(postLines.length ? postLines : ['- None yet.']),
    '',
    '**Changes**',
    ...(changeLines.length ? changeLines : ['- None yet.']),
  ].join('\n');
}

/** `unsubscribe [number]`: stop one of this channel's scheduled posts, or all of them. */
export async function unsubscribeCommand(context: TurnContext, argument: string, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await context.sendActivity(textActivity(SCHEDULE_REPLIES.notHere));
    return;
  }
  const subs = await subscriptionsHere(context, deps);
  const number = argument.trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  const targets = number !== '' ? [await pickOne(context, subs, number)].filter((s): s is Subscription => s !== undefined) : subs.filter((s) => s.status !== 'cancelled');
  if (targets.length === 0) {
    if (number === '') await context.sendActivity(textActivity(SCHEDULE_REPLIES.none));
    return;
  }
  if (!(await mayChange(context, deps, 'stop the scheduled posts here'))) return;
  for (const s of targets) {
    await deps.schedules.updateSubscription(s.id, { status: 'cancelled', nextSlotAt: undefined });
    await audit(context, deps, 'unsubscribe', `stopped "${describeWhat(deps, s.spec)}"`);
  }
  await context.sendActivity(textActivity(targets.length === 1 ? `Stopped "${describeWhat(deps, targets[0]!.spec)}". Type "schedule" to add a new one.` : `Stopped all ${targets.length} scheduled posts here.`));
}

type SaveData = z.infer<typeof scheduleSaveSchema>;

/** Checks the form's values and says plainly what to fix. */
export function readScheduleForm(data: SaveData, deps: BotDeps, now: Date): { spec: SubscriptionSpec } | { problems: string[] } {
  const problems: string[] = [];
  const framework = deps.kb.framework(data.frameworkId ?? '');
  if (!framework) problems.push('Choose a framework.');
  const content = (data.content ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const kinds = content.filter((c): c is ContentKind => (KINDS as readonly string[]).includes(c));
  if (kinds.length === 0 || kinds.length !== content.length) problems.push('Choose what to post: principles, values, approaches or ingredients.');
  if (framework) {
    const missing = kinds.filter((k) => !deps.kb.entries.some((e) => e.frameworkId === framework.id && e.kind === k));
    if (missing.length > 0) problems.push(`The ${framework.shortName} framework has no ${missing.map((k) => KIND_PLURAL[k]).join(' or ')}. Choose something it has.`);
  }
  const cadence = data.cadence as Cadence;
  if (!['weekly', 'fortnightly', 'weekdays'].includes(cadence)) problems.push('Choose how often: weekly, every other week or every weekday.');
  const weekdays = [...new Set((data.weekdays ?? '').split(',').map((d) => Number(d.trim())).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))].sort();
  if (cadence !== 'weekdays' && weekdays.length === 0) problems.push('Choose at least one day.');
  const time = (data.time ?? '').trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problems.push('Give the time as hours and minutes, for example 09:00.');
  const timeZone = (data.timeZone ?? '').trim();
  if (!isTimeZone(timeZone)) problems.push(`"${timeZone.slice(0, 60)}" is not a time zone I know. Use a name such as Europe/London.`);
  const endDate = (data.endDate ?? '').trim();
  if (endDate !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || !DateTime.fromISO(endDate).isValid)) problems.push('Give the end date as year-month-day, or leave it empty.');
  else if (endDate !== '' && isTimeZone(timeZone) && endDate < DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!) problems.push('The end date has passed. Choose a later one, or leave it empty.');
  const kind = data.kind === 'meeting-opener' ? 'meeting-opener' : data.kind === 'post' || data.kind === undefined ? 'post' : undefined;
  if (!kind) problems.push('Choose the kind of post.');
  const lead = Number(data.leadMinutes ?? 0);
  if (kind === 'meeting-opener' && (!Number.isInteger(lead) || lead < 0 || lead > 120)) problems.push('Give the minutes before the meeting as a whole number from 0 to 120.');
  if (problems.length > 0 || !framework || !kind) return { problems };
  return {
    spec: {
      kind,
      frameworkId: framework.id,
      content: kinds,
      weekdays: cadence === 'weekdays' ? [1, 2, 3, 4, 5] : weekdays,
      time,
      timeZone,
      cadence,
      anchorWeek: mondayOf(now, timeZone),
      ...(endDate !== '' && { endDate }),
      ...(kind === 'meeting-opener' && { leadMinutes: lead }),
    },
  };
}

/** "Save schedule" on the form: add a subscription to this channel. */
export async function saveSchedule(context: TurnContext, data: SaveData, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await context.sendActivity(textActivity(SCHEDULE_REPLIES.notHere));
    return;
  }
  if (!(await mayChange(context, deps, 'add a scheduled post here'))) return;
  const now = deps.clock();
  const read = readScheduleForm(data, deps, now);
  const place = await currentFramework(context, deps);
  if (!('problems' in read) && read.spec.frameworkId !== place.id) {
    await context.sendActivity(textActivity(`I didn't save that. This team uses the ${place.name}, so its posts come from it. To post from another, first type "framework" to change the team's framework.`));
    return;
  }
  if ('problems' in read) {
    await context.sendActivity(textActivity(`I didn't save that yet. Please fix:\n\n${read.problems.map((p) => `- ${p}`).join('\n')}`));
    return;
  }
  const { spec } = read;
  const first = nextSlot(spec, now);
  const teamId = teamsActivity(context).teamId;
  const subscription: Subscription = {
    id: randomUUID(),
    conversationId: teamsActivity(context).conversationKey,
    ...(teamId !== undefined && { teamId }),
    spec,
    status: first ? 'active' : 'ended',
    skipNext: 0,
    rotation: EMPTY_ROTATION,
    ...(first && { nextSlotAt: first }),
    createdAt: now,
    createdBy: actorOf(context),
  };
  await deps.schedules.createSubscription(subscription, { scopeId: teamsActivity(context).conversationKey, at: deps.clock(), actor: actorOf(context), action: 'subscribe', detail: `added "${describeWhat(deps, spec)}", ${describeWhen(spec)}` });
  deps.scheduler?.poke();
  deps.logger.info(turnInfo(context, { event: 'subscribed', subscriptionId: subscription.id }), 'a scheduled post was added');
  await context.sendActivity(textActivity(first ? `Saved: ${describeWhat(deps, spec)}, ${describeWhen(spec)}. The first post is on ${formatWhen(first, spec.timeZone)}.` : 'Saved, but with that end date there is nothing left to post.'));
}
