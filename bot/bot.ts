import { TeamsActivityHandler } from 'botbuilder';
import type {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TurnContext,
} from 'botbuilder';
import { handleCardAction } from './card-actions';
import { forgetConversation } from './conversations';
import type { BotDeps } from './deps';
import { extensionQuery, extensionSelectItem } from './message-extension';
import { onMeetingStart } from './meetings';
import { handleMessage } from './messages';
import { welcome } from './welcome';

/**
 * Routes each kind of activity to its handler. Unknown activity types are accepted and ignored.
 * The tenant allow-list and conversation tracking run before it, as middleware on the adapter (turn-middleware.ts).
 */
export class PracticeCompanionBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await handleMessage(context, deps);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId))
        await forgetConversation(context, deps, 'the bot was removed');
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetConversation(context, deps, 'the app was uninstalled');
      await next();
    });
    this.onTeamsMeetingStartEvent(async (meeting, context, next) => {
      await onMeetingStart(context, meeting, deps);
      await next();
    });
    // Meeting end events are expected and need nothing.
    this.onTeamsMeetingEndEvent(async (_meeting, _context, next) => next());
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await welcome(context, deps);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(context, value, this.deps);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return extensionQuery(context, query, this.deps);
  }

  protected override async handleTeamsMessagingExtensionSelectItem(
    context: TurnContext,
    item: unknown,
  ): Promise<MessagingExtensionResponse> {
    return extensionSelectItem(context, item, this.deps);
  }
}
