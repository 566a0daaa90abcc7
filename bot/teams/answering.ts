import type { Turn } from '../platform/types';
import { answerCard, responseCards } from '../../cards';
import type { Entry, Framework } from '../../knowledge/kb/model';
import { respond } from '../../knowledge/respond';
import { directAnswer } from '../../knowledge/search/answer';
import { countQuestion } from './answer-counts';
import type { BotDeps } from '../deps';
import { placeFramework } from './framework-choice';
import { cardActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/**
 * Answers a message in any chat: what it gets is decided once, Teams-free (knowledge/respond): the safety
 * routes' cards first, then the answer, a plain decline or "not sure", with the reminders on the cards.
 * Logs ids, what search found and how confidently, never the text and never which route it took.
 */
export async function answerQuestion(
  context: Turn,
  question: string,
  deps: BotDeps,
  /** The framework a button was made for, if any: it answers, whatever this place uses now. */
  framework?: Framework,
): Promise<void> {
  const started = process.hrtime.bigint();
  const place = framework ?? (await placeFramework(context, deps));
  const response = respond(deps.search, question, place ? { frameworkId: place.id } : {});
  const { reply } = response;
  // A question that may be sent on travels with a code for whoever asked it: only their press may send it (card-actions.ts).
  const asker =
    response.routes.length === 0 && response.question.trim() !== ''
      ? await deps.answerIds.askerCode(teamsActivity(context).actor ?? 'anonymous')
      : undefined;
  const cards = responseCards({
    kb: deps.kb,
    response,
    ...(reply?.kind === 'answer' && { answerId: await deps.answerIds.issue(reply.result.entry) }),
    ...(asker !== undefined && { asker }),
    audience: audienceOf(context),
    examples: place?.examples ?? deps.kb.frameworks.flatMap((f) => f.examples.slice(0, 1)),
  });
  for (const card of cards) await context.sendActivity(cardActivity(card));

  // What search found, as before routes existed: the logs and telemetry never tell a route's message apart.
  const { result } = response;
  deps.telemetry?.answered(result.found);
  await countQuestion(context, deps, {
    frameworkId: response.framework.id,
    routes: response.routes,
    result,
    answerSent: reply !== undefined,
  });
  deps.logger.info(
    turnInfo(context, {
      event: 'answer',
      found: result.found,
      entryId: result.found ? result.entry.id : undefined,
      confidence: result.found ? result.confidence : undefined,
      how: result.found ? result.how : result.reason,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
    }),
    'answered a question',
  );
}

/** Sends an entry's card, as asked for by a button. */
export async function sendEntry(context: Turn, entry: Entry, deps: BotDeps): Promise<void> {
  const place = await placeFramework(context, deps);
  const card = answerCard({
    kb: deps.kb,
    result: directAnswer(entry),
    answerId: await deps.answerIds.issue(entry),
    audience: audienceOf(context),
    ...(place && { chatFrameworkId: place.id }),
  });
  await context.sendActivity(cardActivity(card));
  deps.logger.info(turnInfo(context, { event: 'open', entryId: entry.id }), 'opened an entry');
}

/** A personal chat is one person; a channel, group chat or meeting chat is a group. */
export function audienceOf(context: Turn): 'individual' | 'group' {
  return teamsActivity(context).kind === 'personal' ? 'individual' : 'group';
}
