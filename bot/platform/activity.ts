import {
  CardFactory,
  TurnContext,
  teamsGetChannelId,
  teamsGetSelectedChannelId,
  teamsGetTeamId,
  teamsGetTeamMeetingInfo,
  teamsGetTenant,
} from 'botbuilder';
import type { Activity as BotActivity } from 'botbuilder';
import type { Activity, Attachment, ConversationReference } from './types';

// Readers of our Activity that botbuilder already has. Our Activity is a structural subset of
// botbuilder's, so an arriving activity is handed over as it is; these readers only read.
const asBot = (activity: Partial<Activity>): BotActivity => activity as BotActivity;

/** The Teams ids in an activity's channel data; undefined where absent. Channel data must be an object. */
export function teamsIds(activity: Partial<Activity>): {
  readonly tenantId: unknown;
  readonly teamId: unknown;
  readonly channelId: unknown;
  readonly meetingId: unknown;
} {
  const a = asBot(activity);
  return {
    tenantId: teamsGetTenant(a)?.id,
    teamId: teamsGetTeamId(a),
    channelId: teamsGetChannelId(a),
    meetingId: teamsGetTeamMeetingInfo(a)?.id,
  };
}

/** The channel chosen while installing into a team ('' when none). */
export function selectedChannelId(activity: Partial<Activity>): string {
  return teamsGetSelectedChannelId(asBot(activity));
}

/** Whether the activity @mentions the account with this id. */
export function mentions(activity: Partial<Activity>, id: string | undefined): boolean {
  return TurnContext.getMentions(asBot(activity)).some((m) => m.mentioned?.id === id);
}

/** The text with the mention of the bot (the recipient) taken out, as botbuilder does it. */
export function withoutRecipientMention(activity: Partial<Activity>): string | undefined {
  return TurnContext.removeRecipientMention(asBot(activity));
}

/** The reference botbuilder would keep for this activity (who the bot is, where, which service). */
export function conversationReferenceOf(activity: Partial<Activity>): ConversationReference {
  return TurnContext.getConversationReference(asBot(activity));
}

/** An Adaptive Card as a message attachment. */
export function adaptiveCardAttachment(card: object): Attachment {
  return CardFactory.adaptiveCard(card);
}

export const THUMBNAIL_CARD_TYPE: string = CardFactory.contentTypes.thumbnailCard;
