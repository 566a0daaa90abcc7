import { cardBytes, validateCard } from '../helpers/adaptive-cards';

const envelope = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
};

describe('validateCard', () => {
  test('a plain card with text and a button has nothing to report', () => {
    const card = {
      ...envelope,
      body: [{ type: 'TextBlock', text: 'Hello', wrap: true }],
      actions: [{ type: 'Action.Submit', title: 'Go', data: {} }],
    };
    expect(validateCard(card)).toEqual([]);
  });

  test('an unknown element type is reported', () => {
    const errors = validateCard({ ...envelope, body: [{ type: 'Bogus' }] });
    expect(errors).toEqual([expect.stringContaining('Unknown element type "Bogus"')]);
  });

  test('an unknown action type is reported', () => {
    const errors = validateCard({ ...envelope, body: [], actions: [{ type: 'Action.Bogus', title: 'No' }] });
    expect(errors).toEqual([expect.stringContaining('Unknown action type "Action.Bogus"')]);
  });

  test('two elements with the same id are reported', () => {
    const block = { type: 'TextBlock', id: 'same', text: 'x', wrap: true };
    expect(validateCard({ ...envelope, body: [block, block] })).toEqual([
      expect.stringContaining('Duplicate Id "same"'),
    ]);
  });

  test('more buttons in one set than a host shows are reported', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `Button ${i}`, data: {} }));
    expect(validateCard({ ...envelope, body: [{ type: 'ActionSet', actions: buttons }] })).toEqual([
      expect.stringContaining('TooManyActions'),
    ]);
  });
});

describe('cardBytes', () => {
  test('counts UTF-8 bytes of the JSON, not characters', () => {
    expect(cardBytes({ a: '·' })).toBe('{"a":"·"}'.length + 1);
  });
});
