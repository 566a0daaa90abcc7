import { BotCallbackHandlerKey, Channels, CloudAdapter } from 'botbuilder';
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import { teamsActivity } from './teams-activity';

type Logic = (context: TurnContext) => Promise<void>;

const ownTurns = new WeakSet<Logic>();

/**
 * Marks the logic of a turn the bot starts itself (a scheduled post, a new channel thread, a private
 * preview). botbuilder runs the adapter's middleware for those turns too; the middleware that is
 * meant for what arrives (tenant allow-list, conversation tracking, turn timing) leaves them alone.
 */
export function ownTurn(logic: Logic): Logic {
  ownTurns.add(logic);
  return logic;
}

/** True in a turn whose logic was marked by `ownTurn`: nothing arrived, the bot is sending. */
export function isOwnTurn(context: TurnContext): boolean {
  const logic: unknown = context.turnState.get(BotCallbackHandlerKey);
  return typeof logic === 'function' && ownTurns.has(logic as Logic);
}

/** Where a conversation the bot starts goes: a new thread in a team's channel, or the one-to-one chat with the person in this turn. */
export type NewConversation = { readonly channelId: string } | { readonly withSender: true };

/**
 * Starts a conversation from this turn (POST /v3/conversations) and sends `activities` into it; in a
 * channel the first one opens the thread. The one place that builds ConversationParameters: the
 * tenant is this turn's. Works with and without an app id, unlike TeamsInfo.sendMessageToTeamsChannel.
 * Test adapters cannot start conversations: there the activities are sent in place. Throws what the
 * Bot Connector answered.
 */
export async function startConversation(
  context: TurnContext,
  appId: string,
  where: NewConversation,
  activities: readonly Partial<Activity>[],
): Promise<void> {
  const adapter = context.adapter;
  if (!(adapter instanceof CloudAdapter)) {
    for (const a of activities) await context.sendActivity(a);
    return;
  }
  const { tenantId } = teamsActivity(context);
  const tenant = tenantId !== undefined ? { tenant: { id: tenantId } } : {};
  const inChannel = 'channelId' in where;
  const [first, ...rest] = activities;
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
  const inside = inChannel ? rest : activities;
  await adapter.createConversationAsync(
    appId,
    Channels.Msteams,
    context.activity.serviceUrl,
    '',
    parameters,
    ownTurn(async (created) => {
      for (const a of inside) await created.sendActivity(a);
    }),
  );
}
