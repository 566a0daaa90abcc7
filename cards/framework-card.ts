import type { KnowledgeBase } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { factSet, heading, lead, text } from './elements';
import { frameworkName } from './framework-name';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface FrameworkCardInput {
  readonly kb: KnowledgeBase;
  /** The framework this chat uses now. */
  readonly currentId: string;
  /** The framework it used before, when this card confirms a change. */
  readonly changedFrom?: string;
}

/** Which framework this chat uses (or that it has just changed), what it is, and how to switch to another. */
export function frameworkCard(input: FrameworkCardInput): CardMessage {
  const { kb, currentId, changedFrom } = input;
  const current = kb.framework(currentId);
  const name = frameworkName(kb, currentId);
  const shortName = (id: string) => kb.framework(id)?.shortName ?? id;
  const line =
    changedFrom === undefined
      ? `This chat uses the ${name}.`
      : `Switched from ${shortName(changedFrom)} to ${shortName(currentId)}.`;
  const others = kb.frameworks.filter((f) => f.id !== currentId);

  const body: Element[] = [
    lead(line),
    ...(changedFrom === undefined ? [] : [text(`This chat now uses the ${name}.`, { spacing: 'Small' })]),
    ...(current ? [text(current.description)] : []),
    ...(others.length > 0
      ? [
          heading(WORDING.framework.otherFrameworks),
          text(WORDING.framework.howToSwitch, { spacing: 'Small' }),
          factSet(others.map((f) => [`framework ${f.id}`, f.name] as const)),
        ]
      : []),
  ];
  const switchLines = others.map((f) => `• framework ${f.id}: ${f.name}`);
  return cardMessage({
    body,
    speak: line,
    fallbackText: [
      line,
      ...(current ? [current.description] : []),
      ...(others.length > 0 ? [WORDING.framework.howToSwitch] : []),
      ...switchLines,
    ].join('\n'),
    summary: line,
  });
}
