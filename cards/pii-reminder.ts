import type { TextBlock } from './elements';
import { text } from './elements';
import { WORDING } from './wording';

/**
 * A gentle line asking people to leave out personal details, saying why (Teams keeps the chat); shown when
 * a question looks as though it holds some. A calm colour, not a warning: it is a reminder, never a refusal.
 */
export const piiReminder = (): TextBlock => text(WORDING.piiReminder, { size: 'Small', color: 'Accent' });
