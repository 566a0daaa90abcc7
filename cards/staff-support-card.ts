import type { Signposts } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { small, text } from './elements';
import { signpostBody, signpostElements, signpostLines } from './signposts';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface StaffSupportCardInput {
  /** The signposts of the place's framework. */
  readonly signposts: Signposts;
}

/**
 * Sent first when a question speaks of the asker's own wellbeing ("I'm burnt out and finding it hard"):
 * a kind word, then where support is (supervision, manager, employee assistance), never a framework entry.
 */
export function staffSupportCard(input: StaffSupportCardInput): CardMessage {
  const w = WORDING.staffSupport;
  const { signposts } = input;
  const body: Element[] = [
    text(w.title, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    text(w.kind, { spacing: 'Small' }),
    ...signpostBody(signposts.staffSupport, true),
    ...signpostElements(signposts, ['caseAdvice']),
    small(w.private),
  ];
  const lines = [w.title, w.kind, signposts.staffSupport.text, ...signpostLines(signposts, ['caseAdvice']), w.private];
  return cardMessage({
    body,
    speak: `${w.title}. ${signposts.staffSupport.text}`,
    fallbackText: lines.join('\n'),
    summary: signposts.staffSupport.text,
  });
}
