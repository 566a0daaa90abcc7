import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import type { TextBlock } from './elements';
import { subtle, title } from './elements';

/** "Principle 7 · Be professionally curious", large and bold, with the framework's name quietly underneath. */
export function entryHeading(kb: KnowledgeBase, entry: Entry): TextBlock[] {
  const framework = kb.framework(entry.frameworkId);
  return [title(displayTitle(entry)), ...(framework ? [subtle(framework.name)] : [])];
}
