import { cardMessage, MAX_SUMMARY_LENGTH, shorten } from '../../cards/card-message';

describe('shorten', () => {
  test('leaves short text alone, apart from squeezing spaces', () => {
    expect(shorten('Principle 7 ·  Be professionally\ncurious', 200)).toBe('Principle 7 · Be professionally curious');
  });

  test('cuts long text at a word and ends it with "…"', () => {
    const cut = shorten('Work alongside children and families at every stage of their journey', 30);
    expect(cut).toBe('Work alongside children and…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });
});

describe('cardMessage', () => {
  test('keeps the notification text under the limit however long the summary is', () => {
    const { summary } = cardMessage({ body: [], speak: 's', fallbackText: 'f', summary: 'word '.repeat(100) });
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary.endsWith('…')).toBe(true);
  });
});
