import { Channels, CloudAdapter } from 'botbuilder';
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';

/**
 * Starts a new thread in a Teams channel (POST /v3/conversations). Used for the welcome card on
 * install, and for posts the bot makes on its own. Works with and without an app id, unlike
 * TeamsInfo.sendMessageToTeamsChannel, which needs one.
 */
export async function postToChannel(context: TurnContext, channelId: string, activity: Partial<Activity>, appId: string): Promise<void> {
  const adapter = context.adapter;
  if (!(adapter instanceof CloudAdapter)) {
    await context.sendActivity(activity); // test adapters: reply in place
    return;
  }
  const tenantId = (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const parameters = {
    isGroup: true,
    channelData: { channel: { id: channelId }, ...(tenantId && { tenant: { id: tenantId } }) },
    activity,
    ...(tenantId && { tenantId }),
  } as ConversationParameters;
  await adapter.createConversationAsync(appId, Channels.Msteams, context.activity.serviceUrl, '', parameters, async () => undefined);
}
