import type { Activity, TurnContext } from 'botbuilder';

/** What may be logged about a turn: ids and kinds, never text. */
export function turnInfo(context: TurnContext): Record<string, string | undefined> {
  const a: Partial<Activity> = context.activity;
  return {
    activityId: a.id,
    activityType: a.type,
    conversationType: conversationType(context),
    conversationId: a.conversation?.id,
    tenantId: tenantOf(context),
  };
}

export type ConversationType = 'personal' | 'channel' | 'groupChat';

export function conversationType(context: TurnContext): ConversationType {
  const t = context.activity.conversation?.conversationType;
  return t === 'channel' || t === 'groupChat' ? t : 'personal';
}

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/** Settings such as the framework belong to the team when in a team, else to the chat. */
export function settingsScope(context: TurnContext): string {
  const channelData = context.activity.channelData as { team?: { id?: unknown } } | undefined;
  const teamId = channelData?.team?.id;
  return typeof teamId === 'string' ? `team:${teamId}` : `conversation:${context.activity.conversation?.id ?? 'unknown'}`;
}

/** True in a meeting chat: reflection prompts are then worded for a group. */
export function isGroup(context: TurnContext): boolean {
  return conversationType(context) !== 'personal';
}
