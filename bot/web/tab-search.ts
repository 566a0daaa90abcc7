import { answerChoices, MAX_ALTERNATIVES } from '../../cards/answer-choices';
import { displayTitle } from '../../knowledge/kb/model';
import type { Entry, KnowledgeBase, Signposts } from '../../knowledge/kb/model';
import { RESPONSE_WORDS, ROUTE_CONTENT, SIGNPOST_HEADINGS } from '../../knowledge/respond';
import type { Response, SignpostName } from '../../knowledge/respond';
import type { SafetyRoute } from '../../knowledge/safety';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import type { Match } from '../../knowledge/search/answer';

// The tab's search, /api/tab/search: the chat's response (knowledge/respond), as data the page lays out.

export interface TabMatch {
  readonly id: string;
  readonly frameworkId: string;
  readonly heading: string;
  readonly summary: string;
}

/** A signpost as the page shows it: under its heading, with its link when it has one. */
export interface TabSignpost {
  readonly heading: string;
  readonly text: string;
  readonly link?: string;
}

/** A safety route, shown first: its title, a kind word, where to go now (in bold), then the other places. */
export interface TabRoute {
  readonly route: SafetyRoute;
  readonly title: string;
  readonly kind?: string;
  readonly main: { readonly text: string; readonly link?: string };
  readonly more: readonly TabSignpost[];
  readonly closing: string;
}

export type TabSearchResult = {
  /** True when the question was longer than the bot reads, so only its start was searched. */
  readonly cut: boolean;
  /** When the question seems to hold personal details: the gentle reminder, naming the kind, never the detail. */
  readonly reminder?: string;
  /** The safety routes, each shown before anything else. */
  readonly routes: readonly TabRoute[];
  /** An ordinary question that only mentions risk: one calm line under its answer. */
  readonly calm?: string;
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
      /** 'route': a safety route stands alone, with nothing from the framework after it. */
      readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered' | 'route';
      /** The opening line: "I'm not sure…", "The framework doesn't cover section 47.", or the first route's title. */
      readonly line: string;
      readonly suggestions: readonly TabMatch[];
      /** What to do next, under the line: ask in other words, or (for a decline) go elsewhere. */
      readonly hint?: string;
      /** For a decline: who wrote the framework and when, and "check your intranet" (who holds a role now). */
      readonly wroteIt: readonly string[];
      /** Where to go instead. */
      readonly whereToGo: readonly TabSignpost[];
    }
);

const tabMatch = (entry: Entry): TabMatch => ({
  id: entry.id,
  frameworkId: entry.frameworkId,
  heading: displayTitle(entry),
  summary: entry.summary,
});

const tabSignpost = (signposts: Signposts, name: SignpostName): TabSignpost => ({
  heading: SIGNPOST_HEADINGS[name],
  ...signposts[name],
});

function tabRoute(route: SafetyRoute, signposts: Signposts): TabRoute {
  const c = ROUTE_CONTENT[route];
  return {
    route,
    title: c.title,
    ...(c.kind !== undefined && { kind: c.kind }),
    main: signposts[c.main],
    more: [...c.more, ...(c.foot ? [c.foot] : [])].map((name) => tabSignpost(signposts, name)),
    closing: c.closing,
  };
}

/** The response as the page shows it: the routes, then the best entry with "did you mean" and related entries, or a kind "not sure". */
export function tabSearchResult(kb: KnowledgeBase, response: Response, flags: { cut: boolean }): TabSearchResult {
  const { reply, signposts, reminders } = response;
  const shared = {
    cut: flags.cut,
    ...(reminders.personalDetails.length > 0 && {
      reminder: RESPONSE_WORDS.reminder(reminders.personalDetails, 'tab'),
    }),
    routes: response.routes.map((route) => tabRoute(route, signposts)),
    ...(reminders.calm && { calm: signposts.urgent.text }),
  };
  if (reply?.kind === 'answer') {
    const { alternatives, related } = answerChoices(kb, reply.result);
    return {
      ...shared,
      found: true,
      confident: reply.result.confident,
      best: tabMatch(reply.result.entry),
      didYouMean: alternatives.map(tabMatch),
      related: related.map(tabMatch),
    };
  }
  const entries = (matches: readonly Match[]) => matches.map((m) => tabMatch(m.entry));
  if (!reply)
    return {
      ...shared,
      found: false,
      reason: 'route',
      line: shared.routes[0]?.title ?? RESPONSE_WORDS.noAnswer['no-match'],
      suggestions: [],
      wroteIt: [],
      whereToGo: [],
    };
  const { result } = reply;
  const wroteIt = reply.kind === 'decline' ? reply.wroteIt.map((f) => RESPONSE_WORDS.wroteIt(f)) : [];
  return {
    ...shared,
    found: false,
    reason: result.reason,
    line:
      result.reason === 'not-covered' && result.notCovered !== undefined
        ? RESPONSE_WORDS.notCovered(result.notCovered)
        : RESPONSE_WORDS.noAnswer[result.reason],
    ...(reply.kind === 'decline' && { hint: RESPONSE_WORDS.notCoveredHint }),
    suggestions: entries(result.suggestions).slice(0, MAX_ALTERNATIVES),
    wroteIt: wroteIt.length > 0 ? [...wroteIt, RESPONSE_WORDS.checkIntranet] : [],
    whereToGo: reply.whereToGo.map((name) => tabSignpost(signposts, name)),
  };
}

type SearchRequest =
  | { ok: true; question: string; cut: boolean; framework: string | undefined }
  | { ok: false; code: string; message: string };

/**
 * Reads ?q= (required, once) and ?framework= (optional, once). Without a framework ("Both frameworks"),
 * search finds the best match across every framework served. Longer questions are cut as the bot cuts them.
 */
export function parseSearchRequest(url: string, kb: KnowledgeBase): SearchRequest {
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
  const framework = frameworks[0] || undefined;
  if (framework !== undefined && !kb.framework(framework)) {
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
