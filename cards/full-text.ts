import type { Entry } from '../knowledge/kb/model';
import type { Container, TextBlock, ToggleAction } from './elements';
import { heading, text } from './elements';
import { WORDING } from './wording';

/** The id of the hidden container; each card holds at most one. */
export const FULL_TEXT_ID = 'full-text';

/** A "Read the full text" button and the hidden container it shows: the entry's text and, for approaches, who uses it and why. */
export function fullText(
  entry: Entry,
  title: string = WORDING.readFullText,
): { readonly toggle: ToggleAction; readonly container: Container } {
  const items = [
    ...paragraphs(entry.text),
    ...(entry.whoUses ? [heading(WORDING.whoUses), text(entry.whoUses, { spacing: 'Small' })] : []),
    ...(entry.why ? [heading(WORDING.why), text(entry.why, { spacing: 'Small' })] : []),
  ];
  return {
    toggle: { type: 'Action.ToggleVisibility', title, targetElements: [FULL_TEXT_ID] },
    container: { type: 'Container', id: FULL_TEXT_ID, isVisible: false, items },
  };
}

/**
 * Keeps the source's layout: blank lines separate paragraphs, and each line is its own block so
 * line breaks survive every client. Lines starting "- " are list items, shown with a bullet.
 */
export function paragraphs(source: string): TextBlock[] {
  return source
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0)
    .flatMap((lines) =>
      lines.map((line, i) => {
        const shown = line.startsWith('- ') ? `• ${line.slice(2).trim()}` : line;
        return i === 0 ? text(shown) : text(shown, { spacing: 'Small' });
      }),
    );
}
