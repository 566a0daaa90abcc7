/** An Adaptive Card, as JSON. Teams renders schema 1.5; every card here declares it. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly object[];
  readonly actions?: readonly object[];
  /** What a screen reader says. */
  readonly speak: string;
  /** Shown by clients that cannot render the card. */
  readonly fallbackText: string;
  readonly msteams?: { readonly width: 'Full' };
}

/** A card plus the plain text a notification shows instead of "sent a card". */
export interface CardMessage {
  readonly card: AdaptiveCard;
  readonly summary: string;
}
