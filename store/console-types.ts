import type { AuditEntry } from './audit';
import type { PostStatus } from './posts';
import type { DAILY_METRICS, SUGGESTION_OUTCOMES } from './schema';

/**
 * Things counted per day that have no row of their own. `item` is a framework or entry id, a declined topic's
 * name from the product's own list, or a safety route: never text anyone typed.
 */
export type DailyMetric = (typeof DAILY_METRICS)[number];

export interface DailyCount {
  readonly day: string;
  readonly metric: DailyMetric;
  readonly item: string;
  readonly count: number;
}

/** A question a person chose to send to the practice team. No user id, no conversation. */
export interface Suggestion {
  readonly id: string;
  readonly text: string;
  readonly frameworkId: string;
  /** The entry the question was about, when it came from an answer marked "Not helpful". */
  readonly entryId?: string;
  /** YYYY-MM-DD, UTC, the day it was sent. */
  readonly day: string;
  /** Set once a lead marked it, while that can still be undone: its text goes when the undo window ends. */
  readonly resolved?: { readonly outcome: SuggestionOutcome; readonly at: Date };
}

export type SuggestionOutcome = (typeof SUGGESTION_OUTCOMES)[number];

/** A period of days, YYYY-MM-DD, both inclusive. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** What the practice lead's console reads and keeps. Counts only, and suggestions sent by consent. */
export interface ConsoleStore {
  /** Adds one to a daily count. */
  countDaily(metric: DailyMetric, item: string, day: string): Promise<void>;
  dailyCounts(metrics: readonly DailyMetric[], range: DayRange): Promise<DailyCount[]>;
  /** Post log outcomes per UTC day, conversation (and team), entry and kind, for slots in [from, to). */
  postOutcomes(
    from: Date,
    to: Date,
  ): Promise<
    Array<{
      day: string;
      conversationId: string;
      teamId?: string;
      /** The entry posted, when one was chosen (so its framework is known). */
      entryId?: string;
      kind: 'post' | 'meeting-opener';
      status: PostStatus;
      count: number;
    }>
  >;
  addSuggestion(suggestion: Suggestion): Promise<void>;
  suggestions(limit: number): Promise<Suggestion[]>;
  /** How many suggestions are waiting (not marked), per framework. */
  suggestionCounts(): Promise<Array<{ frameworkId: string; count: number }>>;
  /**
   * Marks a waiting suggestion answered or dismissed at `at`. Its text stays until
   * finishResolvedSuggestions() deletes it, so the mark can be undone until then. False if no such suggestion waits.
   */
  resolveSuggestion(id: string, outcome: SuggestionOutcome, at: Date): Promise<boolean>;
  /** Undoes a mark made after `resolvedAfter`: the suggestion waits again. False if there is none to undo. */
  reopenSuggestion(id: string, resolvedAfter: Date): Promise<boolean>;
  /** Deletes the suggestions marked at or before `resolvedUpTo`, counting each outcome on the day it was marked. How many. */
  finishResolvedSuggestions(resolvedUpTo: Date): Promise<number>;
  /** Deletes suggestions sent before `beforeDay` (counted as expired, or as marked if a lead had). How many were deleted. */
  purgeSuggestions(beforeDay: string): Promise<number>;
  /** Records (or moves) a practice lead's personal chat with the bot. Callers pass only ids from PRACTICE_LEAD_AAD_IDS. */
  saveLeadChat(leadId: string, conversationId: string, at: Date): Promise<void>;
  /** Every practice lead's personal chat, and whether they want the weekly digest. */
  leadChats(): Promise<LeadChat[]>;
  /** Turns a lead's digest on or off, with `audit` in the same transaction. False (and nothing audited) if the bot has no personal chat with them. */
  setDigest(leadId: string, on: boolean, at: Date, audit?: AuditEntry): Promise<boolean>;
}

/** Where a practice lead's weekly digest goes. */
export interface LeadChat {
  /** Entra object id, one of PRACTICE_LEAD_AAD_IDS (lower case). */
  readonly leadId: string;
  readonly conversationId: string;
  readonly digestOn: boolean;
  readonly updatedAt: Date;
}
