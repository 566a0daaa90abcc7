import type { Signposts } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { small, text } from './elements';
import { signpostBody, signpostElements, signpostLines } from './signposts';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface UrgentCardInput {
  /** The signposts of the place's framework. */
  readonly signposts: Signposts;
}

/**
 * Sent first, before any framework entry, when a question speaks of an urgent worry about a child:
 * what to do now, where case decisions are made, where the procedures are, and support for the asker.
 */
export function urgentCard(input: UrgentCardInput): CardMessage {
  const s = WORDING.signposts;
  const { signposts } = input;
  const body: Element[] = [
    text(s.urgentTitle, { size: 'Medium', weight: 'Bolder', style: 'heading', color: 'Attention' }),
    ...signpostBody(signposts.urgent, true),
    ...signpostElements(signposts, ['caseAdvice', 'procedures', 'staffSupport']),
    small(s.notForCases),
  ];
  const lines = [
    s.urgentTitle,
    signposts.urgent.text,
    ...signpostLines(signposts, ['caseAdvice', 'procedures', 'staffSupport']),
    s.notForCases,
  ];
  return cardMessage({
    body,
    speak: `${s.urgentTitle}. ${signposts.urgent.text}`,
    fallbackText: lines.join('\n'),
    summary: signposts.urgent.text,
  });
}
