import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import { openButton } from './buttons';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, heading, text, title } from './elements';
import type { CardMessage } from './types';

export interface ListCardInput {
  readonly kb: KnowledgeBase;
  readonly title: string;
  readonly intro?: string;
  readonly entries: readonly Entry[];
}

/**
 * A list of entries to open, such as "The 10 Relational Practice Principles". Each button has its
 * own row (hosts cap the buttons in one set), and entries from several frameworks are grouped under their names.
 */
export function listCard(input: ListCardInput): CardMessage {
  const groups = groupByFramework(input.entries);
  const grouped = groups.length > 1;
  const body: Element[] = [
    title(input.title),
    ...(input.intro ? [text(input.intro)] : []),
    ...groups.flatMap(([frameworkId, entries]) => [
      ...(grouped ? [heading(input.kb.framework(frameworkId)?.name ?? frameworkId)] : []),
      ...entries.map((entry) => actionSet([openButton(entry)])),
    ]),
  ];
  const names = input.entries.map(displayTitle);
  return cardMessage({
    body,
    speak: `${input.title}. ${names.join('. ')}.`,
    fallbackText: [input.title, ...names.map((n) => `• ${n}`)].join('\n'),
    summary: `${input.title}: ${names.join(', ')}`,
  });
}

/** Entries grouped by framework, in the order the frameworks first appear. */
function groupByFramework(entries: readonly Entry[]): Array<[string, Entry[]]> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.frameworkId);
    if (group) group.push(entry);
    else groups.set(entry.frameworkId, [entry]);
  }
  return [...groups];
}
