import { anotherPromptSchema } from '../../cards/actions';
import { reflectCard } from '../../cards';
import type { ReflectCardInput } from '../../cards';
import { actionTitled, hiddenFullText, nodesOf, textsOf } from '../helpers/adaptive-cards';
import { entryOf, loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const curiosity = entryOf(kb, 'lbbd-professional-curiosity');
const render = (extra: Partial<ReflectCardInput> = {}) =>
  reflectCard({ kb, entry: curiosity, promptIndex: 0, audience: 'individual', ...extra });
const promptShown = (extra: Partial<ReflectCardInput>) => {
  const texts = textsOf(render(extra).card);
  return texts[texts.indexOf('Reflect') + 1];
};

describe('reflectCard', () => {
  test('is a valid, small, Teams-safe card', () => expectWellFormed(render()));

  test('shows the entry: its numbered title and framework, the prompt, then "In short" (the bot\'s summary) apart from "The framework says" with its source', () => {
    const texts = textsOf(render().card);
    expect(texts.slice(0, 2)).toEqual([
      'Principle 7 · Be professionally curious',
      "Barking & Dagenham Children's Social Care Practice Framework",
    ]);
    expect(texts[2]).toBe('Reflect');
    const inShort = texts.indexOf('In short');
    expect(texts[inShort + 1]).toBe(curiosity.summary);
    const says = texts.indexOf('The framework says');
    expect(says).toBeGreaterThan(inShort);
    expect(texts[texts.length - 1]).toMatch(/^Source: /);
  });

  test('opens with the heading when one is given', () => {
    const message = render({ heading: 'Welcome. A moment to reflect before we start', audience: 'group' });
    expectWellFormed(message);
    expect(textsOf(message.card)[0]).toBe('Welcome. A moment to reflect before we start');
    expect(message.card.speak).toMatch(/^Welcome\. A moment to reflect before we start\./);
  });

  test.each(curiosity.prompts.map((prompt, i) => [i, prompt] as const))(
    'for one person, prompt index %i shows that prompt',
    (i, prompt) => {
      expect(promptShown({ promptIndex: i })).toBe(prompt);
    },
  );

  test.each(curiosity.groupPrompts.map((prompt, i) => [i, prompt] as const))(
    'for a group, prompt index %i shows that group prompt',
    (i, prompt) => {
      expect(promptShown({ promptIndex: i, audience: 'group' })).toBe(prompt);
    },
  );

  test('the prompt index counts round past the end, for both audiences', () => {
    expect(promptShown({ promptIndex: curiosity.prompts.length })).toBe(curiosity.prompts[0]);
    expect(promptShown({ promptIndex: curiosity.prompts.length + 1 })).toBe(curiosity.prompts[1]);
    expect(promptShown({ promptIndex: curiosity.groupPrompts.length, audience: 'group' })).toBe(
      curiosity.groupPrompts[0],
    );
  });

  test('shows exactly one prompt', () => {
    const texts = textsOf(render().card);
    const all = [...curiosity.prompts, ...curiosity.groupPrompts];
    expect(texts.filter((t) => all.includes(t))).toHaveLength(1);
  });

  test('"Another prompt" asks for the next prompt of the same entry, for the same audience', () => {
    const button = actionTitled(render({ promptIndex: 4, audience: 'group' }).card, 'Another prompt');
    expect(button).toMatchObject({ type: 'Action.Execute', verb: 'anotherPrompt' });
    expect(anotherPromptSchema.parse(button.data)).toEqual({
      entryId: 'lbbd-professional-curiosity',
      promptIndex: 5,
      audience: 'group',
    });
  });

  test('"Read the full principle" shows the hidden full text, as on the answer card', () => {
    expect(hiddenFullText(render().card, 'Read the full principle')).toContain('Be professionally curious.');
  });

  test('names its source', () => {
    expect(nodesOf(render().card).some((n) => String(n.text).startsWith('Source: “One Minute Guide'))).toBe(true);
  });

  test('its notification gives the title and the prompt', () => {
    expect(render({ promptIndex: 1 }).summary).toBe(`Principle 7 · Be professionally curious: ${curiosity.prompts[1]}`);
  });
});
