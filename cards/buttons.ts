import type { Entry } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import type { AnotherPromptData, AskData, FeedbackData } from './actions';
import type { ExecuteAction } from './elements';
import { WORDING } from './wording';

/** Opens an entry: the bot posts its card as a new message. */
export function openButton(entry: Entry): ExecuteAction {
  return { type: 'Action.Execute', title: buttonTitle(displayTitle(entry)), verb: 'open', data: { entryId: entry.id } };
}

/**
 * Asks a question for the person: the bot posts the answer as a new message. With `frameworkId`, the
 * framework the card was made for answers it, even after the chat has switched to another.
 */
export function askButton(question: string, frameworkId?: string): ExecuteAction {
  const label = question.charAt(0).toUpperCase() + question.slice(1);
  const data: AskData = { question, ...(frameworkId !== undefined && { frameworkId }) };
  return { type: 'Action.Execute', title: buttonTitle(label), verb: 'ask', data };
}

/**
 * Button titles do not wrap in Teams or the Playground: a long one runs off a phone's card.
 * Titles longer than this are cut at a word and end with "…"; the full text arrives with the reply.
 */
export const MAX_BUTTON_TITLE = 40;

export function buttonTitle(label: string): string {
  if (label.length <= MAX_BUTTON_TITLE) return label;
  const cut = label.slice(0, MAX_BUTTON_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= MAX_BUTTON_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

export function feedbackButton(data: FeedbackData): ExecuteAction {
  return { type: 'Action.Execute', title: data.helpful ? WORDING.helpful : WORDING.notHelpful, verb: 'feedback', data };
}

export function anotherPromptButton(data: AnotherPromptData): ExecuteAction {
  return { type: 'Action.Execute', title: WORDING.anotherPrompt, verb: 'anotherPrompt', data };
}
