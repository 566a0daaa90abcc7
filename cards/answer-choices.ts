import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import type { AnswerResult } from '../knowledge/search/answer';

export const MAX_RELATED = 4;
export const MAX_ALTERNATIVES = 3;

/**
 * What an answer offers besides its entry: "did you mean" entries when the search is not sure, and
 * the entry's related ones not already shown. The answer card and the tab's search both show these.
 */
export function answerChoices(
  kb: KnowledgeBase,
  result: Extract<AnswerResult, { found: true }>,
): { readonly alternatives: readonly Entry[]; readonly related: readonly Entry[] } {
  const alternatives = result.confident ? [] : result.alternatives.slice(0, MAX_ALTERNATIVES).map((m) => m.entry);
  const shown = new Set([result.entry.id, ...alternatives.map((e) => e.id)]);
  const related = result.entry.related
    .map((id) => kb.entry(id))
    .filter((e): e is Entry => e !== undefined && !shown.has(e.id))
    .slice(0, MAX_RELATED);
  return { alternatives, related };
}
