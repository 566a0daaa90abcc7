import { frameworkCard } from '../../cards';
import { nodesOf, textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const lbbd = kb.framework('lbbd');

describe('frameworkCard', () => {
  const message = frameworkCard({ kb, currentId: 'lbbd' });
  const texts = textsOf(message.card);

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('says which framework this chat uses, and describes it', () => {
    expect(texts[0]).toBe("This chat uses the Barking & Dagenham Children's Social Care Practice Framework.");
    expect(texts).toContain(lbbd?.description);
    expect(message.summary).toBe(texts[0]);
  });

  test('lists the other frameworks with what to type to switch', () => {
    expect(texts).toContain('To switch, type one of these:');
    const factSet = nodesOf(message.card).find((n) => n.type === 'FactSet');
    expect(factSet?.facts).toEqual([{ title: 'framework jersey', value: 'Jersey CSCS Practice Framework' }]);
  });

  test('after a change, says what it switched from and to', () => {
    const switched = frameworkCard({ kb, currentId: 'jersey', changedFrom: 'lbbd' });
    expectWellFormed(switched);
    const lines = textsOf(switched.card);
    expect(lines[0]).toBe('Switched from Barking & Dagenham to Jersey.');
    expect(lines[1]).toBe('This chat now uses the Jersey CSCS Practice Framework.');
    const factSet = nodesOf(switched.card).find((n) => n.type === 'FactSet');
    expect(factSet?.facts).toEqual([
      { title: 'framework lbbd', value: "Barking & Dagenham Children's Social Care Practice Framework" },
    ]);
  });
});
