import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { answerCard, reflectCard } from '../cards';
import { VERBS, anotherPromptSchema, feedbackSchema } from '../cards/actions';
import type { Verb } from '../cards/actions';
import type { AdaptiveCard } from '../cards/types';
import { directAnswer } from '../knowledge/search/answer';
import type { BotDeps } from './deps';
import { turnInfo } from './turn-info';
import { voterCode } from './voter-code';

/** Action.Execute (Universal Actions): each verb updates its card in place. */
export async function handleCardAction(context: TurnContext, value: AdaptiveCardInvokeValue, deps: BotDeps): Promise<AdaptiveCardInvokeResponse> {
  const verb: unknown = value.action?.verb;
  if (!isVerb(verb)) {
    deps.logger.warn(turnInfo(context, { event: 'unknown-verb' }), 'a card action used a verb we do not know');
    return badRequest("That button isn't one I recognise, so nothing changed. Try typing your question instead.");
  }
  switch (verb) {
    case 'feedback': {
      const data = feedbackSchema.safeParse(value.action.data);
      const entry = data.success ? deps.kb.entry(data.data.entryId) : undefined;
      if (!data.success || !entry) return tampered(context, deps);
      // Only cards this bot issued can be voted on: a made-up id stores nothing.
      if (!(await deps.answerIds.verify(data.data.answerId))) {
        deps.logger.info(turnInfo(context, { event: 'feedback-expired', entryId: entry.id }), 'a vote named an answer card this bot did not issue');
        return messageResponse(CARD_ACTION_REPLIES.expired);
      }
      const voter = voterOf(context);
      if (!votesAllowed(deps).take(voter, deps.clock().getTime())) {
        deps.logger.info(turnInfo(context, { event: 'feedback-limited', entryId: entry.id }), 'one person voted too often in a minute');
        return messageResponse(CARD_ACTION_REPLIES.tooMany);
      }
      const outcome = await deps.store.recordVote({
        answerId: data.data.answerId,
        voter,
        entryId: entry.id,
        day: deps.clock().toISOString().slice(0, 10),
        helpful: data.data.helpful,
      });
      deps.logger.info(turnInfo(context, { event: 'feedback', entryId: entry.id, helpful: data.data.helpful, outcome }), 'feedback recorded');
      const card = answerCard({ kb: deps.kb, result: directAnswer(entry), answerId: data.data.answerId, piiReminder: false, feedback: { helpful: data.data.helpful } });
      return cardResponse(card.card);
    }
    case 'anotherPrompt': {
      const data = anotherPromptSchema.safeParse(value.action.data);
      const entry = data.success ? deps.kb.entry(data.data.entryId) : undefined;
      if (!data.success || !entry) return tampered(context, deps);
      const card = reflectCard({ kb: deps.kb, entry, promptIndex: data.data.promptIndex, audience: data.data.audience });
      return cardResponse(card.card);
    }
  }
}

export const CARD_ACTION_REPLIES = Object.freeze({
  expired: 'This card has expired, so your vote was not counted. Ask your question again for a fresh card.',
  tooMany: "You've sent a lot of votes in the last minute. Please wait a moment, then try again.",
});

/** Votes one person may cast in a minute (each card allows one vote, which a second click replaces). */
export const VOTES_PER_MINUTE = 20;

/** Counts each person's votes in their current minute. Holds voter codes (one-way hashes) only, for a minute. */
class VoteLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  take(voter: string, now: number): boolean {
    let w = this.windows.get(voter);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size >= 10_000) for (const [k, v] of this.windows) if (now - v.start >= 60_000) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(voter, w);
    }
    if (w.count >= VOTES_PER_MINUTE) return false;
    w.count++;
    return true;
  }
}

const limiters = new WeakMap<BotDeps, VoteLimiter>();
function votesAllowed(deps: BotDeps): VoteLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new VoteLimiter();
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** A short message in place of the card (Universal Actions show it to the person who clicked). */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}

/** A one-way code for the voter: enough to replace their vote, not enough to say who they are. */
function voterOf(context: TurnContext): string {
  const from = context.activity.from;
  return voterCode(from?.aadObjectId ?? from?.id ?? 'anonymous');
}

function isVerb(v: unknown): v is Verb {
  return typeof v === 'string' && (VERBS as readonly string[]).includes(v);
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as Record<string, unknown> };
}

function tampered(context: TurnContext, deps: BotDeps): AdaptiveCardInvokeResponse {
  deps.logger.warn(turnInfo(context, { event: 'bad-action-data' }), 'a card action carried data we do not accept');
  return badRequest("That button's details didn't look right, so I didn't act on it. Try asking again.");
}

function badRequest(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } as unknown as Record<string, unknown> };
}
