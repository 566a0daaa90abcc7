import type { TextBlock } from './elements';
import { text } from './elements';
import { WORDING } from './wording';

/** A gentle line asking people not to share personal details; shown when the bot has reason to remind them. */
export const piiReminder = (): TextBlock => text(WORDING.piiReminder, { size: 'Small', color: 'Attention' });
