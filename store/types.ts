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
  /** Counts that an entry answered a question (the entry id and the day, never the question). */
  recordAsk(entryId: string, day: string): Promise<void>;
  /** The entries that answered most questions, most first. */
  mostAsked(limit: number): Promise<Array<{ entryId: string; count: number }>>;
  /**
   * The entry most recently posted by a scheduled post on or after `since`, in this conversation or, given a
   * team id, in any channel of that team. Undefined when nothing was posted.
   */
  featuredEntry(where: { conversationId: string; teamId?: string }, since: Date): Promise<string | undefined>;
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
