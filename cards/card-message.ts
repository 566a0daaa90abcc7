import type { Element } from './elements';
import type { CardMessage } from './types';

/** Notifications show about this much; longer text is cut at a word. */
export const MAX_SUMMARY_LENGTH = 200;

export interface CardParts {
  readonly body: readonly Element[];
  readonly speak: string;
  readonly fallbackText: string;
  readonly summary: string;
}

/** Wraps a body in the envelope every card shares: schema 1.5, full width, speech and fallback text. */
export function cardMessage({ body, speak, fallbackText, summary }: CardParts): CardMessage {
  return {
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      speak,
      fallbackText,
      msteams: { width: 'Full' },
    },
    summary: shorten(summary, MAX_SUMMARY_LENGTH),
  };
}

/** Cuts text to at most `max` characters at a word boundary, ending in "…". */
export function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Adds elements at the foot of a card, and their lines to its fallback text, leaving the rest as it was. */
export function withFoot(message: CardMessage, body: readonly Element[], lines: readonly string[] = []): CardMessage {
  if (body.length === 0) return message;
  const fallbackText = [message.card.fallbackText, ...lines].join('\n');
  return { ...message, card: { ...message.card, body: [...message.card.body, ...body], fallbackText } };
}
