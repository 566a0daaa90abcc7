import type { KnowledgeBase } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { ChooseFrameworkData } from './actions';
import type { Element, ExecuteAction } from './elements';
import { actionSet, factSet, heading, lead, text } from './elements';
import { frameworkName } from './framework-name';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface FrameworkCardInput {
  readonly kb: KnowledgeBase;
  /** The framework this chat uses now; absent when several are served and none was chosen here. */
  readonly currentId?: string;
  /** The framework it used before, when this card confirms a change. */
  readonly changedFrom?: string;
}

/** Which framework this chat uses (or that it has just changed, or that none is chosen yet), what it is, and how to switch. */
export function frameworkCard(input: FrameworkCardInput): CardMessage {
  const { kb, currentId, changedFrom } = input;
  if (currentId === undefined) return unchosenCard(kb);
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

/** None chosen here: say so plainly (never "This chat uses…"), and offer each framework, as a button and as a command. */
function unchosenCard(kb: KnowledgeBase): CardMessage {
  const line = WORDING.framework.noneChosen;
  const buttons: ExecuteAction[] = kb.frameworks.slice(0, 5).map((f) => {
    const data: ChooseFrameworkData = { frameworkId: f.id };
    return { type: 'Action.Execute', title: f.shortName, verb: 'chooseFramework', data };
  });
  const body: Element[] = [
    lead(line),
    text(WORDING.chooseFramework.why, { spacing: 'Small' }),
    actionSet(buttons),
    text(WORDING.framework.orType, { spacing: 'Medium' }),
    factSet(kb.frameworks.map((f) => [`framework ${f.id}`, f.name] as const)),
  ];
  const lines = [line, WORDING.framework.orType, ...kb.frameworks.map((f) => `• framework ${f.id}: ${f.name}`)];
  return cardMessage({ body, speak: line, fallbackText: lines.join('\n'), summary: line });
}
