import type { DetailKind } from '../knowledge/safety';
import { detailsNoticed } from '../knowledge/respond/words';
import type { SuggestData } from './actions';
import { cardMessage } from './card-message';
import type { Element, ExecuteAction } from './elements';
import { actionSet, lead, text } from './elements';
import type { CardMessage } from './types';

/** Suggesting a question to the practice team, by consent: the button, the form, and what follows. */

export const SUGGEST_WORDING = Object.freeze({
  button: 'Suggest this question to the practice team',
  formHeading: 'Suggest this question to the practice team',
  label: 'Your question',
  whoSees:
    'The practice team will see it, without your name. Please remove anything that could identify a child or family.',
  send: 'Send',
  cancel: 'Cancel',
  sent: 'Thank you. Your question was sent to the practice team, without your name.',
  cancelled: 'Not sent. Nothing was kept.',
  empty: 'There is nothing to send yet: type the question in the box.',
  tooLong: 'That is longer than 1,000 characters: please shorten it.',
  /** Names the kinds of detail noticed ("a name, an age and a school"), never the detail itself. */
  personal: (kinds: readonly DetailKind[]) =>
    `This looks as though it holds ${detailsNoticed(kinds)}. Please take out anything that could identify a child or family, then send again.`,
});

export const MAX_SUGGESTION_LENGTH = 1000;
/** The Input.Text's id: Teams sends its value under this name with Send. */
export const SUGGESTION_INPUT = 'suggestion';

export function suggestButton(data: SuggestData): ExecuteAction {
  return { type: 'Action.Execute', title: SUGGEST_WORDING.button, verb: 'suggest', data };
}

/** Adds the "Suggest this question" button to the end of a card, leaving the rest as it was. */
export function withSuggestButton(message: CardMessage, data: SuggestData): CardMessage {
  return { ...message, card: { ...message.card, body: [...message.card.body, actionSet([suggestButton(data)])] } };
}

export interface SuggestFormInput {
  readonly question: string;
  readonly frameworkId: string;
  readonly entryId?: string | undefined;
  /** The code of the person who asked: Send carries it, and only their press stores the question. */
  readonly asker?: string | undefined;
  /** Why the last Send was refused, shown above the box. */
  readonly problem?: string;
}

/** The question in an editable box, what the practice team will see, and Send / Cancel. */
export function suggestForm(input: SuggestFormInput): CardMessage {
  const ids = {
    frameworkId: input.frameworkId,
    ...(input.entryId !== undefined && { entryId: input.entryId }),
    ...(input.asker !== undefined && { asker: input.asker }),
  };
  const body: Element[] = [
    lead(SUGGEST_WORDING.formHeading),
    ...(input.problem !== undefined ? [text(input.problem, { color: 'Attention', weight: 'Bolder' })] : []),
    {
      type: 'Input.Text',
      id: SUGGESTION_INPUT,
      label: SUGGEST_WORDING.label,
      value: input.question.slice(0, MAX_SUGGESTION_LENGTH),
      isMultiline: true,
      maxLength: MAX_SUGGESTION_LENGTH,
      isRequired: true,
      errorMessage: SUGGEST_WORDING.empty,
    } as Element,
    text(SUGGEST_WORDING.whoSees, { spacing: 'Small' }),
    actionSet([
      { type: 'Action.Execute', title: SUGGEST_WORDING.send, verb: 'suggestSend', data: ids },
      {
        type: 'Action.Execute',
        title: SUGGEST_WORDING.cancel,
        verb: 'suggestCancel',
        data: { frameworkId: input.frameworkId },
      },
    ]),
  ];
  return cardMessage({
    body,
    speak: SUGGEST_WORDING.formHeading,
    fallbackText: SUGGEST_WORDING.whoSees,
    summary: SUGGEST_WORDING.formHeading,
  });
}

/** What replaces the form after Send or Cancel. */
export function suggestDone(outcome: 'sent' | 'cancelled'): CardMessage {
  const line = SUGGEST_WORDING[outcome];
  return cardMessage({ body: [text(line)], speak: line, fallbackText: line, summary: line });
}
