import { teamsIds } from '../platform/activity';
import type { Activity, TurnBase } from '../platform/types';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * What the bot reads from a Teams activity: ids and kinds, never text (a group chat's title and
 * people's names are left out). Read once per activity, by `teamsActivity`; nothing else in bot/
 * looks into `channelData`.
 */
export interface TeamsActivity {
  /** The organisation's Entra tenant id, lower-cased: from channelData, else from the conversation. */
  readonly tenantId: string | undefined;
  /** The team, when the activity comes from one (a channel, or the team's install). */
  readonly teamId: string | undefined;
  /** The team channel the activity comes from (channelData.channel.id). */
  readonly channelId: string | undefined;
  /** The meeting, when Teams says the activity comes from one. */
  readonly meetingId: string | undefined;
  readonly kind: ConversationKind;
  /** The conversation id as Teams gave it: in a channel it names a reply thread ("…;messageid=…"). */
  readonly conversationId: string | undefined;
  /**
   * Where the bot posts for this conversation: in a channel, the channel itself, so posts start new
   * threads; elsewhere the conversation id without any ";messageid=…". Empty when there is none.
   */
  readonly conversationKey: string;
  /** Where settings such as the framework belong: the team when in a team, else the chat. */
  readonly settingsScope: string;
  /** A Teams meeting's chat: its conversation id starts "19:meeting_", or Teams says which meeting it is. */
  readonly inMeetingChat: boolean;
  /** Who acted, as audit logs and votes record them: the Entra object id when Teams gives one, else the Teams user id. */
  readonly actor: string | undefined;
  /** The Entra object id of who acted, lower-cased, for comparing with configured lists. */
  readonly entraId: string | undefined;
}

/** Reads an activity's Teams ids once. Never throws: whatever is missing or not a string is undefined. */
export function readTeamsActivity(activity: Partial<Activity>): TeamsActivity {
  // botbuilder's readers take any object as channel data; null or a string from a caller would throw or mislead.
  const teams =
    typeof activity.channelData === 'object' && activity.channelData !== null ? teamsIds(activity) : undefined;
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  const kind: ConversationKind = type === 'channel' || type === 'groupChat' ? type : 'personal';
  const tenantId = text(teams?.tenantId) ?? text(conversation?.tenantId);
  const teamId = nonEmpty(teams?.teamId);
  const channelId = nonEmpty(teams?.channelId);
  const meetingId = nonEmpty(teams?.meetingId);
  const conversationId = text(conversation?.id);
  const conversationKey =
    kind === 'channel' && channelId !== undefined ? channelId : ((conversationId ?? '').split(';')[0] ?? '');
  const from = activity.from;
  const aadObjectId = text(from?.aadObjectId);
  return Object.freeze({
    tenantId: tenantId?.toLowerCase(),
    teamId,
    channelId,
    meetingId,
    kind,
    conversationId,
    conversationKey,
    settingsScope: teamId !== undefined ? `team:${teamId}` : `conversation:${conversationId ?? 'unknown'}`,
    inMeetingChat: (conversationId ?? '').startsWith('19:meeting_') || meetingId !== undefined,
    actor: aadObjectId ?? text(from?.id),
    entraId: aadObjectId?.toLowerCase(),
  });
}

const read = new WeakMap<object, TeamsActivity>();

/** This turn's Teams ids, read from its activity the first time they are asked for. */
export function teamsActivity(context: Pick<TurnBase, 'activity'>): TeamsActivity {
  const activity = context.activity;
  let value = read.get(activity);
  if (!value) {
    value = readTeamsActivity(activity);
    read.set(activity, value);
  }
  return value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
