import { RESPONSE_WORDS } from '../knowledge/respond';
import type { DetailKind } from '../knowledge/safety';
import type { TextBlock } from './elements';
import { text } from './elements';

/**
 * A gentle line asking people to leave out personal details, saying which kind it noticed (never what it
 * was) and why (Teams keeps the chat). A calm colour, not a warning: it is a reminder, never a refusal.
 */
export const piiReminder = (kinds: readonly DetailKind[]): TextBlock =>
  text(RESPONSE_WORDS.reminder(kinds), { size: 'Small', color: 'Accent' });

/** The reminder as a list of card elements: one when something was noticed, none otherwise. */
export const reminderFor = (kinds: readonly DetailKind[] | undefined): TextBlock[] =>
  kinds && kinds.length > 0 ? [piiReminder(kinds)] : [];
