import { TeamsActivityHandler } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, MessagingExtensionQuery, MessagingExtensionResponse, TurnContext } from 'botbuilder';
import { handleCardAction } from './card-actions';
import type { BotDeps } from './deps';
import { extensionQuery, extensionSelectItem } from './message-extension';
import { handleMessage } from './messages';
import { tenantOf, turnInfo } from './turn-info';
import { welcome } from './welcome';

/** Routes each kind of activity to its handler. Unknown activity types are accepted and ignored. */
export class PracticeCompanionBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await handleMessage(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await welcome(context, deps);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const allowed = this.deps.config.allowedTenants;
    if (allowed !== null) {
      const tenant = tenantOf(context);
      if (tenant === undefined || !allowed.has(tenant)) {
        this.deps.logger.warn({ ...turnInfo(context), event: 'tenant-refused', tenantId: tenant ?? 'none' }, 'an activity came from a tenant that is not allowed');
        if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
        return;
      }
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
