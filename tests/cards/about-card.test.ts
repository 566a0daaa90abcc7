import { aboutCard } from '../../cards';
import { nodesOf, textsOf } from '../helpers/adaptive-cards';
import { createKnowledgeBase } from '../../knowledge/kb/model';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const dataHandling = [
  "I don't keep what you type.",
  'I keep which answers people found helpful, without their names, for 90 days.',
];

describe('aboutCard', () => {
  const message = aboutCard({ version: '0.1.0', kb, dataHandling });
  const texts = textsOf(message.card);
  const facts = nodesOf(message.card)
    .filter((n) => n.type === 'FactSet')
    .map((n) => n.facts);

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
      {
        title: 'Content review',
        value:
          "Not yet reviewed. Nobody responsible for practice has checked this content yet. The summaries and prompts are Practice Companion's own words, not the framework's.",
      },
    ]);
    expect(facts).toContainEqual(
      expect.arrayContaining([{ title: 'Approved by', value: 'the Chief Social Worker for Children and Families' }]),
    );
  });

  test('a reviewed framework shows who reviewed it, when, and when the next review is due', () => {
    const lbbd = kb.framework('lbbd')!;
    const reviewed = createKnowledgeBase(
      [{ ...lbbd, review: { by: 'Jo Smith, Principal Social Worker', on: '2026-11-30', due: '2027-11-30' } }],
      kb.entries.filter((e) => e.frameworkId === 'lbbd'),
    );
    const card = aboutCard({ version: '0.1.0', kb: reviewed, dataHandling }).card;
    expect(
      nodesOf(card)
        .filter((n) => n.type === 'FactSet')
        .map((n) => n.facts)[0],
    ).toEqual(
      expect.arrayContaining([
        { title: 'Content reviewed by', value: 'Jo Smith, Principal Social Worker' },
        { title: 'Reviewed on', value: '2026-11-30' },
        { title: 'Next review due', value: '2027-11-30' },
      ]),
    );
    expect(textsOf(card).join(' ')).not.toMatch(/Not yet reviewed/);
  });

  test('says how data is handled, line by line', () => {
    const at = texts.indexOf('How your data is handled');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 1)).toEqual(dataHandling.map((line) => `• ${line}`));
  });
});
