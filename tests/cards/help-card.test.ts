import { askVerbSchema } from '../../cards/actions';
import { helpCard } from '../../cards';
import { actionsOf, buttonsUnder, nodesOf, textsOf } from '../helpers/adaptive-cards';
import { expectWellFormed } from './well-formed';

const commands = [
  { name: 'help', description: 'Show this card.' },
  { name: 'framework', description: 'See or change the framework this chat uses.' },
  { name: 'reflect', description: 'A prompt to reflect on.' },
];
const examples = ['principle 7', 'what does the A in CARES mean', 'list the ingredients'];

describe('helpCard', () => {
  const message = helpCard({ commands, examples });

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('says how to ask: just type, and in channels mention the bot', () => {
    const texts = textsOf(message.card);
    expect(texts).toContain('Type a question about the framework, for example about one of its values, principles or approaches.');
    expect(texts.join(' ')).not.toMatch(/colleague/);
    expect(texts).toContain('I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.');
    expect(texts).toContain('I keep no text you type. Teams keeps the chat as usual, so please leave out names or anything that could identify a child or family.');
    expect(texts).toContain('In a channel or group chat, @mention me first, then type your question.');
  });

  test('lists the commands as name and description', () => {
    const factSet = nodesOf(message.card).find((n) => n.type === 'FactSet');
    expect(factSet?.facts).toEqual(commands.map((c) => ({ title: c.name, value: c.description })));
  });

  test('the examples are buttons that ask them', () => {
    expect(buttonsUnder(message.card, 'You could ask')).toEqual(['Principle 7', 'What does the A in CARES mean', 'List the ingredients']);
    expect(actionsOf(message.card, 'Action.Execute').filter((a) => a.verb === 'ask').map((a) => askVerbSchema.parse(a.data).question)).toEqual(examples);
  });
});
