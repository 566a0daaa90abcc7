import {
  MAX_SUGGESTION_LENGTH,
  answerCard,
  reflectCard,
  suggestDone,
  suggestForm,
  SUGGEST_WORDING,
  welcomeCard,
  withSuggestButton,
} from '../../cards';
import {
  anotherPromptSchema,
  askVerbSchema,
  chooseFrameworkSchema,
  feedbackSchema,
  meetingOpenersVerbSchema,
  openVerbSchema,
  scheduleSaveVerbSchema,
  suggestCancelSchema,
  suggestSchema,
  suggestSendSchema,
} from '../../cards/actions';
import type { Verb } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/types';
import { directAnswer } from '../../knowledge/search/answer';
import { personalDetails } from '../../knowledge/safety/personal-details';
import { sendEntry } from './answering';
import type { BotDeps } from '../deps';
import { chooseFramework } from './framework-choice';
import { meetingCommand, openersOn } from './meetings';
import { handleText, REPLIES } from './messages';
import type { Turn } from '../platform/types';
import { cardActivity } from './reply';
import { saveSchedule } from './schedule/commands';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';
import { votesAllowed } from './vote-limit';
import { publicNamesOf } from '../../knowledge/respond/public-names';
import { utcDay } from '../../time/clock';

/**
 * What pressing a card button comes to, whichever way it arrived (Action.Execute, or an old
 * Action.Submit mapped to the same verb: bot/teams/card-actions.ts):
 * - `card`: the pressed card is replaced by this one;
 * - `posted`: the replies went out as new messages; `note` is for the person who pressed;
 * - `note`: nothing else happened, and this is the only answer;
 * - `refused`: the data was not what our cards send.
 */
export type ActionOutcome =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'posted'; readonly note: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'refused' };

const REFUSED: ActionOutcome = { kind: 'refused' };
const replaceWith = (c: AdaptiveCard): ActionOutcome => ({ kind: 'card', card: c });
const note = (text: string): ActionOutcome => ({ kind: 'note', text });
const posted = (text: string): ActionOutcome => ({ kind: 'posted', note: text });

export const CARD_ACTION_REPLIES = Object.freeze({
  expired: 'This card has expired, so your vote was not counted. Ask your question again for a fresh card.',
  notYourQuestion:
    'Only the person who asked this question can send it to the practice team. To suggest a question of your own, ask it yourself.',
  tooMany: "You've sent a lot of votes in the last minute. Please wait a moment, then try again.",
  posted: "I've posted it below.",
  replied: "I've replied below.",
  chosen: (name: string) => `Done: from now on I answer here from the ${name}.`,
});

/**
 * The one handler for every card button. Feedback and prompts replace their card; "Suggest this
 * question" posts its form beneath, and Send or Cancel replace the form. "open", "ask", "scheduleSave"
 * and "meetingOpeners" post their reply as new messages and leave the card as it was.
 */
export async function runCardAction(
  context: Turn,
  verb: Verb,
  payload: unknown,
  deps: BotDeps,
): Promise<ActionOutcome> {
  switch (verb) {
    case 'feedback': {
      const data = feedbackSchema.safeParse(payload);
      const entry = data.success ? deps.kb.entry(data.data.entryId) : undefined;
      if (!data.success || !entry) return REFUSED;
      // Only cards this bot issued can be voted on, and only for the entry they answered with: a made-up
      // id, or a genuine one with another entry, stores nothing.
      if (!(await deps.answerIds.verify(data.data.answerId, entry))) {
        deps.logger.info(
          turnInfo(context, { event: 'feedback-expired', entryId: entry.id }),
          'a vote named an answer card this bot did not issue',
        );
        return note(CARD_ACTION_REPLIES.expired);
      }
      const voter = await voterOf(context, deps);
      if (!votesAllowed(deps).take(voter)) {
        deps.logger.info(
          turnInfo(context, { event: 'feedback-limited', entryId: entry.id }),
          'one person voted too often in a minute',
        );
        return note(CARD_ACTION_REPLIES.tooMany);
      }
      const outcome = await deps.store.recordVote({
        answerId: data.data.answerId,
        voter,
        entryId: entry.id,
        day: utcDay(deps.clock.now()),
        helpful: data.data.helpful,
      });
      deps.logger.info(
        turnInfo(context, { event: 'feedback', entryId: entry.id, helpful: data.data.helpful, outcome }),
        'feedback recorded',
      );
      const { question, asker } = data.data;
      let card = answerCard({
        kb: deps.kb,
        result: directAnswer(entry),
        answerId: data.data.answerId,
        feedback: { helpful: data.data.helpful },
        audience: teamsActivity(context).kind === 'personal' ? 'individual' : 'group',
        ...(question !== undefined && { question, ...(asker !== undefined && { asker }) }),
      });
      // After "Not helpful", the person who asked may send their question to the practice team; in a
      // channel, anyone else pressing it is not offered someone else's words.
      if (!data.data.helpful && question && (await deps.answerIds.isAsker(asker, actorOf(context))))
        card = withSuggestButton(card, {
          question,
          frameworkId: entry.frameworkId,
          entryId: entry.id,
          ...(asker !== undefined && { asker }),
        });
      return replaceWith(card.card);
    }
    case 'anotherPrompt': {
      const data = anotherPromptSchema.safeParse(payload);
      const entry = data.success ? deps.kb.entry(data.data.entryId) : undefined;
      if (!data.success || !entry) return REFUSED;
      await deps.store.countDaily('another-prompt', entry.id, utcDay(deps.clock.now())).catch((error: unknown) => {
        deps.logger.warn(
          turnInfo(context, { event: 'count-failed', error: { message: (error as Error).message } }),
          'could not count the press',
        );
      });
      const card = reflectCard({
        kb: deps.kb,
        entry,
        promptIndex: data.data.promptIndex,
        audience: data.data.audience,
        ...(data.data.opener && { opener: true }),
      });
      return replaceWith(card.card);
    }
    case 'suggest': {
      // Nothing is kept yet: the form holds the question, and only Send stores it.
      const data = suggestSchema.safeParse(payload);
      if (!data.success) return REFUSED;
      const refused = await suggestionRefused(context, deps, data.data);
      if (refused) return refused;
      // The form goes beneath, as a message of its own: the card pressed (a not-sure card's 999 line, an
      // answer) stays as it was, and Send or Cancel change only the form.
      await context.sendActivity(cardActivity(suggestForm(data.data)));
      deps.logger.info(turnInfo(context, { event: 'suggest-form' }), 'showed the suggestion form');
      return posted(CARD_ACTION_REPLIES.posted);
    }
    case 'suggestSend': {
      const data = suggestSendSchema.safeParse(payload);
      if (!data.success) return REFUSED;
      const refused = await suggestionRefused(context, deps, data.data);
      if (refused) return refused;
      const ids = {
        frameworkId: data.data.frameworkId,
        ...(data.data.entryId !== undefined && { entryId: data.data.entryId }),
        ...(data.data.asker !== undefined && { asker: data.data.asker }),
      };
      const textSent = (data.data.suggestion ?? '').trim();
      // Refused with the reason, and the text back in the box to edit. The log says why, never what.
      const refuse = (problem: string, reason: string) => {
        deps.logger.info(turnInfo(context, { event: 'suggestion-refused', reason }), 'a suggestion was not sent');
        return replaceWith(suggestForm({ question: textSent, problem, ...ids }).card);
      };
      if (textSent === '') return refuse(SUGGEST_WORDING.empty, 'empty');
      if (textSent.length > MAX_SUGGESTION_LENGTH) return refuse(SUGGEST_WORDING.tooLong, 'too-long');
      const details = personalDetails(textSent, { publicNames: publicNamesOf(deps.kb) });
      if (details.length > 0) return refuse(SUGGEST_WORDING.personal(details), 'personal');
      await deps.store.addSuggestion({
        id: deps.newId(),
        text: textSent,
        day: utcDay(deps.clock.now()),
        frameworkId: ids.frameworkId,
        ...(ids.entryId !== undefined && { entryId: ids.entryId }),
      });
      deps.logger.info(
        turnInfo(context, { event: 'suggestion-sent', frameworkId: ids.frameworkId, entryId: ids.entryId }),
        'a question was sent to the practice team',
      );
      return replaceWith(suggestDone('sent').card);
    }
    case 'open': {
      const data = openVerbSchema.safeParse(payload);
      if (!data.success) return REFUSED;
      const entry = deps.kb.entry(data.data.entryId);
      if (!entry) return note(REPLIES.entryGone);
      await sendEntry(context, entry, deps);
      return posted(CARD_ACTION_REPLIES.posted);
    }
    case 'ask': {
      const data = askVerbSchema.safeParse(payload);
      if (!data.success) return REFUSED;
      await handleText(context, data.data.question, deps, data.data.frameworkId);
      return posted(CARD_ACTION_REPLIES.posted);
    }
    case 'scheduleSave': {
      // Teams adds the form's inputs to the data; the schedule form's schema (schedule/form.ts) checks each value and the reply says what to fix.
      const data = scheduleSaveVerbSchema.safeParse(payload ?? {});
      if (!data.success) return REFUSED;
      await saveSchedule(context, data.data, deps);
      return posted(CARD_ACTION_REPLIES.replied);
    }
    case 'meetingOpeners': {
      const data = meetingOpenersVerbSchema.safeParse(payload);
      if (!data.success) return REFUSED;
      await meetingCommand(context, data.data.on ? 'openers on' : 'openers off', deps);
      return posted(CARD_ACTION_REPLIES.replied);
    }
    case 'suggestCancel': {
      if (!suggestCancelSchema.safeParse(payload ?? {}).success) return REFUSED;
      return replaceWith(suggestDone('cancelled').card);
    }
    case 'chooseFramework': {
      // The first-run question: kept as the "framework" command keeps it, and the card becomes the welcome.
      const data = chooseFrameworkSchema.safeParse(payload);
      const framework = data.success ? deps.kb.framework(data.data.frameworkId) : undefined;
      if (!framework) return REFUSED;
      await chooseFramework(context, deps, framework);
      deps.logger.info(
        turnInfo(context, { event: 'framework-chosen', to: framework.id }),
        'framework chosen on the welcome',
      );
      // Chosen from an answer given before any was chosen: that answer stays, with a note to the person who chose.
      if (data.data?.keep) return note(CARD_ACTION_REPLIES.chosen(framework.name));
      const offerMeetingOpeners = teamsActivity(context).kind === 'channel' && !(await openersOn(context, deps));
      return replaceWith(
        welcomeCard({
          kb: deps.kb,
          frameworkId: framework.id,
          examples: framework.examples.slice(0, 3),
          offerMeetingOpeners,
          place:
            teamsActivity(context).kind === 'channel'
              ? 'team'
              : teamsActivity(context).kind === 'personal'
                ? 'personal'
                : 'group',
          retentionDays: deps.config.console.suggestionRetentionDays,
        }).card,
      );
    }
  }
}

/** Who pressed: their Entra object id (or Teams id), as the asker code on a card was made from. */
const actorOf = (context: Turn) => teamsActivity(context).actor ?? 'anonymous';

/**
 * A suggestion's press is taken only when it names a framework (and entry) served here, and only from the
 * person who asked: no one else's press shows the form or stores their words. Otherwise, what to answer.
 */
async function suggestionRefused(
  context: Turn,
  deps: BotDeps,
  ids: { frameworkId: string; entryId?: string | undefined; asker?: string | undefined },
): Promise<ActionOutcome | undefined> {
  if (!deps.kb.framework(ids.frameworkId) || (ids.entryId !== undefined && !deps.kb.entry(ids.entryId))) return REFUSED;
  if (!(await deps.answerIds.isAsker(ids.asker, actorOf(context)))) return notTheAsker(context, deps);
  return undefined;
}

/** Someone other than the asker pressed Suggest or Send: nothing is shown or stored. The log says why, never what. */
function notTheAsker(context: Turn, deps: BotDeps): ActionOutcome {
  deps.logger.info(
    turnInfo(context, { event: 'suggestion-refused', reason: 'not-the-asker' }),
    'a suggestion was not sent',
  );
  return note(CARD_ACTION_REPLIES.notYourQuestion);
}

/** A one-way code for the voter: enough to replace their vote, not enough to say who they are. */
function voterOf(context: Turn, deps: BotDeps): Promise<string> {
  return deps.voterCodes.code(actorOf(context));
}
