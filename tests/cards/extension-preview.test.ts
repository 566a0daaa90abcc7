import { extensionPreview, PREVIEW_LABELS, selectItemSchema } from '../../cards';
import { MAX_SUMMARY_LENGTH } from '../../cards/card-message';
import { entryOf, loadOrThrow } from '../../testkit/kb';

const kb = loadOrThrow();

describe('extensionPreview: one line of the compose box result list', () => {
  test('a numbered entry: its title, then framework short name and kind with number, then its summary', () => {
    const curiosity = entryOf(kb, 'lbbd-professional-curiosity');
    expect(extensionPreview({ kb, entry: curiosity })).toEqual({
      title: 'Be professionally curious',
      subtitle: 'Barking & Dagenham · Principle 7',
      text: curiosity.summary,
      tap: { type: 'invoke', value: { entryId: 'lbbd-professional-curiosity' } },
    });
  });

  test('an entry without a number is named by its kind alone', () => {
    expect(extensionPreview({ kb, entry: entryOf(kb, 'lbbd-cares') }).subtitle).toBe('Barking & Dagenham · Overview');
    expect(extensionPreview({ kb, entry: entryOf(kb, 'jersey-trauma-informed') }).subtitle).toBe(
      'Jersey · Ingredient 6',
    );
  });

  test.each(Object.entries(PREVIEW_LABELS))('the "%s" label leads the subtitle', (label, words) => {
    const preview = extensionPreview({
      kb,
      entry: entryOf(kb, 'lbbd-respect'),
      label: label as keyof typeof PREVIEW_LABELS,
    });
    expect(preview.subtitle).toBe(`${words} · Barking & Dagenham · Value 3`);
  });

  test('every entry: the tap names it in a form selectItem accepts, and the text is short enough for a preview', () => {
    for (const entry of kb.entries) {
      const preview = extensionPreview({ kb, entry });
      expect(selectItemSchema.parse(preview.tap.value)).toEqual({ entryId: entry.id });
      expect(preview.text.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
      expect(preview.title.trim()).not.toBe('');
    }
  });

  test.each([
    ['no entry id', {}],
    ['a path', { entryId: '../../etc/passwd' }],
    ['markup', { entryId: '<script>alert(1)</script>' }],
    ['a number', { entryId: 7 }],
    ['nothing at all', undefined],
  ])('selectItemSchema refuses %s', (_label, value) => {
    expect(selectItemSchema.safeParse(value).success).toBe(false);
  });
});
