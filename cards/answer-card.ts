import type { KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import type { DetailKind } from '../knowledge/safety';
import type { AnswerResult } from '../knowledge/search/answer';
import { answerChoices } from './answer-choices';
import { feedbackButton, openButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, small, text } from './elements';
import { entryHeading } from './entry-heading';
import { inShortAndFrameworkSays } from './entry-sections';
import { reminderFor } from './pii-reminder';
import { promptAt } from './prompt';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface AnswerCardInput {
  readonly kb: KnowledgeBase;
  readonly result: Extract<AnswerResult, { found: true }>;
  /** Identifies this card in feedback; made by the caller. */
  readonly answerId: string;
  /** Kinds of personal detail the question seemed to hold: a gentle reminder opens the card. */
  readonly reminder?: readonly DetailKind[];
  /** The vote already recorded, when the card is shown again after one. */
  readonly feedback?: { readonly helpful: boolean };
  readonly promptIndex?: number;
  /** The framework of the chat it is asked in; an answer from another one (the question named it) says so. */
  readonly chatFrameworkId?: string;
  /** The question asked: carried in the vote buttons only, so "Not helpful" can offer to suggest it. */
  readonly question?: string;
  /** In a channel, group chat or meeting: the entry's group prompt and "keep replies general", as posts have. */
  readonly audience?: 'individual' | 'group';
  /** The code of the person who asked, carried with the question: only they may send it on. */
  readonly asker?: string;
}

/** The answer to a question: the entry, its full text on request, one prompt to reflect on, where to go next, and "did this help?". */
export function answerCard(input: AnswerCardInput): CardMessage {
  const { kb, result } = input;
  const { entry } = result;
  const framework = kb.framework(entry.frameworkId);
  const group = input.audience === 'group';
  const prompt = promptAt(
    group && entry.groupPrompts.length > 0 ? entry.groupPrompts : entry.prompts,
    input.promptIndex ?? 0,
  );
  const { alternatives, related } = answerChoices(kb, result);

  const chat =
    input.chatFrameworkId !== undefined && input.chatFrameworkId !== entry.frameworkId
      ? kb.framework(input.chatFrameworkId)
      : undefined;
  const body: Element[] = [
    ...reminderFor(input.reminder),
    ...(chat && framework ? [otherFrameworkNote(framework.shortName, chat.shortName)] : []),
    ...entryHeading(kb, entry),
    ...inShortAndFrameworkSays(kb, entry),
    ...(alternatives.length > 0 ? [heading(WORDING.didYouMean), actionSet(alternatives.map(openButton))] : []),
    ...(prompt ? [heading(WORDING.reflect), text(prompt, { spacing: 'Small' })] : []),
    ...(group ? [small(WORDING.noDetailsInReplies)] : []),
    ...(related.length > 0 ? [heading(WORDING.related), actionSet(related.map(openButton))] : []),
    ...feedbackSection(input.answerId, entry.id, input.feedback, input.question, input.asker),
  ];

  const title = displayTitle(entry);
  return cardMessage({
    body,
    speak: `${title}. ${entry.summary}`,
    fallbackText: `${title}\n\n${entry.summary}`,
    summary: `${title}: ${entry.summary}`,
  });
}

/** You named another framework, so this answer is from it, not from the chat's own. */
export function otherFrameworkText(answeredFrom: string, chatUses: string): string {
  return `You asked about the ${answeredFrom} framework, so this is from it. This chat uses the ${chatUses} framework.`;
}
const otherFrameworkNote = (answeredFrom: string, chatUses: string) =>
  text(otherFrameworkText(answeredFrom, chatUses), { size: 'Small', color: 'Accent', spacing: 'Small' });

/** "Did this help?", or after a vote, thanks that say which vote was kept; both buttons stay so the vote can change. */
function feedbackSection(
  answerId: string,
  entryId: string,
  feedback: { readonly helpful: boolean } | undefined,
  question: string | undefined,
  asker: string | undefined,
): Element[] {
  const q = question === undefined ? {} : { question, ...(asker !== undefined && { asker }) };
  const line =
    feedback === undefined ? WORDING.didThisHelp : feedback.helpful ? WORDING.thanksHelpful : WORDING.thanksNotHelpful;
  return [
    heading(line),
    actionSet([
      feedbackButton({ answerId, entryId, helpful: true, ...q }),
      feedbackButton({ answerId, entryId, helpful: false, ...q }),
    ]),
  ];
}
