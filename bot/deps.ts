import type { KnowledgeBase } from '../knowledge/kb/model';
import type { Search } from '../knowledge/search/answer';
import type { ScheduleStore } from '../schedule/schedule-store';
import type { Scheduler } from '../schedule/scheduler';
import type { Store } from '../store/types';
import type { VoterCodes } from './voter-code';
import type { AnswerIds } from './teams/answer-ids';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Telemetry } from './telemetry';
import type { Clock } from '../time/clock';

/** What the bot's handlers need, injected so tests can control each part. */
export interface BotDeps {
  readonly config: Config;
  readonly kb: KnowledgeBase;
  readonly search: Search;
  readonly store: Store;
  /** The same store in the scheduler's types (schedule/schedule-store.ts): subscriptions, rotations, meeting openers. */
  readonly schedules: ScheduleStore;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Random ids (the random part of answer card ids). */
  readonly newId: () => string;
  /** Issues answer card ids and recognises them when a vote comes back. */
  readonly answerIds: AnswerIds;
  /** The keyed one-way codes feedback votes are stored under. */
  readonly voterCodes: VoterCodes;
  readonly version: string;
  /** Commands poke it after a change, so it looks again at once. Absent in tests that drive turns alone. */
  readonly scheduler?: Scheduler;
  /** Counts and durations for Application Insights; absent or NO_TELEMETRY when it is not set up. */
  readonly telemetry?: Telemetry;
}
