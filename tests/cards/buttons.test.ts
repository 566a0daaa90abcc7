import { MAX_BUTTON_TITLE, askButton, buttonTitle, openButton } from '../../cards/buttons';
import { displayTitle } from '../../knowledge/kb/model';
import { loadOrThrow } from '../../testkit/kb';

describe('button titles never run off the card', () => {
  test('a short title is kept exactly', () => {
    expect(buttonTitle('Principle 1 · Be collaborative')).toBe('Principle 1 · Be collaborative');
  });

  test('a long title is cut at a word, within the limit, and ends with an ellipsis', () => {
    const long = 'Principle 9 · Think of people as often needing help to achieve and succeed';
    const shown = buttonTitle(long);
    expect(shown.length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
    expect(shown).toBe('Principle 9 · Think of people as often…');
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
  });

  test('a long word with no space is cut hard, still within the limit', () => {
    const shown = buttonTitle('x'.repeat(100));
    expect(shown).toHaveLength(MAX_BUTTON_TITLE);
    expect(shown.endsWith('…')).toBe(true);
  });

  test('no punctuation is left dangling before the ellipsis', () => {
    expect(buttonTitle('Principle 8 · Listen, observe, reflect, and analyse, and then some more')).not.toMatch(
      /[,;:.\s-]…$/,
    );
  });

  test('every entry in both frameworks gets a button within the limit; the data keeps the whole question', () => {
    const kb = loadOrThrow();
    for (const entry of kb.entries) expect(openButton(entry).title.length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
    const question = 'what does the framework say about working with families who do not want to engage with us';
    const ask = askButton(question);
    expect(ask.title.length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
    expect(ask).toMatchObject({ type: 'Action.Execute', verb: 'ask', data: { question } });
    expect(openButton(kb.entries[0]!)).toMatchObject({
      type: 'Action.Execute',
      verb: 'open',
      data: { entryId: kb.entries[0]!.id },
    });
    expect(displayTitle(kb.entries[0]!).startsWith(openButton(kb.entries[0]!).title.replace(/…$/, ''))).toBe(true);
  });
});
