import { openVerbSchema } from '../../cards/actions';
import { listCard } from '../../cards';
import { displayTitle } from '../../knowledge/kb/model';
import { buttonTitle } from '../../cards/buttons';
import { actionsOf, nodesOf, textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const principles = kb.entries.filter((e) => e.frameworkId === 'lbbd' && e.kind === 'principle');
const ingredients = kb.entries.filter((e) => e.frameworkId === 'jersey' && e.kind === 'ingredient');

describe('listCard', () => {
  const message = listCard({
    kb,
    title: 'The 10 Relational Practice Principles',
    intro: 'Pick one to read it.',
    entries: principles,
  });

  test('is a valid, small, Teams-safe card, even with ten buttons', () => {
    expect(principles).toHaveLength(10);
    expectWellFormed(message);
  });

  test('shows the title and the intro', () => {
    expect(textsOf(message.card)).toEqual(['The 10 Relational Practice Principles', 'Pick one to read it.']);
  });

  test('each entry is an open button labelled with its numbered title, in order', () => {
    const buttons = actionsOf(message.card, 'Action.Execute');
    expect(buttons.every((b) => b.verb === 'open')).toBe(true);
    expect(buttons.map((b) => b.title)).toEqual(principles.map((e) => buttonTitle(displayTitle(e))));
    expect(buttons.map((b) => openVerbSchema.parse(b.data).entryId)).toEqual(principles.map((e) => e.id));
  });

  test('the buttons sit in the body, one to a row, so no host cuts the list short', () => {
    expect(message.card.actions).toBeUndefined();
    const sets = nodesOf(message.card).filter((n) => n.type === 'ActionSet');
    expect(sets).toHaveLength(10);
  });

  test('with one framework there are no framework headings', () => {
    expect(textsOf(message.card)).not.toContain("Barking & Dagenham Children's Social Care Practice Framework");
  });

  test("entries from two frameworks are grouped under each framework's name", () => {
    const mixed = listCard({
      kb,
      title: 'Everything about relationships',
      entries: [principles[0], ingredients[0], principles[1]].flatMap((e) => e ?? []),
    });
    expectWellFormed(mixed);
    const order = nodesOf(mixed.card).flatMap((n) =>
      n.type === 'TextBlock' ? [String(n.text)] : n.type.startsWith('Action.') ? [`[${String(n.title)}]`] : [],
    );
    const [p0, i0, p1] = [principles[0], ingredients[0], principles[1]].map((e) =>
      e ? `[${buttonTitle(displayTitle(e))}]` : '',
    );
    expect(order).toEqual([
      'Everything about relationships',
      "Barking & Dagenham Children's Social Care Practice Framework",
      p0,
      p1,
      'Jersey CSCS Practice Framework',
      i0,
    ]);
  });

  test('its notification names the list and what is in it', () => {
    expect(message.summary).toMatch(/^The 10 Relational Practice Principles: Principle 1 · /);
  });
});
