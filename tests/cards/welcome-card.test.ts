import { askVerbSchema } from '../../cards/actions';
import { welcomeCard } from '../../cards';
import { actionsOf, buttonsUnder, textsOf } from '../helpers/adaptive-cards';
import { onlyFrameworks } from '../../knowledge/kb/model';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const examples = kb.framework('lbbd')?.examples ?? [];

describe('welcomeCard', () => {
  const message = welcomeCard({ kb, frameworkId: 'lbbd', examples, retentionDays: 90 });
  const texts = textsOf(message.card);

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('says what the bot does: answers questions, posts a weekly reflection, opens meetings with one', () => {
    expect(texts.join(' ')).toMatch(/practice framework/);
    expect(texts.join(' ')).toMatch(/weekly reflection/);
    expect(texts.join(' ')).toMatch(/a moment to reflect at the start of meetings/);
  });

  test('names the framework in use, and how to change it', () => {
    expect(texts).toContain(
      'This chat uses the Barking & Dagenham Children\'s Social Care Practice Framework. To use a different framework, type "framework".',
    );
  });

  test('offers three example questions that ask themselves', () => {
    expect(buttonsUnder(message.card, 'You could ask')).toEqual([
      'What does the A in CARES mean',
      'Principle 7',
      'How do we work with domestic abuse',
    ]);
    expect(
      actionsOf(message.card, 'Action.Execute')
        .filter((a) => a.verb === 'ask')
        .map((a) => askVerbSchema.parse(a.data).question),
    ).toEqual(examples.slice(0, 3));
  });

  test('says truthfully what happens to what people type: the bot keeps none, Teams keeps the chat', () => {
    expect(texts).toContain(
      'I keep no text you type, except a question you choose to send to the practice team, which is checked for personal details and deleted after 90 days. Teams keeps the chat. Please leave out names or anything that could identify a child or family.',
    );
  });

  test('says in one line what it is for and not for', () => {
    expect(texts[1]).toBe(
      'I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.',
    );
  });

  test('where one framework is served, says nothing about switching', () => {
    const single = onlyFrameworks(kb, ['jersey']);
    const shown = textsOf(welcomeCard({ kb: single, frameworkId: 'jersey', examples, retentionDays: 90 }).card).join(
      ' ',
    );
    expect(shown).toContain('This chat uses the Jersey');
    expect(shown).not.toMatch(/switch|different framework|type "framework"/i);
  });

  test('for another framework, names that one', () => {
    expect(textsOf(welcomeCard({ kb, frameworkId: 'jersey', examples, retentionDays: 90 }).card).join(' ')).toMatch(
      /This chat uses the Jersey CSCS Practice Framework\./,
    );
  });
});
