/**
 * What the bot keeps. Never message text: only ids, settings, and counts.
 * The in-memory backend stands in until the durable backends land; both implement this interface.
 */
export interface Store {
  /** The framework chosen for a team or chat, if anyone has chosen one. */
  frameworkFor(scopeId: string): Promise<string | undefined>;
  setFramework(change: { scopeId: string; frameworkId: string; changedBy: string; at: Date }): Promise<void>;
  /** One vote per person per answer card: a second vote replaces the first. */
  recordVote(vote: Vote): Promise<'new' | 'changed' | 'same'>;
  /** Helpful / not helpful counts per entry per day. */
  feedbackCounts(): Promise<FeedbackCount[]>;
  close(): Promise<void>;
}

export interface Vote {
  /** The answer card's random id (not the question). */
  readonly answerId: string;
  /** A one-way hash of the voter's id, so votes can be replaced without keeping who voted. */
  readonly voter: string;
  readonly entryId: string;
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly helpful: boolean;
}

export interface FeedbackCount {
  readonly entryId: string;
  readonly day: string;
  readonly helpful: number;
  readonly notHelpful: number;
}
