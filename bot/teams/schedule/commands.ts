import type { Turn } from '../../platform/types';
import { scheduleCard } from '../../../cards';
import type { ScheduleLine } from '../../../cards';
import { describeWhat, formatWhen } from '../../../schedule/describe';
import type { ScheduleFormInput } from '../../../schedule/form';
import * as operations from '../../../schedule/operations';
import type { ScheduleOperationsDeps } from '../../../schedule/operations';
import { describeWhen } from '../../../schedule/slots';
import type { Subscription } from '../../../schedule/model';
import type { BotDeps } from '../../deps';
import { currentFramework } from '../framework-choice';
import { renderPost } from '../proactive';
import { cardActivity, textActivity } from '../reply';
import { historyCard } from './history';
import { actorOf, notPickedText, refuse, SCHEDULE_REPLIES } from './replies';
import { turnInfo } from '../turn-info';
import { teamsActivity } from '../teams-activity';

/**
 * The schedule commands and the schedule form: each reads what the person typed or sent, calls the
 * operation in schedule/operations.ts (which checks permission and writes the change with its audit
 * row) and turns the result into the reply.
 */
export { SCHEDULE_REPLIES } from './replies';

const STATE: Record<Subscription['status'], string> = {
  active: 'On',
  paused: 'Paused',
  ended: 'Ended',
  inactive: 'Stopped',
  cancelled: 'Cancelled',
};

function operationsDeps(deps: BotDeps): ScheduleOperationsDeps {
  return {
    store: deps.schedules,
    kb: deps.kb,
    clock: deps.clock,
    adminIds: deps.config.adminIds,
    defaultTimeZone: deps.config.schedule.defaultTimeZone,
  };
}

function line(deps: BotDeps, s: Subscription, number: number): ScheduleLine {
  const state =
    s.status === 'paused' && s.pausedUntil
      ? `Paused until ${formatWhen(s.pausedUntil, s.spec.timeZone)}`
      : s.status === 'inactive'
        ? `Stopped: ${s.inactiveReason ?? 'Teams refused the post'}`
        : STATE[s.status];
  const skipping = s.skipNext > 0 ? ` (skipping the next ${s.skipNext === 1 ? 'post' : `${s.skipNext} posts`})` : '';
  // The next post that will go out: past the ones being skipped.
  const next =
    s.status === 'active' || s.status === 'paused' ? formatWhen(operations.nextPosting(s), s.spec.timeZone) : undefined;
  return {
    number,
    what: describeWhat(deps.kb, s.spec),
    when: describeWhen(s.spec),
    state: `${state}${skipping}`,
    ...(next !== undefined && { next }),
  };
}

const say = (context: Turn, text: string) => context.sendActivity(textActivity(text));

/** `schedule …`: show and change this channel's scheduled posts. */
export async function scheduleCommand(context: Turn, argument: string, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await say(context, SCHEDULE_REPLIES.notHere);
    return;
  }
  const words = argument.toLowerCase().split(/\s+/).filter(Boolean);
  const [sub = '', ...rest] = words;
  // Whatever follows the command's own words is the schedule's number: anything there that is not
  // one of the listed numbers is answered as such, never ignored.
  const extra =
    sub === 'pause' && rest[0] === 'until' ? rest.slice(2) : sub === 'post' && rest[0] === 'now' ? rest.slice(1) : rest;
  const number =
    ['pause', 'resume', 'skip', 'preview', 'post'].includes(sub) && extra.length > 0 ? extra.join(' ') : undefined;
  const ops = operationsDeps(deps);
  const request = {
    actor: actorOf(context),
    scopeId: teamsActivity(context).conversationKey,
    ...(number !== undefined && { number }),
  };

  switch (sub) {
    case '': {
      const subs = await deps.schedules.subscriptionsIn(teamsActivity(context).conversationKey);
      const framework = await currentFramework(context, deps);
      await context.sendActivity(
        cardActivity(
          scheduleCard({
            kb: deps.kb,
            lines: subs.map((s, i) => line(deps, s, i + 1)),
            frameworkId: framework.id,
            timeZone: deps.config.schedule.defaultTimeZone,
          }),
        ),
      );
      return;
    }
    case 'pause': {
      const until = rest[0] === 'until' ? (rest[1] ?? '') : undefined;
      const result = await operations.pause(ops, { ...request, ...(until !== undefined && { until }) });
      if (result.kind === 'badDate')
        await say(context, 'Please give the date as year-month-day, for example "schedule pause until 2026-12-01".');
      else if (result.kind === 'pastDate')
        await say(context, 'That date has passed. Please give a date in the future.');
      else if (result.kind === 'refused') await refuse(context, deps, 'pause the scheduled posts here');
      else if (result.kind === 'paused') {
        const { count, until: day } = result;
        await say(
          context,
          `Paused${day ? ` until ${day}` : ''}. ${count === 1 ? 'It' : `All ${count}`} will ${day ? 'start again by itself then' : 'stay paused until someone types "schedule resume"'}.`,
        );
      } else await say(context, notPickedText(result));
      return;
    }
    case 'resume': {
      const result = await operations.resume(ops, request);
      if (result.kind === 'nothingPaused') await say(context, 'Nothing here is paused.');
      else if (result.kind === 'refused') await refuse(context, deps, 'resume the scheduled posts here');
      else if (result.kind === 'resumed') {
        const next = result.first;
        await say(
          context,
          `Resumed. The next post is on ${formatWhen(result.nextPost, next.spec.timeZone) ?? 'its next day'}.`,
        );
        deps.scheduler?.poke();
      } else await say(context, notPickedText(result));
      return;
    }
    case 'skip': {
      const result = await operations.skip(ops, request);
      if (result.kind === 'refused') await refuse(context, deps, 'skip a scheduled post here');
      else if (result.kind === 'skipped')
        await say(
          context,
          `Done: the post on ${formatWhen(result.at, result.timeZone) ?? 'its next day'} will be skipped. The one after will post as usual.`,
        );
      else await say(context, notPickedText(result));
      return;
    }
    case 'preview': {
      const result = await operations.preview(ops, request);
      if (result.kind !== 'preview') {
        await say(context, notPickedText(result));
        return;
      }
      const s = result.subscription;
      const message = result.post && renderPost(deps.kb, result.post);
      if (!message) {
        await say(context, 'There is nothing to preview: this schedule has no more posts.');
        return;
      }
      const heading = `Preview: this will post on ${formatWhen(s.nextSlotAt, s.spec.timeZone) ?? 'its next day'}. Only you can see this.`;
      await sendPrivately(context, deps, [textActivity(heading), cardActivity(message)]);
      return;
    }
    case 'post': {
      if (rest[0] !== 'now') break;
      const result = await operations.postNow(ops, request);
      if (result.kind === 'refused') await refuse(context, deps, 'post now');
      else if (result.kind === 'posting') {
        deps.scheduler?.poke();
        await say(context, 'Posting it now. The schedule carries on as before.');
      } else await say(context, notPickedText(result));
      return;
    }
    case 'history': {
      const subs = await deps.schedules.subscriptionsIn(teamsActivity(context).conversationKey);
      await context.sendActivity(cardActivity(await historyCard(context, deps, subs)));
      return;
    }
    default:
      break;
  }
  await say(context, SCHEDULE_REPLIES.unknown);
}

/** To the asker only: in a personal chat it is a reply; elsewhere it goes to their one-to-one chat with the bot. */
async function sendPrivately(
  context: Turn,
  deps: BotDeps,
  activities: ReturnType<typeof textActivity>[],
): Promise<void> {
  const start = context.startConversation;
  if (teamsActivity(context).kind === 'personal' || !start) {
    for (const a of activities) await context.sendActivity(a);
    return;
  }
  try {
    await start({ withSender: true }, activities);
    await context.sendActivity(
      textActivity("I've sent you the preview in our one-to-one chat, so only you can see it."),
    );
  } catch (error) {
    deps.logger.warn(
      turnInfo(context, { event: 'preview-private-failed', error: { message: (error as Error).message } }),
      'could not open a one-to-one chat for a preview',
    );
    await context.sendActivity(
      textActivity(
        "I couldn't open a one-to-one chat with you for the preview. Add Practice Companion for yourself (Apps, then Practice Companion, then Add), then try again.",
      ),
    );
  }
}

/** `unsubscribe [number]`: stop one of this channel's scheduled posts, or all of them. */
export async function unsubscribeCommand(context: Turn, argument: string, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await say(context, SCHEDULE_REPLIES.notHere);
    return;
  }
  const number = argument.trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  const result = await operations.unsubscribe(operationsDeps(deps), {
    actor: actorOf(context),
    scopeId: teamsActivity(context).conversationKey,
    ...(number !== '' && { number }),
  });
  if (result.kind === 'refused') await refuse(context, deps, 'stop the scheduled posts here');
  else if (result.kind === 'stopped') {
    const { stopped } = result;
    const [only] = stopped;
    await say(
      context,
      stopped.length === 1 && only
        ? `Stopped "${describeWhat(deps.kb, only.spec)}". Type "schedule" to add a new one.`
        : `Stopped all ${stopped.length} scheduled posts here.`,
    );
  } else await say(context, notPickedText(result));
}

/** "Save schedule" on the form: add a subscription to this channel. */
export async function saveSchedule(context: Turn, data: ScheduleFormInput, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind === 'personal') {
    await say(context, SCHEDULE_REPLIES.notHere);
    return;
  }
  const teamId = teamsActivity(context).teamId;
  const result = await operations.subscribe(operationsDeps(deps), {
    actor: actorOf(context),
    scopeId: teamsActivity(context).conversationKey,
    ...(teamId !== undefined && { teamId }),
    form: data,
    frameworkHere: () => currentFramework(context, deps),
  });
  switch (result.kind) {
    case 'refused':
      await refuse(context, deps, 'add a scheduled post here');
      return;
    case 'otherFramework':
      await say(
        context,
        `I didn't save that. This team uses the ${result.frameworkName}, so its posts come from it. To post from another, first type "framework" to change the team's framework.`,
      );
      return;
    case 'problems':
      await say(context, `I didn't save that yet. Please fix:\n\n${result.problems.map((p) => `- ${p}`).join('\n')}`);
      return;
    case 'subscribed': {
      const { subscription, first } = result;
      const { spec } = subscription;
      deps.scheduler?.poke();
      deps.logger.info(
        turnInfo(context, { event: 'subscribed', subscriptionId: subscription.id }),
        'a scheduled post was added',
      );
      // "meeting openers off" holds scheduled openers too: say so, rather than let one look saved and never post.
      const openersOff =
        spec.kind === 'meeting-opener' &&
        (await deps.schedules.meetingOpeners(teamsActivity(context).settingsScope)) === false;
      await say(
        context,
        first
          ? `Saved: ${describeWhat(deps.kb, spec)}, ${describeWhen(spec)}. The first post is on ${formatWhen(first, spec.timeZone)}.${openersOff ? ' Meeting openers are off here, so it will not post until someone types "meeting openers on".' : ''}`
          : 'Saved, but with that end date there is nothing left to post.',
      );
    }
  }
}
