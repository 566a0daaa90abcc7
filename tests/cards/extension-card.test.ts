import { extensionCard } from '../../cards';
import type { ExtensionCardInput } from '../../cards';
import { displayTitle } from '../../knowledge/kb/model';
import { actionsOf, hiddenFullText, nodesOf, textsOf } from '../helpers/adaptive-cards';
import { entryOf, loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const curiosity = entryOf(kb, 'lbbd-professional-curiosity');
const render = (extra: Partial<ExtensionCardInput> = {}) =>
  extensionCard({ kb, entry: curiosity, audience: 'individual', ...extra });
const promptShown = (extra: Partial<ExtensionCardInput>) => {
  const texts = textsOf(render(extra).card);
  return texts[texts.indexOf('Reflect') + 1];
};

describe('extensionCard: an entry a person inserts from the compose box', () => {
  test('is a valid, small, Teams-safe card', () => expectWellFormed(render()));

  test.each(kb.entries.map((e) => [e.id, e] as const))(
    '%s renders clean, for one person and for a group',
    (_id, entry) => {
      for (const audience of ['individual', 'group'] as const) expectWellFormed(extensionCard({ kb, entry, audience }));
    },
  );

  test('opens with the numbered title, the framework and "In short" with the summary, as the answer card does', () => {
    expect(textsOf(render().card).slice(0, 4)).toEqual([
      'Principle 7 · Be professionally curious',
      "Barking & Dagenham Children's Social Care Practice Framework",
      'In short',
      curiosity.summary,
    ]);
  });

  test('"Read the full text" shows the hidden full text', () => {
    expect(hiddenFullText(render().card, 'Read the full text')).toContain('Be professionally curious.');
  });

  test('has no buttons that need a chat with the bot: no feedback, no "related", no "ask"', () => {
    for (const entry of kb.entries) {
      const types = actionsOf(extensionCard({ kb, entry, audience: 'group' }).card).map((a) => a.type);
      expect(types).toEqual(['Action.ToggleVisibility']);
    }
    expect(textsOf(render().card)).not.toContain('Did this help?');
  });

  test('for one person, shows the first individual prompt', () => {
    expect(promptShown({})).toBe(curiosity.prompts[0]);
  });

  test('in a channel or group chat, shows the first group prompt', () => {
    expect(promptShown({ audience: 'group' })).toBe(curiosity.groupPrompts[0]);
  });

  test('for a group, falls back to the individual prompt when the entry has no group prompts', () => {
    expect(promptShown({ entry: { ...curiosity, groupPrompts: [] }, audience: 'group' })).toBe(curiosity.prompts[0]);
  });

  test('an entry with no prompts at all shows no "Reflect" heading', () => {
    const message = render({ entry: { ...curiosity, prompts: [], groupPrompts: [] } });
    expectWellFormed(message);
    expect(textsOf(message.card)).not.toContain('Reflect');
  });

  test("names its source once, with the framework's words and not under the summary", () => {
    const texts = textsOf(render().card);
    const source = texts.findIndex((t) => /^Source: “One Minute Guide/.test(t));
    expect(source).toBeGreaterThan(texts.indexOf('The framework says'));
    expect(texts[source - 1]).not.toBe(curiosity.summary);
    expect(nodesOf(render().card).filter((n) => String(n.text).startsWith('Source:'))).toHaveLength(1);
  });

  test('its fallback text and notification give the title and summary', () => {
    const message = render();
    expect(message.card.fallbackText).toContain(displayTitle(curiosity));
    expect(message.card.fallbackText).toContain(curiosity.summary);
    expect(message.summary.startsWith('Principle 7 · Be professionally curious: ')).toBe(true);
  });
});
