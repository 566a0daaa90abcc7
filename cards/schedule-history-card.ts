import { cardMessage } from './card-message';
import type { Element } from './elements';
import { heading, small, text, title } from './elements';
import type { CardMessage } from './types';
import { WORDING } from './wording';

/** One line of the history, in words: when, and what happened (or who changed what). */
export interface HistoryLine {
  readonly when: string;
  readonly what: string;
}

export interface ScheduleHistoryCardInput {
  /** This channel's recent posts, newest first. */
  readonly posts: readonly HistoryLine[];
  /** Recent changes to its schedules and settings, newest first, each saying who made it. */
  readonly changes: readonly HistoryLine[];
}

/** `schedule history`: the channel's recent posts and changes, under two headings. */
export function scheduleHistoryCard(input: ScheduleHistoryCardInput): CardMessage {
  const w = WORDING.history;
  const section = (name: string, lines: readonly HistoryLine[]): Element[] => [
    heading(name),
    ...(lines.length === 0
      ? [text(w.none, { spacing: 'Small' })]
      : lines.flatMap((l) => [text(l.what, { spacing: 'Small' }), small(l.when)])),
  ];
  const body: Element[] = [title(w.title), ...section(w.posts, input.posts), ...section(w.changes, input.changes)];
  const asLines = (lines: readonly HistoryLine[]) =>
    lines.length === 0 ? [w.none] : lines.map((l) => `• ${l.when}: ${l.what}`);
  const fallback = [w.title, w.posts, ...asLines(input.posts), w.changes, ...asLines(input.changes)];
  return cardMessage({
    body,
    speak: w.title,
    fallbackText: fallback.join('\n'),
    summary: `${w.title}: ${input.posts.length} posts, ${input.changes.length} changes`,
  });
}
