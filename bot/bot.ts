import { TeamsActivityHandler } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, MessagingExtensionQuery, MessagingExtensionResponse, TurnContext } from 'botbuilder';
import { handleCardAction } from './card-actions';
import { forgetConversation, rememberConversation } from './conversations';
import { rememberLeadChat } from './lead-digest';
import type { BotDeps } from './deps';
import { extensionQuery, extensionSelectItem } from './message-extension';
import { onMeetingStart } from './meetings';
import { handleMessage } from './messages';
import { tenantPolicy } from './tenants';
import { tenantOf, turnInfo } from './turn-info';
import { welcome } from './welcome';

/** Routes each kind of activity to its handler. Unknown activity types are accepted and ignored. */
export class PracticeCompanionBot extends TeamsActivityHandler {
  private readonly tenantAllowed: (tenantId: string | undefined) => boolean;

  constructor(private readonly deps: BotDeps) {
    super();
    this.tenantAllowed = tenantPolicy(deps.config);
    this.onMessage(async (context, next) => {
      await handleMessage(context, deps);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId)) await forgetConversation(context, deps, 'the bot was removed');
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

  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    try {
      await this.runTurn(context);
    } finally {
      this.deps.telemetry?.turn(String(context.activity.type), performance.now() - started);
    }
  }

  private async runTurn(context: TurnContext): Promise<void> {
    const tenant = tenantOf(context);
    if (!this.tenantAllowed(tenant)) {
      this.deps.logger.warn(turnInfo(context, { event: 'tenant-refused', tenantId: tenant ?? 'none' }), 'an activity came from a tenant that is not allowed');
      if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      return;
    }
    const type = context.activity.type;
    const removal = (type === 'installationUpdate' && /^remove/.test(String(context.activity.action))) || (type === 'conversationUpdate' && (context.activity.membersRemoved?.length ?? 0) > 0);
    // Not invokes: the search extension is used in chats the bot is not in.
    if (!removal && (type === 'message' || type === 'conversationUpdate' || type === 'installationUpdate' || type === 'event')) {
      await rememberConversation(context, this.deps);
      await rememberLeadChat(context, this.deps);
    }
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(context, value, this.deps);
  }

  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return extensionQuery(context, query, this.deps);
  }

  protected override async handleTeamsMessagingExtensionSelectItem(context: TurnContext, item: unknown): Promise<MessagingExtensionResponse> {
    return extensionSelectItem(context, item, this.deps);
  }
}
