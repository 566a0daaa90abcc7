import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, parseFile } from '../../knowledge/kb/load';
import { entrySpans, entryText, etagOf, toData, withEntry, withSection } from '../../knowledge/editor/source';

const files = ['lbbd.yaml', 'jersey.yaml'].map((name) => ({
  name,
  source: readFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), 'utf8'),
}));

describe('a framework file edited one part at a time', () => {
  test.each(files)(
    '$name: every entry rewritten with its own fields reads back the same, and only its own lines change',
    ({ name, source }) => {
      const data = toData(source) as { entries: Array<Record<string, unknown>> };
      for (const entry of data.entries) {
        const rewritten = withEntry(source, entry);
        const parsed = parseFile(name, rewritten);
        expect('problems' in parsed ? parsed.problems : []).toEqual([]);
        expect(toData(rewritten)).toEqual(data);
        // Everything outside the entry is byte for byte the same.
        const span = entrySpans(source).get(String(entry['id']))!;
        expect(rewritten.startsWith(source.slice(0, span.start))).toBe(true);
        expect(rewritten.endsWith(source.slice(span.end).replace(/^\n/, ''))).toBe(true);
      }
    },
  );

  test("a changed summary changes that entry only, in the files' layout", () => {
    const { source } = files[0]!;
    const data = toData(source) as { entries: Array<Record<string, unknown>> };
    const entry: Record<string, unknown> = {
      ...data.entries[2]!,
      summary: 'A new summary, written by a practice lead.',
    };
    const edited = withEntry(source, entry);
    expect(entryText(edited, String(entry['id']))).toContain(
      'summary: >-\n      A new summary, written by a practice lead.\n',
    );
    expect(etagOf(entryText(edited, 'lbbd-framework'))).toBe(etagOf(entryText(source, 'lbbd-framework')));
    expect(etagOf(entryText(edited, String(entry['id'])))).not.toBe(etagOf(entryText(source, String(entry['id']))));
    const after = toData(edited) as { entries: Array<Record<string, unknown>> };
    expect(after.entries[2]).toEqual(entry);
    expect(after.entries.filter((_, i) => i !== 2)).toEqual(data.entries.filter((_, i) => i !== 2));
  });

  test('a new entry is added at the end; the framework block and signposts can be rewritten too', () => {
    const { name, source } = files[1]!;
    const data = toData(source) as {
      framework: Record<string, unknown>;
      signposts: Record<string, unknown>;
      entries: Array<Record<string, unknown>>;
    };
    const added = withEntry(source, {
      ...data.entries[1]!,
      id: 'jersey-new-one',
      title: 'A new one',
      number: undefined,
      related: [],
    });
    expect((toData(added) as typeof data).entries.at(-1)?.['id']).toBe('jersey-new-one');
    const reviewed = withSection(added, 'framework', {
      ...data.framework,
      reviewed_by: 'Jo Smith, Principal Social Worker',
      reviewed_on: '2026-11-30',
      review_due: '2027-11-30',
    });
    const signposted = withSection(reviewed, 'signposts', {
      ...data.signposts,
      urgent: { text: 'Call the duty team on 01534 000000.', link: 'https://example.org/duty' },
    });
    const back = toData(signposted) as typeof data;
    expect(back.framework['review_due']).toBe('2027-11-30');
    expect(back.signposts['urgent']).toEqual({
      text: 'Call the duty team on 01534 000000.',
      link: 'https://example.org/duty',
    });
    expect(back.signposts['procedures']).toEqual(data.signposts['procedures']);
    const parsed = parseFile(name, signposted);
    expect('problems' in parsed ? parsed.problems : []).toEqual([]);
  });
});
