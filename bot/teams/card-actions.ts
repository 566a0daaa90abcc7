import { submitAsAction, SUBMIT_CARDS_ACCEPTED_UNTIL, VERBS } from '../../cards/actions';
import type { Verb } from '../../cards/actions';
import { runCardAction } from './card-verbs';
import type { ActionOutcome } from './card-verbs';
import type { BotDeps } from '../deps';
import { REPLIES } from './messages';
import type { Activity, CardActionResponse, CardActionValue, Turn } from '../platform/types';
import { adaptiveCardAttachment } from '../platform/activity';
import { textActivity } from './reply';
import { turnInfo } from './turn-info';
import { utcDay } from '../../time/clock';

export { CARD_ACTION_REPLIES } from './card-verbs';

/**
 * The two ways a card button arrives, both mapped here, at the boundary, to one verb and one handler
 * (bot/teams/card-verbs.ts):
 * - Action.Execute (Universal Actions): an `adaptiveCard/action` invoke, answered in the HTTP response;
 * - Action.Submit, on cards posted before the buttons became Action.Execute: a message whose `value`
 *   holds `{ action, ...data }`. Accepted until SUBMIT_CARDS_ACCEPTED_UNTIL (cards/actions.ts).
 */
export async function handleCardAction(
  context: Turn,
  value: CardActionValue,
  deps: BotDeps,
): Promise<CardActionResponse> {
  const verb: unknown = value.action?.verb;
  if (!isVerb(verb)) {
    deps.logger.warn(turnInfo(context, { event: 'unknown-verb' }), 'a card action used a verb we do not know');
    return badRequest("That button isn't one I recognise, so nothing changed. Try typing your question instead.");
  }
  const outcome = await runCardAction(context, verb, value.action?.data, deps);
  switch (outcome.kind) {
    case 'card':
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: outcome.card };
    case 'posted':
      return messageResponse(outcome.note);
    case 'note':
      return messageResponse(outcome.text);
    case 'refused':
      deps.logger.warn(turnInfo(context, { event: 'bad-action-data' }), 'a card action carried data we do not accept');
      return badRequest("That button's details didn't look right, so I didn't act on it. Try asking again.");
  }
}

/** A message that is an Action.Submit press: it carries a value and no typed text. */
export function isSubmitPress(activity: Activity): boolean {
  return activity.value !== undefined && activity.value !== null && !activity.text?.trim();
}

/** An old card's Action.Submit press: its `action` mapped to the verb, run, and answered with messages. */
export async function handleSubmit(context: Turn, deps: BotDeps): Promise<void> {
  if (utcDay(deps.clock.now()) > SUBMIT_CARDS_ACCEPTED_UNTIL) {
    deps.logger.info(turnInfo(context, { event: 'old-submit' }), 'a button on a card too old to accept was pressed');
    await context.sendActivity(textActivity(REPLIES.oldCard));
    return;
  }
  const action = submitAsAction(context.activity.value);
  const outcome: ActionOutcome = action
    ? await runCardAction(context, action.verb, action.data, deps)
    : { kind: 'refused' };
  switch (outcome.kind) {
    case 'card':
      await context.sendActivity({ type: 'message', attachments: [adaptiveCardAttachment(outcome.card)] });
      return;
    case 'posted':
      return; // the replies are the answer: a Submit press shows no note
    case 'note':
      await context.sendActivity(textActivity(outcome.text));
      return;
    case 'refused':
      deps.logger.warn(turnInfo(context, { event: 'bad-submit' }), 'a card button sent data we do not recognise');
      await context.sendActivity(textActivity(REPLIES.badButton));
      return;
  }
}

/** A short message in place of the card (Universal Actions show it to the person who clicked). */
function messageResponse(text: string): CardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

function isVerb(v: unknown): v is Verb {
  return typeof v === 'string' && (VERBS as readonly string[]).includes(v);
}

function badRequest(message: string): CardActionResponse {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}
