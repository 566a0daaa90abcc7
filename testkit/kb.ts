import { loadKnowledgeBase } from '../knowledge/kb/load';
import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { formatProblem } from '../knowledge/kb/problems';
import { createSearch } from '../knowledge/search/answer';
import type { Search } from '../knowledge/search/answer';

export function loadOrThrow(dir?: string): KnowledgeBase {
  const loaded = loadKnowledgeBase(dir);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.kb;
}

/** The entry with this id; fails the test when the knowledge base has none. */
export function entryOf(kb: KnowledgeBase, id: string): Entry {
  const entry = kb.entry(id);
  if (!entry) throw new Error(`No entry ${id}`);
  return entry;
}

let shipped: Search | undefined;
/** The search over the shipped knowledge base, built once per test file. */
export function shippedSearch(): Search {
  shipped ??= createSearch(loadOrThrow());
  return shipped;
}
