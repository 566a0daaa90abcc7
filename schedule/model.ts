import { z } from 'zod';
import type { NewPost, SubscriptionStatus } from '../store/types';

/**
 * The scheduler's own types: what a team chose, where its rotation stands, what a post carries.
 * The store keeps the JSON of these as opaque values; the zod schemas here read them back
 * (schedule/schedule-store.ts), so a stored value of the wrong shape is an error, not a cast.
 */

export const CONTENT_KINDS = ['principle', 'value', 'approach', 'ingredient'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const CADENCES = ['weekly', 'fortnightly', 'weekdays'] as const;
export type Cadence = (typeof CADENCES)[number];

/** What a team chose: what to post, where, and when. */
export type SubscriptionSpec = {
  /** A post of the framework, or a meeting opener a few minutes before a recurring meeting. */
  readonly kind: 'post' | 'meeting-opener';
  readonly frameworkId: string;
  readonly content: readonly ContentKind[];
  /** ISO weekdays, 1 = Monday … 7 = Sunday. Ignored for 'weekdays' cadence (Monday to Friday). */
  readonly weekdays: readonly number[];
  /** HH:MM in the time zone: the post time, or the meeting's start for a meeting opener. */
  readonly time: string;
  /** IANA time zone name, e.g. Europe/London. */
  readonly timeZone: string;
  readonly cadence: Cadence;
  /** The Monday (YYYY-MM-DD) of the first week, so fortnightly posts know which weeks are theirs. */
  readonly anchorWeek: string;
  /** Last day to post (YYYY-MM-DD, inclusive, in the time zone). */
  readonly endDate?: string;
  /** Meeting openers: how many minutes before `time` to post. */
  readonly leadMinutes?: number;
};

/** Where a subscription is in its walk through the chosen entries. */
export type RotationState = {
  readonly cycle: number;
  /** Entry ids already posted this cycle. */
  readonly seen: readonly string[];
  /** Per entry, the prompt numbers used in the current round of that entry's prompts. */
  readonly promptsUsed: Readonly<Record<string, readonly number[]>>;
};

/** What a post carries from planning to sending: fixed once planned, so a retry posts the same card. */
export type PostContent = {
  readonly entryId: string;
  readonly prompts: readonly number[];
  readonly audience: 'individual' | 'group';
  readonly position: number;
  readonly of: number;
  readonly cycle: number;
  readonly kind: 'post' | 'meeting-opener';
  /** How many kinds of entry the cycle mixes: one gives "Principle 4 of 10". */
  readonly kinds: number;
};

/** A practice lead's weekly digest: the week it describes. */
export type DigestContent = {
  readonly kind: 'digest';
  /** Monday and Sunday of the week described (YYYY-MM-DD, in the lead's time zone). */
  readonly from: string;
  readonly to: string;
};

export type { SubscriptionStatus } from '../store/types';

export interface Subscription {
  readonly id: string;
  readonly conversationId: string;
  readonly teamId?: string;
  readonly spec: SubscriptionSpec;
  readonly status: SubscriptionStatus;
  readonly inactiveReason?: string;
  /** While paused: the moment it resumes by itself, or undefined to stay paused until resumed. */
  readonly pausedUntil?: Date;
  /** How many coming slots to skip. */
  readonly skipNext: number;
  readonly rotation: RotationState;
  readonly nextSlotAt?: Date;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** What planning decided for one due subscription: the slots to log, and where it is now. */
export interface Plan {
  readonly posts: readonly NewPost[];
  readonly rotation: RotationState;
  readonly nextSlotAt: Date | undefined;
  readonly skipNext: number;
  readonly status: SubscriptionStatus;
  readonly pausedUntil: Date | undefined;
}

export type SendOutcome =
  | { readonly kind: 'sent'; readonly activityId?: string }
  | { readonly kind: 'retry'; readonly afterMs: number; readonly error: string }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'gone'; readonly error: string };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const subscriptionSpecSchema: z.ZodType<SubscriptionSpec> = z.object({
  kind: z.enum(['post', 'meeting-opener']),
  frameworkId: z.string(),
  content: z.array(z.enum(CONTENT_KINDS)),
  weekdays: z.array(z.number().int()),
  time: z.string(),
  timeZone: z.string(),
  cadence: z.enum(CADENCES),
  anchorWeek: day,
  endDate: day.exactOptional(),
  leadMinutes: z.number().int().exactOptional(),
});

export const rotationStateSchema: z.ZodType<RotationState> = z.object({
  cycle: z.number().int(),
  seen: z.array(z.string()),
  promptsUsed: z.record(z.string(), z.array(z.number().int())),
});

export const postContentSchema: z.ZodType<PostContent> = z.object({
  entryId: z.string(),
  prompts: z.array(z.number().int()),
  audience: z.enum(['individual', 'group']),
  position: z.number().int(),
  of: z.number().int(),
  cycle: z.number().int(),
  kind: z.enum(['post', 'meeting-opener']),
  kinds: z.number().int(),
});

export const digestContentSchema: z.ZodType<DigestContent> = z.object({
  kind: z.literal('digest'),
  from: day,
  to: day,
});
