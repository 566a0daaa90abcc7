import type { Entry, KnowledgeBase } from '../kb/model';
import { displayTitle } from '../kb/model';
import { RESPONSE_WORDS, routeLines, signpostLine } from '../respond';
import type { Response } from '../respond';
import type { AnswerResult } from '../search/answer';

/** The JSON shape of `practice-companion ask --json`: search's fields as they always were, then the response's parts. */
export interface AnswerJson {
  readonly question: string;
  readonly answer: {
    readonly id: string;
    readonly title: string;
    readonly framework: string;
    readonly kind: string;
    readonly number: number | null;
    readonly summary: string;
    readonly confidence: number;
  } | null;
  readonly alternatives: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly framework: string;
    readonly confidence: number;
  }>;
  readonly suggestions: readonly string[];
  /** The first safety route ("child-at-risk", "worker-safety", "worker-crisis", "distress"), or null. */
  readonly route: string | null;
  /** Every route, in the order their cards are sent. */
  readonly routes: readonly string[];
  /** What staff see, in order: each route's card, then "answer", "decline" or "not-sure" (nothing after crisis or distress). */
  readonly parts: readonly string[];
  /** A plain decline: what the framework does not cover, and where it sends people. */
  readonly decline: { readonly notCovered: string | null; readonly goTo: readonly string[] } | null;
  readonly reminders: { readonly personalDetails: readonly string[]; readonly calm: boolean };
}

export function toJson(kb: KnowledgeBase, question: string, response: Response): AnswerJson {
  const { reply } = response;
  return {
    ...searchFields(kb, question, response.result),
    route: response.routes[0] ?? null,
    routes: response.routes,
    parts: [...response.routes, ...(reply ? [reply.kind] : [])],
    decline: reply?.kind === 'decline' ? { notCovered: reply.result.notCovered ?? null, goTo: reply.whereToGo } : null,
    reminders: { personalDetails: response.reminders.personalDetails, calm: response.reminders.calm },
  };
}

/** The fields outsiders measure ranking through: exactly as search gives them, whatever the response shows. */
function searchFields(kb: KnowledgeBase, question: string, result: AnswerResult) {
  const frameworkName = (e: Entry) => kb.framework(e.frameworkId)?.name ?? e.frameworkId;
  if (!result.found) {
    return { question, answer: null, alternatives: [], suggestions: result.suggestions.map((m) => m.entry.title) };
  }
  const e = result.entry;
  return {
    question,
    answer: {
      id: e.id,
      title: e.title,
      framework: frameworkName(e),
      kind: e.kind,
      number: e.number ?? null,
      summary: e.summary,
      confidence: result.confidence,
    },
    alternatives: result.alternatives.map((m) => ({
      id: m.entry.id,
      title: m.entry.title,
      framework: frameworkName(m.entry),
      confidence: m.confidence,
    })),
    suggestions: [],
  };
}

const RULE = '─'.repeat(40);

/** What staff would see in a chat, for a person at a terminal: each card's words, in order, with a rule between. */
export function toText(kb: KnowledgeBase, response: Response): string {
  const parts = [
    ...response.routes.map((route) => routeLines(route, response.signposts)),
    ...(response.reply ? [replyLines(kb, response)] : []),
  ];
  const kinds = response.reminders.personalDetails;
  const reminder = kinds.length > 0 ? [RESPONSE_WORDS.reminder(kinds)] : [];
  return `${[...parts.map((lines) => lines.join('\n')), ...(reminder.length > 0 ? [reminder[0]] : [])].join(`\n${RULE}\n`)}\n`;
}

function replyLines(kb: KnowledgeBase, response: Response): string[] {
  const { reply, signposts } = response;
  if (!reply) return [];
  const foot = [
    ...(response.frameworkId === undefined && kb.frameworks.length > 1 ? ['', RESPONSE_WORDS.unchosen.line] : []),
    ...(response.offerSuggestion ? ['', '[Suggest this question to the practice team]'] : []),
    ...(response.reminders.calm ? ['', signposts.urgent.text] : []),
  ];
  if (reply.kind === 'answer') return [...answerLines(kb, reply.result), ...foot];
  const { result } = reply;
  const names = result.suggestions.slice(0, 3).map((m) => `  - ${displayTitle(m.entry)}`);
  const declined = reply.kind === 'decline';
  const line =
    declined && result.notCovered !== undefined
      ? RESPONSE_WORDS.notCovered(result.notCovered)
      : RESPONSE_WORDS.noAnswer[result.reason];
  const wroteIt = declined ? reply.wroteIt.map((f) => RESPONSE_WORDS.wroteIt(f)) : [];
  const hint = declined
    ? RESPONSE_WORDS.notCoveredHint
    : names.length > 0
      ? RESPONSE_WORDS.noAnswerHint
      : RESPONSE_WORDS.noAnswerHintAlone;
  const where = reply.whereToGo.map((name) => `  ${signpostLine(signposts, name)}`);
  return [
    line,
    ...wroteIt,
    ...(wroteIt.length > 0 ? [RESPONSE_WORDS.checkIntranet] : []),
    ...(result.reason === 'empty' ? [] : [hint]),
    ...(names.length > 0 ? [result.reason === 'empty' ? 'You could start with:' : 'Did you mean:', ...names] : []),
    ...(where.length > 0 ? [`${RESPONSE_WORDS.whereInstead}:`, ...where] : []),
    ...foot,
  ];
}

/** An entry, readably: title, framework, "In short", the full text, one prompt, related entries and the source. */
function answerLines(kb: KnowledgeBase, result: Extract<AnswerResult, { found: true }>): string[] {
  const e = result.entry;
  const f = kb.framework(e.frameworkId);
  const lines = [
    displayTitle(e),
    f ? `${f.name}` : '',
    '',
    e.summary,
    '',
    wrap(e.text, 88),
    '',
    `Reflect: ${e.prompts[0] ?? ''}`,
  ];
  if (e.related.length > 0) lines.push(`Related: ${e.related.map((id) => kb.entry(id)?.title ?? id).join('; ')}`);
  if (f)
    lines.push(`Source: "${f.source}", ${f.authorRole === 'approver' ? 'approved by ' : ''}${f.author}, ${f.date}`);
  if (!result.confident && result.alternatives.length > 0) {
    lines.push('', 'Did you mean:', ...result.alternatives.map((m) => `  - ${displayTitle(m.entry)}`));
  }
  return lines;
}

function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((para) => {
      const out: string[] = [];
      let line = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        if (line.length > 0 && line.length + word.length + 1 > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      out.push(line);
      return out.join('\n');
    })
    .join('\n');
}
