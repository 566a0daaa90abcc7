import { aboutCard } from '../../cards';
import { nodesOf, textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../helpers/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const dataHandling = ["I don't keep what you type.", 'I keep which answers people found helpful, without their names, for 90 days.'];

describe('aboutCard', () => {
  const message = aboutCard({ version: '0.1.0', kb, dataHandling });
  const texts = textsOf(message.card);
  const facts = nodesOf(message.card).filter((n) => n.type === 'FactSet').map((n) => n.facts);

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('gives the version', () => {
    expect(texts).toContain('Version 0.1.0');
  });

  test('names every framework with its organisation, source, author or approver, and date', () => {
    expect(facts).toHaveLength(kb.frameworks.length);
    for (const framework of kb.frameworks) expect(texts).toContain(framework.name);
    expect(facts).toContainEqual([
      { title: 'Organisation', value: "London Borough of Barking & Dagenham (LBBD), Children's Social Care" },
      { title: 'Source', value: '“One Minute Guide – CSC Practice Framework Model”' },
      { title: 'Author', value: 'Russ Bellenie, Principal Social Worker (PSW)' },
      { title: 'Date', value: '2021' },
    ]);
    expect(facts).toContainEqual(expect.arrayContaining([{ title: 'Approved by', value: 'Chief Social Worker for Children and Families' }]));
  });

  test('says how data is handled, line by line', () => {
    const at = texts.indexOf('How your data is handled');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 1)).toEqual(dataHandling.map((line) => `• ${line}`));
  });
});
