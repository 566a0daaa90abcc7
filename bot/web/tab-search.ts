import { answerChoices, MAX_ALTERNATIVES } from '../../cards/answer-choices';
import { displayTitle } from '../../knowledge/kb/model';
import type { Entry, KnowledgeBase } from '../../knowledge/kb/model';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import type { AnswerResult, Match } from '../../knowledge/search/answer';

// The tab's search, /api/tab/search: the answer card's choices, as data.

export interface TabMatch {
  readonly id: string;
  readonly frameworkId: string;
  readonly heading: string;
  readonly summary: string;
}

export type TabSearchResult = {
  /** True when the question was longer than the bot reads, so only its start was searched. */
  readonly cut: boolean;
  /** True when the question seems to hold personal details: the page reminds the person gently. */
  readonly reminder: boolean;
  /** When the question speaks of an urgent worry about a child: the framework's urgent signpost, shown first. */
  readonly urgent?: { readonly text: string; readonly link?: string };
} & (
  | {
      readonly found: true;
      readonly confident: boolean;
      readonly best: TabMatch;
      readonly didYouMean: readonly TabMatch[];
      readonly related: readonly TabMatch[];
    }
  | {
      readonly found: false;
      readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered';
      readonly suggestions: readonly TabMatch[];
    }
);

const tabMatch = (entry: Entry): TabMatch => ({
  id: entry.id,
  frameworkId: entry.frameworkId,
  heading: displayTitle(entry),
  summary: entry.summary,
});

/** The answer card's choices, as data: the best entry, "did you mean" when unsure, and the entry's related ones. */
export function tabSearchResult(
  kb: KnowledgeBase,
  result: AnswerResult,
  flags: { cut: boolean; reminder: boolean; urgent?: { text: string; link?: string } },
): TabSearchResult {
  const entries = (matches: readonly Match[]) => matches.map((m) => tabMatch(m.entry));
  if (!result.found)
    return {
      ...flags,
      found: false,
      reason: result.reason,
      suggestions: entries(result.suggestions).slice(0, MAX_ALTERNATIVES),
    };
  const { alternatives, related } = answerChoices(kb, result);
  return {
    ...flags,
    found: true,
    confident: result.confident,
    best: tabMatch(result.entry),
    didYouMean: alternatives.map(tabMatch),
    related: related.map(tabMatch),
  };
}

type SearchRequest =
  { ok: true; question: string; cut: boolean; framework: string } | { ok: false; code: string; message: string };

/** Reads ?q= (required, once) and ?framework= (optional, once). Longer questions are cut as the bot cuts them. */
export function parseSearchRequest(url: string, kb: KnowledgeBase, defaultFramework: string): SearchRequest {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const questions = params.getAll('q');
  const frameworks = params.getAll('framework');
  if (questions.length === 0)
    return {
      ok: false,
      code: 'MissingQuestion',
      message: 'Add your question as ?q=, for example /api/tab/search?q=principle%207.',
    };
  if (questions.length > 1 || frameworks.length > 1)
    return { ok: false, code: 'RepeatedParameter', message: 'Give q, and framework if you use it, only once.' };
  const framework = frameworks[0] ?? defaultFramework;
  if (!kb.framework(framework)) {
    const known = kb.frameworks.map((f) => f.id).join(', ');
    return {
      ok: false,
      code: 'UnknownFramework',
      message: `There is no framework with that id. Use one of: ${known}.`,
    };
  }
  const question = questions[0] ?? '';
  return {
    ok: true,
    question: question.slice(0, MAX_QUESTION_LENGTH),
    cut: question.length > MAX_QUESTION_LENGTH,
    framework,
  };
}
