import type { MeetingStartEventDetails, TurnContext } from 'botbuilder';
import type { Entry } from '../knowledge/kb/model';
import type { PostContent } from '../schedule/planner';
import { choosePrompts, nextInRotation, rotationOrder } from '../schedule/rotation';
import { startOfWeek } from '../schedule/slots';
import type { ContentKind, RotationState } from '../schedule/model';
import type { BotDeps } from './deps';
import { currentFramework } from './framework-choice';
import { textActivity } from './reply';
import { actorOf, mayChange } from './schedule-commands';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

const ALL_KINDS: readonly ContentKind[] = ['principle', 'value', 'approach', 'ingredient'];

/**
 * Meeting openers are off unless someone chose them here: by adding the app to the meeting, or by
 * "meeting openers on" in the meeting chat or the team. Installing the app in a team does not turn them on.
 * (Only choices are stored, never the default, so changing the default needed no migration.)
 */
export async function openersOn(context: TurnContext, deps: BotDeps): Promise<boolean> {
  return (await deps.store.meetingOpeners(teamsActivity(context).settingsScope)) ?? false;
}

/** The app was added to a meeting: that is choosing openers for it, unless someone here already chose. */
export async function openersChosenByAdding(context: TurnContext, deps: BotDeps): Promise<boolean> {
  const scope = teamsActivity(context).settingsScope;
  if ((await deps.store.meetingOpeners(scope)) !== undefined) return false;
  await deps.store.setMeetingOpeners(scope, true, deps.clock());
  await deps.store.audit({ scopeId: scope, at: deps.clock(), actor: actorOf(context), action: 'meeting-openers', detail: 'meeting openers turned on by adding the app to the meeting' });
  return true;
}

/** This week's item for a team: what its scheduled post featured this week, if any. */
export async function featuredThisWeek(context: TurnContext, deps: BotDeps): Promise<Entry | undefined> {
  const teamId = teamsActivity(context).teamId;
  const since = startOfWeek(deps.clock(), deps.config.schedule.defaultTimeZone);
  const id = await deps.store.featuredEntry({ conversationId: teamsActivity(context).conversationKey, ...(teamId !== undefined && { teamId }) }, since);
  const entry = id === undefined ? undefined : deps.kb.entry(id);
  // Only when it is from the place's framework (a team may have changed framework since that post).
  return entry && entry.frameworkId === (await currentFramework(context, deps)).id ? entry : undefined;
}

/**
 * A Teams meeting started: post one reflection card in its chat. Once per meeting (its id and start
 * time make the slot key), however often the event arrives, through the same post log and sender as
 * scheduled posts.
 */
export async function onMeetingStart(context: TurnContext, meeting: MeetingStartEventDetails, deps: BotDeps): Promise<void> {
  const meetingId = teamsActivity(context).meetingId ?? meeting?.id;
  const started = meeting?.startTime ? new Date(meeting.startTime) : undefined;
  if (typeof meetingId !== 'string' || meetingId === '' || !started || Number.isNaN(started.getTime())) {
    deps.logger.warn(turnInfo(context, { event: 'meeting-start-unreadable' }), 'a meeting start event had no meeting id or start time');
    return;
  }
  if (!(await openersOn(context, deps))) {
    deps.logger.info(turnInfo(context, { event: 'meeting-opener-off' }), 'meeting openers are off here');
    return;
  }
  const framework = await currentFramework(context, deps);
  const featured = await featuredThisWeek(context, deps);
  const conversationId = teamsActivity(context).conversationKey;
  const teamId = teamsActivity(context).teamId;
  const now = deps.clock();
  const slotKey = `meeting:${meetingId}@${started.toISOString()}`;
  // The meeting chat is the same for every meeting of a series, so the series' rotation is kept by it.
  const added = await deps.schedules.addPostWithRotation(`meeting-series:${conversationId}`, slotKey, now, (state: RotationState) => {
    let entry: Entry | undefined = featured;
    let next = state;
    let prompt = 0;
    let position = 1;
    let of = 1;
    if (entry) {
      const { chosen, used } = choosePrompts(entry.groupPrompts.length || entry.prompts.length, state.promptsUsed[entry.id] ?? [], 1);
      prompt = chosen[0] ?? 0;
      next = { ...state, promptsUsed: { ...state.promptsUsed, [entry.id]: used } };
    } else {
      const pick = nextInRotation(rotationOrder(deps.kb, { frameworkId: framework.id, content: ALL_KINDS }), state, 1, 'group');
      if (!pick) return undefined;
      entry = pick.entry;
      next = pick.state;
      prompt = pick.prompts[0] ?? 0;
      position = pick.position;
      of = pick.of;
    }
    const content: PostContent = { entryId: entry.id, prompts: [prompt], audience: 'group', position, of, cycle: next.cycle, kind: 'meeting-opener', kinds: 1 };
    return { post: { slotKey, conversationId, ...(teamId !== undefined && { teamId }), slotAt: now, entryId: entry.id, content: { ...content }, status: 'pending' }, state: next };
  });
  deps.logger.info(turnInfo(context, { event: added ? 'meeting-opener-planned' : 'meeting-opener-duplicate', meetingSlot: slotKey }), added ? 'a meeting opener will post' : 'this meeting already has its opener');
  if (added) deps.scheduler?.poke();
}

/** `meeting openers on|off`. */
export async function meetingCommand(context: TurnContext, argument: string, deps: BotDeps): Promise<void> {
  const match = /^openers?\s+(on|off)$/i.exec(argument.trim());
  if (!match) {
    const on = await openersOn(context, deps);
    await context.sendActivity(textActivity(`Meeting openers are ${on ? 'on' : 'off'} here. Type "meeting openers on" or "meeting openers off" to change that.`));
    return;
  }
  const on = match[1]!.toLowerCase() === 'on';
  if (!(await mayChange(context, deps, `turn meeting openers ${on ? 'on' : 'off'}`))) return;
  const scope = teamsActivity(context).settingsScope;
  const before = await openersOn(context, deps);
  await deps.store.setMeetingOpeners(scope, on, deps.clock());
  await deps.store.audit({ scopeId: scope, at: deps.clock(), actor: actorOf(context), action: 'meeting-openers', detail: `meeting openers turned ${on ? 'on' : 'off'}${before === on ? ' (they already were)' : ''}` });
  await context.sendActivity(
    textActivity(on ? 'Meeting openers are on. When a meeting I am in starts, I will post a short reflection to open it.' : 'Meeting openers are off. I will not post when meetings start here. Type "reflect" any time for a reflection.'),
  );
}
