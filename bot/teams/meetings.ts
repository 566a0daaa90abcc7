import type { MeetingStart } from '../platform/types';
import type { Turn } from '../platform/types';
import type { Entry } from '../../knowledge/kb/model';
import * as openers from '../../schedule/openers';
import { startOfWeek } from '../../schedule/slots';
import type { BotDeps } from '../deps';
import { currentFramework } from './framework-choice';
import { textActivity } from './reply';
import { actorOf, refuse } from './schedule/replies';
import { turnInfo } from './turn-info';
import { teamsActivity } from './teams-activity';

/** Whether meeting openers are on in this team or chat (off unless someone chose them: see schedule/openers.ts). */
export async function openersOn(context: Turn, deps: BotDeps): Promise<boolean> {
  return openers.openersOn(deps.schedules, teamsActivity(context).settingsScope);
}

/** The app was added to a meeting: that is choosing openers for it, unless someone here already chose. */
export async function openersChosenByAdding(context: Turn, deps: BotDeps): Promise<boolean> {
  return openers.openersChosenByAdding(
    { store: deps.schedules, clock: deps.clock },
    { actor: actorOf(context), scopeId: teamsActivity(context).settingsScope },
  );
}

/** This week's item for a team: what its scheduled post featured this week, if any. */
export async function featuredThisWeek(context: Turn, deps: BotDeps): Promise<Entry | undefined> {
  const teamId = teamsActivity(context).teamId;
  const since = startOfWeek(deps.clock.now(), deps.config.schedule.defaultTimeZone);
  const id = await deps.store.featuredEntry(
    { conversationId: teamsActivity(context).conversationKey, ...(teamId !== undefined && { teamId }) },
    since,
  );
  const entry = id === undefined ? undefined : deps.kb.entry(id);
  // Only when it is from the place's framework (a team may have changed framework since that post).
  return entry && entry.frameworkId === (await currentFramework(context, deps)).id ? entry : undefined;
}

/**
 * A Teams meeting started: post one reflection card in its chat. Once per meeting, however often the
 * event arrives, through the same post log and sender as scheduled posts (schedule/openers.ts plans it).
 */
export async function onMeetingStart(context: Turn, meeting: MeetingStart, deps: BotDeps): Promise<void> {
  const channelMeetingId = (context.activity.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
  const meetingId = typeof channelMeetingId === 'string' && channelMeetingId !== '' ? channelMeetingId : meeting?.id;
  const started = meeting?.startTime ? new Date(meeting.startTime) : undefined;
  if (typeof meetingId !== 'string' || meetingId === '' || !started || Number.isNaN(started.getTime())) {
    deps.logger.warn(
      turnInfo(context, { event: 'meeting-start-unreadable' }),
      'a meeting start event had no meeting id or start time',
    );
    return;
  }
  if (!(await openersOn(context, deps))) {
    deps.logger.info(turnInfo(context, { event: 'meeting-opener-off' }), 'meeting openers are off here');
    return;
  }
  const framework = await currentFramework(context, deps);
  const featured = await featuredThisWeek(context, deps);
  const teamId = teamsActivity(context).teamId;
  const { slotKey, added } = await openers.planMeetingOpener(
    { store: deps.schedules, kb: deps.kb, clock: deps.clock },
    {
      meetingId,
      started,
      conversationId: teamsActivity(context).conversationKey,
      ...(teamId !== undefined && { teamId }),
      frameworkId: framework.id,
      ...(featured !== undefined && { featured }),
    },
  );
  deps.logger.info(
    turnInfo(context, { event: added ? 'meeting-opener-planned' : 'meeting-opener-duplicate', meetingSlot: slotKey }),
    added ? 'a meeting opener will post' : 'this meeting already has its opener',
  );
  if (added) deps.scheduler?.poke();
}

/** `meeting openers on|off`. */
export async function meetingCommand(context: Turn, argument: string, deps: BotDeps): Promise<void> {
  const match = /^openers?\s+(on|off)$/i.exec(argument.trim());
  if (!match) {
    const on = await openersOn(context, deps);
    await context.sendActivity(
      textActivity(
        `Meeting openers are ${on ? 'on' : 'off'} here. Type "meeting openers on" or "meeting openers off" to change that.`,
      ),
    );
    return;
  }
  const on = match[1]?.toLowerCase() === 'on';
  const result = await openers.setOpeners(
    { store: deps.schedules, kb: deps.kb, clock: deps.clock, adminIds: deps.config.adminIds },
    { actor: actorOf(context), scopeId: teamsActivity(context).settingsScope, on },
  );
  if (result.kind === 'refused') {
    await refuse(context, deps, `turn meeting openers ${on ? 'on' : 'off'}`);
    return;
  }
  await context.sendActivity(
    textActivity(
      on
        ? 'Meeting openers are on. When a meeting I am in starts, I will post a short reflection to open it.'
        : 'Meeting openers are off. I will not post when meetings start here, and scheduled meeting openers will not post either. Type "reflect" any time for a reflection.',
    ),
  );
}
