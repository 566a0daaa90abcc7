import { RESPONSE_WORDS } from '../knowledge/respond';
import type { Response } from '../knowledge/respond';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { ChooseFrameworkData } from './actions';
import { answerCard } from './answer-card';
import { withFoot } from './card-message';
import type { Element, ExecuteAction } from './elements';
import { actionSet, small, text } from './elements';
import { noAnswerCard } from './no-answer-card';
import { routeCard } from './route-card';
import { MAX_SUGGESTION_LENGTH, withSuggestButton } from './suggest-card';
import type { CardMessage } from './types';

export interface ResponseCardsInput {
  readonly kb: KnowledgeBase;
  readonly response: Response;
  /** Identifies an answer card in feedback: made by the caller when `response.reply` is an answer. */
  readonly answerId?: string;
  /** The one-way code of the person who asked, carried with their question: only they may send it on. */
  readonly asker?: string;
  /** A personal chat is 'individual'; a channel, group chat or meeting is 'group'. */
  readonly audience: 'individual' | 'group';
  /** Questions "not sure" offers to ask instead: the place's framework's examples. */
  readonly examples: readonly string[];
}

/** At most this many framework buttons in one row (the reference renderer shows 5). */
const MAX_CHOICES = 5;

/**
 * The cards a response is sent as, in order: each safety route's card, then the answer, decline or "not
 * sure". The personal-details reminder is on every card; the calm line is at the foot of the reply.
 */
export function responseCards(input: ResponseCardsInput): CardMessage[] {
  const { response } = input;
  const reminder = response.reminders.personalDetails;
  const routes = response.routes.map((route) => routeCard(route, { signposts: response.signposts, reminder }));
  const reply = replyCard(input);
  return reply ? [...routes, reply] : routes;
}

function replyCard({ kb, response, answerId, asker, audience, examples }: ResponseCardsInput): CardMessage | undefined {
  const { reply } = response;
  if (!reply) return undefined;
  const reminder = response.reminders.personalDetails;
  const question = response.question.trim().slice(0, MAX_SUGGESTION_LENGTH);
  let message: CardMessage;
  if (reply.kind === 'answer') {
    if (answerId === undefined) throw new Error('an answer card needs an answer id');
    message = answerCard({
      kb,
      result: reply.result,
      answerId,
      reminder,
      audience,
      ...(response.frameworkId !== undefined && { chatFrameworkId: response.frameworkId }),
      // The question rides in the vote buttons so "Not helpful" can offer to suggest it: never on a route's message.
      ...(question !== '' && response.routes.length === 0 && { question, ...(asker !== undefined && { asker }) }),
    });
  } else {
    const { result } = reply;
    message = noAnswerCard({
      kb,
      reason: result.reason,
      ...(result.notCovered !== undefined && { notCovered: result.notCovered }),
      ...(result.retired === true && { retired: true as const }),
      suggestions: result.suggestions.map((m) => m.entry),
      examples,
      ...(response.frameworkId !== undefined && { examplesFrameworkId: response.frameworkId }),
      reminder,
      signposts: response.signposts,
      whereToGo: reply.whereToGo,
      ...(reply.kind === 'decline' && { wroteIt: reply.wroteIt }),
    });
  }
  const choice = frameworkChoice(kb, response);
  message = withFoot(message, choice.body, choice.lines);
  if (response.offerSuggestion && question !== '')
    message = withSuggestButton(message, {
      question,
      frameworkId: response.framework.id,
      ...(asker !== undefined && { asker }),
    });
  // An ordinary question that only mentions risk: its answer, with one calm line at the foot.
  const calm = response.reminders.calm ? response.signposts.urgent.text : undefined;
  return calm ? withFoot(message, [small(calm)], [calm]) : message;
}

/** Several frameworks served and none chosen here: say so, and keep offering the choice. */
function frameworkChoice(kb: KnowledgeBase, response: Response): { body: Element[]; lines: string[] } {
  if (response.frameworkId !== undefined || kb.frameworks.length < 2) return { body: [], lines: [] };
  const w = RESPONSE_WORDS.unchosen;
  const buttons: ExecuteAction[] = kb.frameworks.slice(0, MAX_CHOICES).map((f) => {
    const data: ChooseFrameworkData = { frameworkId: f.id, keep: true };
    return { type: 'Action.Execute', title: f.shortName, verb: 'chooseFramework', data };
  });
  return {
    body: [
      text(w.line, { size: 'Small', color: 'Accent', spacing: 'Medium' }),
      text(w.choose, { size: 'Small', spacing: 'Small' }),
      actionSet(buttons),
    ],
    lines: [w.line],
  };
}
