import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import type { Element } from './elements';
import { actionSet, text } from './elements';
import { fullText } from './full-text';
import { sourceText } from './source-line';
import { WORDING } from './wording';

const label = (value: string) => text(value, { size: 'Small', weight: 'Bolder', isSubtle: true, spacing: 'Medium' });

/**
 * Keeps the bot's words apart from the framework's: "In short" is Practice Companion's own summary;
 * "The framework says" holds the source's words, and the source line sits with them, never under the summary.
 */
export function inShortAndFrameworkSays(kb: KnowledgeBase, entry: Entry, toggleTitle?: string): Element[] {
  const framework = kb.framework(entry.frameworkId);
  const { toggle, container } = fullText(entry, toggleTitle);
  return [
    label(WORDING.inShort),
    text(entry.summary, { spacing: 'Small' }),
    label(WORDING.frameworkSays),
    actionSet([toggle]),
    container,
    ...(framework ? [text(sourceText(framework), { size: 'Small', isSubtle: true, spacing: 'Small' })] : []),
  ];
}
