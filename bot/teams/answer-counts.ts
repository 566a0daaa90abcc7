import type { Turn } from '../platform/types';
import type { SafetyRoute } from '../../knowledge/safety';
import type { AnswerResult } from '../../knowledge/search/answer';
import type { BotDeps } from '../deps';
import { leadOf } from './lead-digest';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';
import { utcDay } from '../../time/clock';

/** What one question led to, as the answering path knows it. */
export interface QuestionOutcome {
  /** The chat's framework, which answered or declined. */
  readonly frameworkId: string;
  /** The safety routes shown, most pressing first (none for an ordinary question). */
  readonly routes: readonly SafetyRoute[];
  readonly result: AnswerResult;
  /** Whether the framework part was sent (an entry, a decline or "not sure"): not after the crisis card, say. */
  readonly answerSent: boolean;
}

/**
 * Counts what a question led to, for the practice lead's console and digest: which entry answered
 * (asks), "not sure" per framework, a declined topic by its name from the product's own list
 * (knowledge/search/named-elsewhere.yaml), and the safety route shown. Ids and the product's own
 * words only, never the question. A practice lead trying the bot in their personal chat is not staff
 * use, so nothing of theirs is counted there. A count that cannot be written is logged and skipped.
 */
export async function countQuestion(context: Turn, deps: BotDeps, outcome: QuestionOutcome): Promise<void> {
  if (teamsActivity(context).kind === 'personal' && leadOf(context, deps) !== undefined) return;
  const day = utcDay(deps.clock.now());
  const { result, routes, answerSent } = outcome;
  const counts: Array<[what: string, write: () => Promise<void>]> = [];
  for (const route of routes) counts.push(['route', () => deps.store.countDaily('route', route, day)]);
  if (answerSent && result.found) counts.push(['ask', () => deps.store.recordAsk(result.entry.id, day)]);
  if (answerSent && !result.found && result.reason !== 'empty') {
    counts.push(['not-sure', () => deps.store.countDaily('not-sure', outcome.frameworkId, day)]);
    if (result.reason === 'not-covered' && result.notCovered !== undefined) {
      const topic = result.notCovered;
      counts.push(['declined', () => deps.store.countDaily('declined', topic, day)]);
    }
  }
  await Promise.all(
    counts.map(([what, write]) =>
      write().catch((error: unknown) => {
        deps.logger.warn(
          turnInfo(context, { event: 'count-failed', count: what, error: { message: (error as Error).message } }),
          'could not write a count',
        );
      }),
    ),
  );
}
