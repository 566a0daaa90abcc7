import { askVerbSchema } from '../../cards/actions';
import { helpCard } from '../../cards';
import { helpLines } from '../../cards/help-card';
import { actionsOf, buttonsUnder, textsOf } from '../helpers/adaptive-cards';
import { expectWellFormed } from './well-formed';

const examples = ['principle 7', 'what does the A in CARES mean', 'list the ingredients'];
const lbbd = ['values', 'principles', 'approaches'];

describe('helpCard', () => {
  const personal = helpCard({ place: 'personal', lists: lbbd, canSwitchFramework: true, examples, retentionDays: 90 });
  const group = helpCard({ place: 'group', lists: lbbd, canSwitchFramework: true, examples, retentionDays: 90 });

  test('is a valid, small, Teams-safe card, in a personal chat and in a channel', () => {
    expectWellFormed(personal);
    expectWellFormed(group);
  });

  test('says how to ask and what the bot is for', () => {
    const texts = textsOf(personal.card);
    expect(texts).toContain(
      'Type a question about the framework, for example about one of its values, principles or approaches.',
    );
    expect(texts.join(' ')).not.toMatch(/colleague/);
    expect(texts).toContain(
      'I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.',
    );
    expect(texts).toContain(
      'I keep no text you type, except a question you choose to send to the practice team, which is checked for personal details and deleted after 90 days. Teams keeps the chat. Please leave out names or anything that could identify a child or family.',
    );
  });

  test('in a personal chat: no @mention advice, no schedules, no meeting openers', () => {
    const all = textsOf(personal.card).join('\n') + personal.card.fallbackText + personal.summary;
    expect(all).not.toMatch(/@mention/);
    expect(all).not.toMatch(/schedule/i);
    expect(all).not.toMatch(/meeting/i);
    expect(textsOf(personal.card)).toContain(
      'Type "values", "principles" or "approaches" to see them all, and pick one to read.',
    );
  });

  test('in a channel or group chat: @mention first, and schedules and meeting openers are offered', () => {
    const texts = textsOf(group.card);
    expect(texts).toContain('In a channel or group chat, @mention me first, then type your question.');
    expect(texts.some((t) => t.startsWith('Type "schedule"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Type "meeting openers on"'))).toBe(true);
  });

  test('plain words, not command syntax: no brackets, no "e.g.", every line a sentence', () => {
    for (const place of ['personal', 'group'] as const) {
      for (const canSwitchFramework of [true, false]) {
        for (const line of helpLines({ place, lists: lbbd, canSwitchFramework })) {
          expect(line).not.toMatch(/[[\]<>|]|e\.g\./);
          expect(line).toMatch(/^[A-Z].*[.)]$/);
        }
      }
    }
  });

  test('offers only the lists this framework has', () => {
    const jersey = helpLines({ place: 'personal', lists: ['ingredients'], canSwitchFramework: true }).join('\n');
    expect(jersey).toContain('Type "ingredients" to see them all');
    expect(jersey).not.toMatch(/principles|values|approaches/);
  });

  test('says "change it" only when there is another framework to change to', () => {
    expect(helpLines({ place: 'personal', lists: lbbd, canSwitchFramework: true }).join(' ')).toMatch(/change it/);
    expect(helpLines({ place: 'personal', lists: lbbd, canSwitchFramework: false }).join(' ')).not.toMatch(/change/);
  });

  test('the examples are buttons that ask them', () => {
    expect(buttonsUnder(personal.card, 'You could ask')).toEqual([
      'Principle 7',
      'What does the A in CARES mean',
      'List the ingredients',
    ]);
    expect(
      actionsOf(personal.card, 'Action.Execute')
        .filter((a) => a.verb === 'ask')
        .map((a) => askVerbSchema.parse(a.data).question),
    ).toEqual(examples);
  });
});
