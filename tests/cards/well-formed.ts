import { verbSchemas, VERBS } from '../../cards/actions';
import type { Verb } from '../../cards/actions';
import { MAX_SUMMARY_LENGTH } from '../../cards/card-message';
import type { CardMessage } from '../../cards/types';
import { actionsOf, cardBytes, nodeWithId, nodesOf, validateCard } from '../helpers/adaptive-cards';

/** Teams refuses a message whose card is larger than this. */
export const MAX_CARD_BYTES = 28 * 1024;

const isVerb = (v: unknown): v is Verb => typeof v === 'string' && (VERBS as readonly string[]).includes(v);

/**
 * What every card must be, whatever it shows: clean at schema 1.5, small enough to send, full width,
 * speakable, wrapped text, no styles Teams ignores, and buttons whose data the bot will accept.
 */
export function expectWellFormed({ card, summary }: CardMessage): void {
  expect(validateCard(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);

  expect(card).toMatchObject({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    msteams: { width: 'Full' },
  });
  expect(card.speak.trim()).not.toBe('');
  expect(card.fallbackText.trim()).not.toBe('');
  expect(summary.trim()).not.toBe('');
  expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);

  const nodes = nodesOf(card);
  for (const block of nodes.filter((n) => n.type === 'TextBlock')) expect(block).toMatchObject({ wrap: true });
  for (const node of nodes) {
    expect(node).not.toHaveProperty('isEnabled');
    expect(['positive', 'destructive']).not.toContain(node.style);
  }

  // Every button is a Universal Action: the Agents Playground throws on Action.Submit with messageBack.
  expect(actionsOf(card, 'Action.Submit')).toEqual([]);
  for (const execute of actionsOf(card, 'Action.Execute')) {
    const verb = execute.verb;
    expect(isVerb(verb)).toBe(true);
    if (isVerb(verb)) expect(() => verbSchemas[verb].parse(execute.data)).not.toThrow();
  }
  for (const toggle of actionsOf(card, 'Action.ToggleVisibility')) {
    const targets = toggle.targetElements;
    expect(Array.isArray(targets) && targets.length > 0).toBe(true);
    for (const id of Array.isArray(targets) ? targets : []) {
      expect(nodeWithId(card, String(id))).toMatchObject({ type: 'Container', isVisible: false });
    }
  }
}
