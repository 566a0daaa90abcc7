import { TeamsActivityHandler, TeamsInfo } from 'botbuilder';
import type {
  Activity as BotActivity,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TurnContext,
} from 'botbuilder';
import { conversationStarter } from './proactive';
import type { CardActionResponse, CardActionValue, ExtensionResponse, MeetingStart, Turn } from './types';

/** What the bot does with each kind of activity, each handler typed with the project's own types. */
export interface Handlers {
  readonly message: (turn: Turn) => Promise<void>;
  /** conversationUpdate with members added (the bot among them, or not). */
  readonly membersAdded: (turn: Turn) => Promise<void>;
  readonly membersRemoved: (turn: Turn) => Promise<void>;
  /** installationUpdate "remove": the app was uninstalled. */
  readonly uninstalled: (turn: Turn) => Promise<void>;
  readonly meetingStart: (turn: Turn, meeting: MeetingStart) => Promise<void>;
  /** `adaptiveCard/action` (Action.Execute). */
  readonly cardAction: (turn: Turn, value: CardActionValue) => Promise<CardActionResponse>;
  /** `composeExtension/query` and `/selectItem`. */
  readonly extensionQuery: (turn: Turn, query: unknown) => Promise<ExtensionResponse>;
  readonly extensionSelectItem: (turn: Turn, item: unknown) => Promise<ExtensionResponse>;
}

export interface HandlerOptions {
  /** The app id conversations are started with ('' without one). */
  readonly appId: string;
  /** The tenant a conversation started from this turn belongs to. */
  readonly tenantOf: (turn: Pick<Turn, 'activity'>) => string | undefined;
}

/**
 * Routes each kind of activity to its handler; unknown activity types are accepted and ignored. A
 * botbuilder ActivityHandler, so `run(context)` takes any adapter's turn (tests use TestAdapter).
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly routes: Handlers;
  private readonly turnOptions: HandlerOptions;

  constructor(handlers: Handlers, options: HandlerOptions) {
    super();
    this.routes = handlers;
    this.turnOptions = options;
    this.onMessage(async (context, next) => {
      await handlers.message(this.turn(context));
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await handlers.membersRemoved(this.turn(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handlers.uninstalled(this.turn(context));
      await next();
    });
    this.onTeamsMeetingStartEvent(async (meeting, context, next) => {
      await handlers.meetingStart(this.turn(context), meeting);
      await next();
    });
    // Meeting end events are expected and need nothing.
    this.onTeamsMeetingEndEvent(async (_meeting, _context, next) => next());
    this.onMembersAdded(async (context, next) => {
      await handlers.membersAdded(this.turn(context));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return (await this.routes.cardAction(this.turn(context), value)) as AdaptiveCardInvokeResponse;
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return (await this.routes.extensionQuery(this.turn(context), query)) as MessagingExtensionResponse;
  }

  protected override async handleTeamsMessagingExtensionSelectItem(
    context: TurnContext,
    item: unknown,
  ): Promise<MessagingExtensionResponse> {
    return (await this.routes.extensionSelectItem(this.turn(context), item)) as MessagingExtensionResponse;
  }

  /** botbuilder's turn as the project's Turn. Our Activity is a structural subset of botbuilder's. */
  private turn(context: TurnContext): Turn {
    const options = this.turnOptions;
    const turn: Turn = {
      activity: context.activity,
      sendActivity: (activity) => context.sendActivity(activity as Partial<BotActivity> | string),
      get startConversation() {
        return conversationStarter(context, options.appId, options.tenantOf(turn));
      },
      memberName: async (userId) => (await TeamsInfo.getMember(context, userId)).name,
    };
    return turn;
  }
}
