import type { Entry } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import type { AnotherPromptData, FeedbackData } from './actions';
import { messageBack } from './actions';
import type { ExecuteAction, SubmitAction } from './elements';
import { WORDING } from './wording';

/** Opens an entry, showing its title in the chat as if the person had typed it. */
export function openButton(entry: Entry): SubmitAction {
  const label = displayTitle(entry);
  return { type: 'Action.Submit', title: label, data: messageBack({ action: 'open', entryId: entry.id }, label) };
}

/** Asks a question for the person, showing it in the chat. */
export function askButton(question: string): SubmitAction {
  const label = question.charAt(0).toUpperCase() + question.slice(1);
  return { type: 'Action.Submit', title: label, data: messageBack({ action: 'ask', question }, question) };
}

export function feedbackButton(data: FeedbackData): ExecuteAction {
  return { type: 'Action.Execute', title: data.helpful ? WORDING.helpful : WORDING.notHelpful, verb: 'feedback', data };
}

export function anotherPromptButton(data: AnotherPromptData): ExecuteAction {
  return { type: 'Action.Execute', title: WORDING.anotherPrompt, verb: 'anotherPrompt', data };
}
