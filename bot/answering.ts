import type { TurnContext } from 'botbuilder';
import {
  MAX_SUGGESTION_LENGTH,
  answerCard,
  noAnswerCard,
  staffSupportCard,
  urgentCard,
  withSuggestButton,
} from '../cards';
import { assessSafety, personalDetails } from '../knowledge/safety';
import type { Entry } from '../knowledge/kb/model';
import { directAnswer } from '../knowledge/search/answer';
import type { AnswerResult } from '../knowledge/search/answer';
import type { BotDeps } from './deps';
import { currentFramework } from './framework-choice';
import { cardActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/** Answers a question with an answer card, or a kind "not sure" card. Logs ids and confidence, never the text. */
export async function answerQuestion(context: TurnContext, question: string, deps: BotDeps): Promise<void> {
  const started = process.hrtime.bigint();
  const framework = await currentFramework(context, deps);
  const safety = assessSafety(question);
  const urgent = safety.route === 'child-at-risk';
  // An urgent worry about a child: the safeguarding signpost first, before any framework entry.
  if (urgent) await context.sendActivity(cardActivity(urgentCard({ signposts: framework.signposts })));
  // The asker's own wellbeing ("I'm burnt out"): the staff-support signpost first (the urgent card already holds it).
  const wellbeing = safety.route === 'distress';
  if (wellbeing) await context.sendActivity(cardActivity(staffSupportCard({ signposts: framework.signposts })));
  const result = deps.search.answer(question, { defaultFramework: framework.id });
  // After the signpost, an entry only if one answers; a "not sure" card would only repeat the signposts.
  // After the staff-support card, no entry: "stressed" or "overwhelmed" shared with an entry is not an answer.
  if (!wellbeing && (!urgent || result.found))
    await sendAnswer(context, result, personalDetails(question).length > 0, deps, framework.examples, {
      question,
      frameworkId: framework.id,
    });
  deps.telemetry?.answered(result.found);
  if (!result.found && result.reason !== 'empty') {
    // How often the bot was not sure, per framework per day: a count, never the question.
    await deps.store
      .countDaily('not-sure', framework.id, deps.clock().toISOString().slice(0, 10))
      .catch((error: unknown) => {
        deps.logger.warn(
          turnInfo(context, { event: 'count-failed', error: { message: (error as Error).message } }),
          'could not write the not-sure count',
        );
      });
  }
  if (result.found) {
    // Counts which entry answered (for "most asked"), never the question.
    await deps.store.recordAsk(result.entry.id, deps.clock().toISOString().slice(0, 10)).catch((error: unknown) => {
      deps.logger.warn(
        turnInfo(context, { event: 'count-failed', error: { message: (error as Error).message } }),
        'could not write answer counts',
      );
    });
  }
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
export async function sendEntry(context: TurnContext, entry: Entry, deps: BotDeps): Promise<void> {
  await sendAnswer(context, directAnswer(entry), false, deps, [], {
    question: '',
    frameworkId: (await currentFramework(context, deps)).id,
  });
  deps.logger.info(turnInfo(context, { event: 'open', entryId: entry.id }), 'opened an entry');
}

/** The question as typed, for the "Suggest this question" button: it travels in the card and is kept nowhere. */
interface Asked {
  readonly question: string;
  readonly frameworkId: string;
}

async function sendAnswer(
  context: TurnContext,
  result: AnswerResult,
  piiReminder: boolean,
  deps: BotDeps,
  examples: readonly string[],
  asked: Asked,
): Promise<void> {
  const question = asked.question.trim().slice(0, MAX_SUGGESTION_LENGTH);
  // The question travels with a code for whoever asked it: only their press may send it on (card-actions.ts).
  const asker = question ? await deps.answerIds.askerCode(teamsActivity(context).actor ?? 'anonymous') : undefined;
  let message = result.found
    ? answerCard({
        kb: deps.kb,
        result,
        answerId: await deps.answerIds.issue(result.entry),
        piiReminder,
        chatFrameworkId: asked.frameworkId,
        ...(question && { question, ...(asker !== undefined && { asker }) }),
      })
    : noAnswerCard({
        kb: deps.kb,
        reason: result.reason,
        ...(result.notCovered !== undefined && { notCovered: result.notCovered }),
        suggestions: result.suggestions.map((m) => m.entry),
        examples,
        piiReminder,
        ...signpostsOf(deps, asked.frameworkId),
      });
  if (!result.found && result.reason !== 'empty' && question)
    message = withSuggestButton(message, { question, frameworkId: asked.frameworkId, ...(asker && { asker }) });
  await context.sendActivity(cardActivity(message));
}

/** The signposts of the chat's framework, for the not-sure card. */
function signpostsOf(
  deps: BotDeps,
  frameworkId: string,
): { signposts?: NonNullable<ReturnType<BotDeps['kb']['framework']>>['signposts'] } {
  const framework = deps.kb.framework(frameworkId);
  return framework ? { signposts: framework.signposts } : {};
}
