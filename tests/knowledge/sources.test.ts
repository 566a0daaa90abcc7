import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { words } from '../../knowledge/search/analyse';
import { loadKnowledgeBase } from '../../knowledge/kb/load';
import type { Entry, KnowledgeBase } from '../../knowledge/kb/model';

const SOURCES = join(__dirname, '..', '..', 'knowledge', 'sources');

/** The corrections shared/seeds/README.md asks for, and the two PDF slips found while writing the entries. */
const CORRECTIONS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  'lbbd-one-minute-guide-2021.txt': [
    ['non-Justice parent', 'non-offending parent'],
    ['compliment social care', 'complement social care'],
    ['Child Protection child protection conferences', 'child protection conferences'],
  ],
  'jersey-cscs-practice-framework-2021.txt': [
    ['Traumainformed', 'Trauma-informed'],
    ['set or circumstances', 'set of circumstances'],
  ],
};

/** Layout, not content: table remnants, running footers, repeated headings and title-page lines. */
const LAYOUT = [
  /^\w+\t.*$/gm, // the CARES table remnants, including "Wildt is CARES!"
  /^Russ Bellenie PSW 2021$/gm,
  /^CSCS Practice Framework$/gm,
  /^Approved by the Chief Social Worker for Children and Families$/gm,
  /^September 2021$/gm,
];

function sentencesOf(file: string): string[] {
  let text = readFileSync(join(SOURCES, file), 'utf8');
  for (const [from, to] of CORRECTIONS[file] ?? []) {
    expect(text).toContain(from);
    text = text.split(from).join(to);
  }
  for (const pattern of LAYOUT) text = text.replace(pattern, '');
  return text
    .split(/\n\s*\n|\n\s*-\s+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^\s*-?\s*\d+\.\s*/, '').trim())
    .filter((s) => words(s).length > 0);
}

/** True when the sentence's words appear in order, close together, in the entry's title and text. */
function isIn(sentence: readonly string[], entry: Entry): boolean {
  const text = words(`${entry.title}\n${entry.text}`);
  for (let start = 0; start < text.length; start++) {
    if (text[start] !== sentence[0]) continue;
    let k = 0;
    let end = start;
    for (let i = start; i < text.length && k < sentence.length; i++) {
      if (text[i] === sentence[k]) {
        k++;
        end = i;
      }
    }
    if (k === sentence.length && end - start + 1 <= sentence.length * 2 + 12) return true;
  }
  return false;
}

let kb: KnowledgeBase;
beforeAll(() => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
  kb = loaded.kb;
});

describe.each([
  ['lbbd-one-minute-guide-2021.txt', 'lbbd'],
  ['jersey-cscs-practice-framework-2021.txt', 'jersey'],
])('%s', (file, frameworkId) => {
  test('every sentence of the source belongs to some entry of its framework', () => {
    const entries = kb.entries.filter((e) => e.frameworkId === frameworkId);
    const sentences = sentencesOf(file);
    expect(sentences.length).toBeGreaterThan(50);
    const homeless = sentences.filter((s) => !entries.some((e) => isIn(words(s), e)));
    expect(homeless).toEqual([]);
  });

  test('each correction is recorded in the notes of the entry that makes it', () => {
    for (const [from, to] of CORRECTIONS[file] ?? []) {
      const fixed = kb.entries.filter(
        (e) =>
          e.text.includes(to.split(' ')[0] ?? to) &&
          e.frameworkId === frameworkId &&
          e.notes?.includes(from.split(' ')[0] ?? from),
      );
      expect({ correction: from, recordedIn: fixed.length > 0 }).toEqual({ correction: from, recordedIn: true });
      expect(kb.entries.some((e) => e.text.includes(from))).toBe(false);
    }
  });
});

test('the extraction artefact "Wildt is CARES!" is nowhere in the knowledge base', () => {
  expect(kb.entries.filter((e) => /wildt/i.test(`${e.title} ${e.text} ${e.summary}`)).map((e) => e.id)).toEqual([]);
});

test("Jersey's title-page lines are the framework's source, approver and date", () => {
  const jersey = kb.framework('jersey');
  expect(jersey).toMatchObject({
    source: 'CSCS Practice Framework',
    author: 'the Chief Social Worker for Children and Families',
    authorRole: 'approver',
    date: 'September 2021',
  });
});
