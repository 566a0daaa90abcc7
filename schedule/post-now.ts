import type { KnowledgeBase } from '../knowledge/kb/model';
import type { PostRecord } from '../store/types';
import type { Plan, Subscription } from './model';
import { planSubscription, slotKey } from './planner';

// "schedule post now" and "schedule preview" plan on a copy of the subscription; schedule/operations.ts
// checks who asks and stores the plan (post now) or only shows it (preview).

/** What "schedule post now" plans: the next item of the rotation, now, without moving the next slot. */
export function postNowPlan(current: Subscription, kb: KnowledgeBase, now: Date): Plan {
  const plan = planSubscription(
    { ...current, status: 'active', skipNext: 0, nextSlotAt: now },
    kb,
    now,
    Number.MAX_SAFE_INTEGER,
  );
  const post = plan.posts.find((p) => p.status === 'pending');
  return {
    posts: post ? [{ ...post, slotKey: `${slotKey(current.id, now)}/now` }] : [],
    rotation: post ? plan.rotation : current.rotation,
    nextSlotAt: current.nextSlotAt,
    skipNext: current.skipNext,
    status: current.status,
    pausedUntil: current.pausedUntil,
  };
}

/** The post the next slot will make, planned on a copy: nothing is stored. */
export function previewPost(s: Subscription, kb: KnowledgeBase, now: Date): PostRecord | undefined {
  if (!s.nextSlotAt) return undefined;
  const plan = planSubscription({ ...s, status: 'active', skipNext: 0 }, kb, s.nextSlotAt, Number.MAX_SAFE_INTEGER);
  const post = plan.posts.find((p) => p.status === 'pending');
  return (
    post && {
      id: 'preview',
      slotKey: post.slotKey,
      conversationId: post.conversationId,
      slotAt: post.slotAt,
      ...(post.entryId !== undefined && { entryId: post.entryId }),
      ...(post.content !== undefined && { content: post.content }),
      status: 'pending',
      attempts: 0,
      updatedAt: now,
    }
  );
}
