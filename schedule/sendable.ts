import type { ConversationRecord, PostRecord, Store } from '../store/types';
import { postContentSchema } from './model';

/**
 * Whether a post the scheduler has claimed is still to be sent when its turn comes: not when its slot's
 * grace window has passed, the bot has left the conversation, the organisation is no longer allowed, or
 * meeting openers are turned off there. What is not sent is finished with the reason `schedule history` shows.
 */

/** What `schedule history` shows for a post not sent because its tenant was taken off the list. */
export const TENANT_NOT_ALLOWED =
  'not sent: this organisation is no longer allowed to use Practice Companion (ALLOWED_TENANTS). Posts start again when it is.';

/** What `schedule history` shows for a scheduled meeting opener not posted because openers are off. */
export const OPENERS_OFF = 'not posted: meeting openers are off here ("meeting openers on" turns them on again)';

type NotSent = { readonly status: 'missed' | 'gone' | 'skipped'; readonly error: string };

/** The conversation to send the post to; or how it is finished unsent, and why in a word for the log. */
export async function sendable(
  store: Store,
  post: PostRecord,
  now: Date,
  graceMs: number,
  tenantAllowed: ((tenantId: string | undefined) => boolean) | undefined,
): Promise<{ conversation: ConversationRecord } | { notSent: NotSent; why: string }> {
  if (now.getTime() - post.slotAt.getTime() > graceMs)
    return {
      notSent: { status: 'missed', error: 'could not be posted within the grace window' },
      why: 'grace window passed',
    };
  const conversation = await store.conversation(post.conversationId);
  if (!conversation || conversation.status === 'gone')
    return {
      notSent: { status: 'gone', error: 'the bot is no longer in this conversation' },
      why: 'conversation gone',
    };
  if (tenantAllowed && !tenantAllowed(conversation.tenantId))
    return { notSent: { status: 'skipped', error: TENANT_NOT_ALLOWED }, why: 'tenant not allowed' };
  if (await openersTurnedOff(store, post))
    return { notSent: { status: 'skipped', error: OPENERS_OFF }, why: 'meeting openers off' };
  return { conversation };
}

/**
 * A scheduled meeting opener where someone has turned meeting openers off: "meeting openers off" means
 * no openers, whether at a meeting's start or on a schedule. (The team's setting, as the bot keeps it.)
 */
async function openersTurnedOff(store: Store, post: PostRecord): Promise<boolean> {
  if (post.subscriptionId === undefined) return false;
  const content = postContentSchema.safeParse(post.content);
  if (!content.success || content.data.kind !== 'meeting-opener') return false;
  const scope = post.teamId !== undefined ? `team:${post.teamId}` : `conversation:${post.conversationId}`;
  return (await store.meetingOpeners(scope)) === false;
}
