import type { Turn } from '../../platform/types';
import type { Actor } from '../../../schedule/permissions';
import type { NotPicked } from '../../../schedule/operations';
import type { BotDeps } from '../../deps';
import { textActivity } from '../reply';
import { teamsActivity } from '../teams-activity';
import { turnInfo } from '../turn-info';

export const SCHEDULE_REPLIES = Object.freeze({
  notHere: 'Schedules belong to a channel or a group chat. Go to the channel, @mention me and type "schedule".',
  none: 'This channel has no scheduled posts. Type "schedule" to add one.',
  which: (count: number) =>
    `This channel has ${count} scheduled posts. Add the number of the one you mean, for example "schedule skip 2". Type "schedule" to see them.`,
  noSuch: (n: string, count: number) =>
    `There is no schedule ${n} here; there ${count === 1 ? 'is 1' : `are ${count === 0 ? 'none' : count}`}. Type "schedule" to see them.`,
  refused: (detail: string) =>
    `Sorry, you can't ${detail}. Only the people your organisation has named as Practice Companion administrators can change schedules and meeting openers. Please ask one of them, or your Teams administrator, to make the change.`,
  unknown:
    'I know these: "schedule", "schedule pause", "schedule pause until 2026-12-01", "schedule resume", "schedule skip", "schedule preview", "schedule post now", "schedule history" and "unsubscribe".',
});

/** Who is asking, as the audit log records them (the Entra object id when Teams gives one) and as the permission rule reads them. */
export function actorOf(context: Turn): Actor {
  const { actor, entraId } = teamsActivity(context);
  return { id: actor ?? 'unknown', ...(entraId !== undefined && { aadObjectId: entraId }) };
}

/** The permission rule (schedule/permissions.ts) said no: say so politely, and who can. */
export async function refuse(context: Turn, deps: BotDeps, detail: string): Promise<void> {
  deps.logger.info(turnInfo(context, { event: 'change-refused' }), 'a schedule change was refused');
  await context.sendActivity(textActivity(SCHEDULE_REPLIES.refused(detail)));
}

/** Why no schedule was picked, as a reply. */
export function notPickedText(result: NotPicked): string {
  if (result.kind === 'which') return SCHEDULE_REPLIES.which(result.count);
  if (result.kind === 'noSuch') return SCHEDULE_REPLIES.noSuch(result.number, result.count);
  return SCHEDULE_REPLIES.none;
}
