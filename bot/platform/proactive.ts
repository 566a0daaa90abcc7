import { AsyncLocalStorage } from 'node:async_hooks';
import { Channels, CloudAdapter } from 'botbuilder';
import type {
  Activity as BotActivity,
  ConversationParameters,
  ConversationReference as BotReference,
  TurnContext,
} from 'botbuilder';
import type { Activity, ConversationReference, NewConversation, Sent } from './types';

/** The adapter proactive sends go through: an opaque handle outside the seam. */
export type ProactiveAdapter = CloudAdapter;

/**
 * Set while the bot runs a turn it starts itself (a scheduled post, a new channel thread, a private
 * preview). botbuilder runs the adapter's middleware for those turns too; the middleware meant for what
 * arrives (tenant allow-list, conversation tracking, turn timing) asks `isOwnTurn` and leaves them alone.
 * An AsyncLocalStorage follows the awaits of the turn it was started for and nothing else.
 */
const ownTurns = new AsyncLocalStorage<true>();

/** True inside a turn the bot started itself: nothing arrived, the bot is sending. */
export function isOwnTurn(): boolean {
  return ownTurns.getStore() === true;
}

/**
 * Sends one activity into a stored conversation and returns what the Bot Connector answered. Throws
 * the Bot Connector's error (statusCode, response headers) for the caller to classify.
 */
export async function sendProactive(
  adapter: ProactiveAdapter,
  appId: string,
  reference: ConversationReference,
  activity: Partial<Activity>,
): Promise<Sent | undefined> {
  let sent: Sent | undefined;
  // The send's error is kept here, not thrown out of the turn: the adapter's onTurnError would catch
  // it, and the caller would then think the activity was sent.
  let refused: { error: unknown } | undefined;
  await ownTurns.run(true, () =>
    adapter.continueConversationAsync(appId, reference as Partial<BotReference>, async (context) => {
      try {
        withoutHiddenRetries(context.turnState.get(adapter.ConnectorClientKey));
        sent = await context.sendActivity(activity as Partial<BotActivity>);
      } catch (error) {
        refused = { error };
      }
    }),
  );
  if (refused) throw refused.error;
  return sent;
}

/**
 * botbuilder's HTTP pipeline retries 429s and 5xx by itself, out of the scheduler's sight: one send
 * could hold a sender for minutes and retry without limit across attempts. The scheduler owns retries
 * (bounded, backed off, a 429 holding every sender), so the pipeline's retry phase is taken out of
 * this send's connector client (a fresh one per proactive send: bot/platform/adapter.ts).
 *
 * botbuilder offers no seam for this: ConnectorClientOptions reach its compat ServiceClient, which
 * passes on no retry options. So this reaches into the client's pipeline, here and nowhere else, and
 * throws if the pipeline moves. tests/bot/platform.test.ts fails if a refused send is retried.
 */
function withoutHiddenRetries(connector: unknown): void {
  const pipeline = (
    connector as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } } | undefined
  )?.client?.pipeline;
  if (!pipeline) throw new Error('botbuilder no longer exposes the connector pipeline: check withoutHiddenRetries');
  pipeline.removePolicy({ phase: 'Retry' });
}

/**
 * Starts a conversation from this turn (POST /v3/conversations) and sends `activities` into it; in a
 * channel the first one opens the thread. The one place that builds ConversationParameters: the
 * tenant is this turn's. Works with and without an app id, unlike TeamsInfo.sendMessageToTeamsChannel.
 * Undefined where the adapter cannot start conversations (test adapters). Throws what the Bot Connector answered.
 */
export function conversationStarter(
  context: TurnContext,
  appId: string,
  tenantId: string | undefined,
): ((where: NewConversation, activities: readonly Partial<Activity>[]) => Promise<void>) | undefined {
  const adapter = context.adapter;
  if (!(adapter instanceof CloudAdapter)) return undefined;
  return async (where, activities) => {
    const tenant = tenantId !== undefined ? { tenant: { id: tenantId } } : {};
    const inChannel = 'channelId' in where;
    const [first, ...rest] = activities as readonly Partial<BotActivity>[];
    const parameters = {
      ...(inChannel
        ? {
            isGroup: true,
            channelData: { channel: { id: where.channelId }, ...tenant },
            ...(first && { activity: first }),
          }
        : { isGroup: false, bot: context.activity.recipient, members: [context.activity.from], channelData: tenant }),
      ...(tenantId !== undefined && { tenantId }),
    } as ConversationParameters;
    const inside = inChannel ? rest : (activities as readonly Partial<BotActivity>[]);
    await ownTurns.run(true, () =>
      adapter.createConversationAsync(
        appId,
        Channels.Msteams,
        context.activity.serviceUrl,
        '',
        parameters,
        async (created) => {
          for (const a of inside) await created.sendActivity(a);
        },
      ),
    );
  };
}
