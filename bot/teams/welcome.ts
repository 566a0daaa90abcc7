import { selectedChannelId } from '../platform/activity';
import type { Turn } from '../platform/types';
import { frameworkQuestionCard, welcomeCard } from '../../cards';
import type { BotDeps } from '../deps';
import { currentFramework, frameworkUnchosen } from './framework-choice';
import { openersChosenByAdding, openersOn } from './meetings';
import { cardActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/**
 * The bot was added. In a personal chat the welcome goes to the person; in a team, to the channel
 * chosen during install (else the one the event came from); in a group chat, to the chat.
 */
export async function welcome(context: Turn, deps: BotDeps): Promise<void> {
  const here = teamsActivity(context);
  const framework = await currentFramework(context, deps);
  const inMeeting = here.inMeetingChat;
  if (inMeeting) await openersChosenByAdding(context, deps);
  // A team is offered meeting openers with a button; they stay off until someone chooses them.
  const offerMeetingOpeners = here.kind === 'channel' && !(await openersOn(context, deps));
  // Several frameworks and none set: ask which one this team or chat uses, rather than guess.
  const ask = await frameworkUnchosen(context, deps);
  const message = ask
    ? cardActivity(
        frameworkQuestionCard({
          kb: deps.kb,
          place: here.kind === 'channel' ? 'team' : 'chat',
          retentionDays: deps.config.console.suggestionRetentionDays,
        }),
      )
    : cardActivity(
        welcomeCard({
          kb: deps.kb,
          frameworkId: framework.id,
          examples: framework.examples.slice(0, 3),
          offerMeetingOpeners,
          place: here.kind === 'channel' ? 'team' : here.kind === 'personal' ? 'personal' : 'group',
          retentionDays: deps.config.console.suggestionRetentionDays,
          ...(inMeeting && { meetingOpenersOn: await openersOn(context, deps) }),
        }),
      );
  const selected = here.kind === 'channel' ? selectedChannelId(context.activity) : '';
  const current = here.conversationId ?? '';
  const start = context.startConversation;
  // Where conversations cannot be started (test adapters), the welcome is sent in place.
  if (selected && !current.startsWith(selected) && start) {
    await start({ channelId: selected }, [message]);
  } else {
    await context.sendActivity(message);
  }
  deps.logger.info(
    turnInfo(context, {
      event: 'installed',
      askedFramework: ask,
      toSelectedChannel: Boolean(selected && !current.startsWith(selected)),
    }),
    'sent the welcome card',
  );
}
