import type { CardMessage } from '../../cards/types';
import { adaptiveCardAttachment } from '../platform/activity';
import type { Activity } from '../platform/types';

/** A message activity carrying one Adaptive Card, with a summary for notifications and screen readers. */
export function cardActivity(message: CardMessage): Partial<Activity> {
  return {
    type: 'message',
    summary: message.summary,
    attachments: [adaptiveCardAttachment(message.card)],
  };
}

/** A short plain-text reply. */
export function textActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}
