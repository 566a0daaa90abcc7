import { askSchema } from '../../cards/actions';
import { welcomeCard } from '../../cards';
import { actionsOf, buttonsUnder, textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../helpers/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const examples = kb.framework('lbbd')?.examples ?? [];

describe('welcomeCard', () => {
  const message = welcomeCard({ kb, frameworkId: 'lbbd', examples });
  const texts = textsOf(message.card);

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('says what the bot does: answers questions, posts a weekly reflection, opens meetings with one', () => {
    expect(texts.join(' ')).toMatch(/practice framework/);
    expect(texts.join(' ')).toMatch(/weekly reflection/);
    expect(texts.join(' ')).toMatch(/open meetings with a moment to reflect/);
  });

  test('names the framework in use, and how to change it', () => {
    expect(texts).toContain(
      'This chat uses the Barking & Dagenham Children\'s Social Care Practice Framework. To use a different framework, type "framework".',
    );
  });

  test('offers three example questions that ask themselves', () => {
    expect(buttonsUnder(message.card, 'You could ask')).toEqual(['What does the A in CARES mean', 'Principle 7', 'How do we work with domestic abuse']);
    expect(actionsOf(message.card, 'Action.Submit').map((a) => askSchema.parse(a.data).question)).toEqual(examples.slice(0, 3));
  });

  test('says plainly that it does not keep what people type', () => {
    expect(texts).toContain("I don't keep what you type.");
  });

  test('for another framework, names that one', () => {
    expect(textsOf(welcomeCard({ kb, frameworkId: 'jersey', examples }).card).join(' ')).toMatch(/This chat uses the Jersey CSCS Practice Framework\./);
  });
});
