import type { KnowledgeBase } from '../knowledge/kb/model';
import { askButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, lead, small, text } from './elements';
import { frameworkName } from './framework-name';
import type { CardMessage } from './types';
import { WORDING, privacyLine } from './wording';

export const MAX_WELCOME_EXAMPLES = 3;

export interface WelcomeCardInput {
  readonly kb: KnowledgeBase;
  /** The framework this chat uses. */
  readonly frameworkId: string;
  readonly examples: readonly string[];
  /** In a team whose meetings have no openers yet: offer them, with a button. */
  readonly offerMeetingOpeners?: boolean;
  /** In a meeting chat: whether this meeting gets an opener. */
  readonly meetingOpenersOn?: boolean;
  /** Where it is shown: a team's channel or a group chat say to @mention me; a personal chat need not. */
  readonly place?: 'personal' | 'group' | 'team';
  /** Days a question sent to the practice team is kept (SUGGESTION_RETENTION_DAYS), for the privacy line. */
  readonly retentionDays: number;
}

/** The first thing people see: what the bot does, which framework it uses, a few questions to try, and what happens to their words. */
export function welcomeCard(input: WelcomeCardInput): CardMessage {
  const w = WORDING.welcome;
  const place = input.place ?? 'personal';
  const uses = w.uses(place === 'team' ? 'team' : 'chat', frameworkName(input.kb, input.frameworkId));
  const mention = place === 'personal' ? [] : [w.mention(place === 'team' ? 'team' : 'chat')];
  // Where only one framework is served there is nothing to switch to, so switching is not mentioned.
  const where = input.kb.frameworks.length > 1 ? `${uses} ${w.change}` : uses;
  const examples = input.examples.slice(0, MAX_WELCOME_EXAMPLES);
  const body: Element[] = [
    lead(w.greeting),
    text(WORDING.purpose, { weight: 'Bolder' }),
    text(w.answers),
    text(w.reflects, { spacing: 'Small' }),
    text(where),
    ...mention.map((line) => text(line, { weight: 'Bolder' })),
    ...(examples.length > 0
      ? [heading(WORDING.youCouldAsk), actionSet(examples.map((q) => askButton(q, input.frameworkId)))]
      : []),
    ...(input.offerMeetingOpeners
      ? [
          heading(w.meetingsHeading),
          text(w.meetingsOffer, { spacing: 'Small' }),
          actionSet([{ type: 'Action.Execute', title: w.meetingsButton, verb: 'meetingOpeners', data: { on: true } }]),
        ]
      : []),
    ...(input.meetingOpenersOn !== undefined ? [text(input.meetingOpenersOn ? w.meetingOn : w.meetingOff)] : []),
    small(privacyLine(input.retentionDays)),
  ];
  const lines = [w.greeting, WORDING.purpose, w.answers, w.reflects, where, ...mention];
  return cardMessage({
    body,
    speak: lines.join(' '),
    fallbackText: [...lines, privacyLine(input.retentionDays)].join('\n'),
    summary: `${w.greeting} ${w.answers}`,
  });
}
