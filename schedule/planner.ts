import type { KnowledgeBase } from '../knowledge/kb/model';
import type { NewPost } from '../store/types';
import type { Plan, PostContent, RotationState, Subscription } from './model';

export type { PostContent } from './model';
import { nextInRotation, rotationOrder } from './rotation';
import { nextSlot } from './slots';

/** Slots overdue by more than this many are logged in one go at most (a service down for a year). */
const MAX_SLOTS_PER_PLAN = 500;

export const slotKey = (subscriptionId: string, slotAt: Date) => `${subscriptionId}@${slotAt.toISOString()}`;

/**
 * Decides what happens to each of a subscription's slots up to `now`: posted (with the next entry of
 * its rotation), skipped (on request, or while paused), or missed (older than the grace window).
 * Pure: the store applies the plan in the same transaction that locked the subscription.
 */
export function planSubscription(subscription: Subscription, kb: KnowledgeBase, now: Date, graceMs: number): Plan {
  const { spec } = subscription;
  const posts: NewPost[] = [];
  let rotation: RotationState = subscription.rotation;
  let skipNext = subscription.skipNext;
  let status = subscription.status;
  let pausedUntil = subscription.pausedUntil;
  let slot = subscription.nextSlotAt;
  const order = rotationOrder(kb, spec);
  // Posts go to channels, group chats and meetings: always prompts written for a group or for private thought.
  const audience = 'group';

  while (slot !== undefined && slot.getTime() <= now.getTime() && posts.length < MAX_SLOTS_PER_PLAN) {
    if (status === 'paused' && pausedUntil !== undefined && slot.getTime() >= pausedUntil.getTime()) {
      status = 'active';
      pausedUntil = undefined;
    }
    const base = {
      slotKey: slotKey(subscription.id, slot),
      subscriptionId: subscription.id,
      conversationId: subscription.conversationId,
      ...(subscription.teamId !== undefined && { teamId: subscription.teamId }),
      slotAt: slot,
    };
    if (status === 'paused') {
      posts.push({ ...base, status: 'skipped', error: 'paused' });
    } else if (skipNext > 0) {
      skipNext--;
      posts.push({ ...base, status: 'skipped', error: 'skipped on request' });
    } else if (now.getTime() - slot.getTime() > graceMs) {
      posts.push({
        ...base,
        status: 'missed',
        error: 'the service was not running at this time, and it was too late to post when it came back',
      });
    } else {
      const next = nextInRotation(order, rotation, spec.kind === 'meeting-opener' ? 1 : 2, audience);
      if (next === undefined) {
        posts.push({
          ...base,
          status: 'missed',
          error: `the ${spec.frameworkId} framework has nothing of the chosen kinds to post`,
        });
      } else {
        rotation = next.state;
        const content: PostContent = {
          entryId: next.entry.id,
          prompts: next.prompts,
          audience,
          position: next.position,
          of: next.of,
          cycle: next.cycle,
          kind: spec.kind,
          kinds: spec.content.length,
        };
        posts.push({ ...base, status: 'pending', entryId: next.entry.id, content: { ...content } });
      }
    }
    slot = nextSlot(spec, slot);
  }
  if (
    status === 'paused' &&
    pausedUntil !== undefined &&
    slot !== undefined &&
    slot.getTime() >= pausedUntil.getTime()
  ) {
    status = 'active';
    pausedUntil = undefined;
  }
  return { posts, rotation, nextSlotAt: slot, skipNext, status: slot === undefined ? 'ended' : status, pausedUntil };
}
