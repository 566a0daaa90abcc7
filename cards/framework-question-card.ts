import type { KnowledgeBase } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { ChooseFrameworkData } from './actions';
import type { Element, ExecuteAction } from './elements';
import { actionSet, lead, small, text } from './elements';
import type { CardMessage } from './types';
import { WORDING, privacyLine } from './wording';

export interface FrameworkQuestionCardInput {
  readonly kb: KnowledgeBase;
  /** Where the bot was added: a team is asked about the team, anything else about the chat. */
  readonly place: 'team' | 'chat';
  /** Days a question sent to the practice team is kept (SUGGESTION_RETENTION_DAYS), for the privacy line. */
  readonly retentionDays: number;
}

/**
 * The welcome when more than one framework is served and none is configured: before anything else,
 * which framework this team or chat uses, one button each (Action.Execute, so it works in the Agents
 * Playground too). The choice is kept as the "framework" command keeps it, and the card becomes the welcome.
 */
export function frameworkQuestionCard(input: FrameworkQuestionCardInput): CardMessage {
  const w = WORDING.welcome;
  const question = WORDING.chooseFramework.question(input.place);
  const buttons: ExecuteAction[] = input.kb.frameworks.map((f) => {
    const data: ChooseFrameworkData = { frameworkId: f.id };
    return { type: 'Action.Execute', title: f.shortName, verb: 'chooseFramework', data };
  });
  const body: Element[] = [
    lead(w.greeting),
    text(WORDING.purpose, { weight: 'Bolder' }),
    text(w.answers),
    lead(question),
    text(WORDING.chooseFramework.why, { spacing: 'Small' }),
    actionSet(buttons),
    small(WORDING.chooseFramework.later),
    small(privacyLine(input.retentionDays)),
  ];
  const names = input.kb.frameworks.map((f) => `"framework ${f.id}" for ${f.shortName}`).join(', or ');
  const lines = [w.greeting, WORDING.purpose, question, `Type ${names}.`];
  return cardMessage({
    body,
    speak: [w.greeting, question].join(' '),
    fallbackText: [...lines, privacyLine(input.retentionDays)].join('\n'),
    summary: `${w.greeting} ${question}`,
  });
}
