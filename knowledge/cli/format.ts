import type { Entry, KnowledgeBase } from '../kb/model';
import { displayTitle } from '../kb/model';
import type { AnswerResult } from '../search/answer';

/** The JSON shape of `practice-companion ask --json`. */
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
}

export function toJson(kb: KnowledgeBase, question: string, result: AnswerResult): AnswerJson {
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

/** A readable answer for a person at a terminal. */
export function toText(kb: KnowledgeBase, result: AnswerResult): string {
  if (!result.found) {
    const names = result.suggestions.map((m) => `  - ${displayTitle(m.entry)}`).join('\n');
    const why =
      result.reason === 'no-such-number'
        ? "The framework doesn't have that number."
        : "I'm not sure I have an answer to that.";
    return `${why}${names ? ` Did you mean:\n${names}` : ''}\n`;
  }
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
  return `${lines.join('\n')}\n`;
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
