// "The framework says" quotes the source: every word of an entry's text is the source's, except what is
// in square brackets (our editorial changes: "[non-offending]", "[complement]", expanded acronyms). The
// knowledge base's own linking sentences stand outside the quote. And the "In short" summaries the
// Principal Social Worker's review corrected (issue 22 §8) keep to the source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { words } from '../../knowledge/search/analyse';
import { loadOrThrow } from '../../testkit/kb';

const kb = loadOrThrow();
const SOURCES = join(__dirname, '..', '..', 'knowledge', 'sources');
const sourceWords = {
  lbbd: words(readFileSync(join(SOURCES, 'lbbd-one-minute-guide-2021.txt'), 'utf8')),
  jersey: words(readFileSync(join(SOURCES, 'jersey-cscs-practice-framework-2021.txt'), 'utf8')),
};

/**
 * True when these words appear in the source in this order, with at most `gap` source words between neighbours
 * (the running footer "Russ Bellenie PSW 2021" falls inside one sentence).
 */
function inSource(frameworkId: 'lbbd' | 'jersey', ours: readonly string[], gap = 4): boolean {
  const source = sourceWords[frameworkId];
  for (let start = 0; start < source.length; start++) {
    if (source[start] !== ours[0]) continue;
    let at = start;
    let k = 1;
    while (k < ours.length) {
      const next = source.slice(at + 1, at + 2 + gap).indexOf(ours[k]!);
      if (next < 0) break;
      at += next + 1;
      k++;
    }
    if (k === ours.length) return true;
  }
  return false;
}

describe.each(['lbbd', 'jersey'] as const)("%s: every line of an entry's text is the source's words", (frameworkId) => {
  const entries = kb.entries.filter((e) => e.frameworkId === frameworkId);
  test.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const lines = entry.text
      .split('\n')
      .map((line) => line.replace(/\[[^\]]*\]/g, ' ').replace(/^\s*-\s+/, ''))
      .filter((line) => words(line).length > 0);
    // Words a PDF extraction lost or broke are corrected in brackets; the rest must be found, in order.
    const strays = lines.filter((line) => !inSource(frameworkId, words(line)));
    expect(strays).toEqual([]);
  });
});

test('the linking sentences are outside the quote', () => {
  const texts = kb.entries.map((e) => e.text).join('\n');
  expect(texts).not.toContain('Our five CARES values are:');
  expect(texts).not.toContain('The framework brings together:');
});

test('editorial changes inside a quote are in square brackets', () => {
  const text = (id: string) => kb.entry(id)!.text;
  expect(text('lbbd-safe-and-together')).toContain('together with the [non-offending] parent');
  expect(text('lbbd-new-town-culture')).toContain('to [complement] social care services');
  expect(text('lbbd-restorative-practice')).toContain('FGC [Family Group Conference]');
  expect(text('jersey-childrens-rights')).toContain('UN [United Nations] Convention');
  // No expansion of ours is dressed as the source's: "Children's Social Care (CSC)" was ours.
  for (const e of kb.entries) expect(e.text).not.toMatch(/\((CSC|LBBD|FGC|PSW|UN)\)/);
});

describe("Jersey's CSCS is not expanded: the source never spells it out", () => {
  const jersey = kb.framework('jersey')!;
  test('the name is the source\'s own, "Jersey CSCS Practice Framework"', () => {
    expect(jersey.name).toBe('Jersey CSCS Practice Framework');
    expect(kb.entry('jersey-framework')!.text).toContain('The Jersey CSCS Practice Framework is based on');
  });

  test('no wording of ours expands it, and a note asks Jersey to confirm the expansion', () => {
    const ours = [jersey.name, jersey.organisation, jersey.description];
    for (const e of kb.entries.filter((x) => x.frameworkId === 'jersey')) ours.push(e.title, e.summary, e.text);
    expect(ours.filter((t) => /Social Care Service/.test(t))).toEqual([]);
    expect(kb.entry('jersey-framework')!.notes).toMatch(/Jersey should confirm the expansion/);
  });
});

describe('"In short", each fixed against the source', () => {
  const summary = (id: string) => kb.entry(id)!.summary;
  test.each([
    [
      'lbbd-safe-and-together',
      /intervenes with the perpetrator to reduce risk and harm to the child/,
      /works with the perpetrator/,
    ],
    ['lbbd-compassion', /give weight to what they communicate/, /what they tell us/],
    ['lbbd-empowerment', /vulnerable/, undefined],
    ['lbbd-neutral-stance', /"case"-led.*avoid feeling certain/s, /too certain/],
    ['lbbd-contextual-safeguarding', /statutory mechanisms/, /formal processes/],
    [
      'jersey-childrens-rights',
      /driver of social work is to support children and keep them safe, in their best\s+interests/,
      undefined,
    ],
    ['jersey-strengths-and-risks', /too adult-focused/, undefined],
    ['lbbd-cares', /Compassion, Accountability, Respect, Empowerment and Sharing/, /centre of everything we do/],
  ] as const)('%s', (id, keeps, drops) => {
    expect(summary(id)).toMatch(keeps);
    if (drops) expect(summary(id)).not.toMatch(drops);
  });

  test('no wording says "after they turn 18", which the source does not', () => {
    for (const e of kb.entries) {
      for (const line of [e.summary, e.text, ...e.prompts, ...e.groupPrompts]) expect(line).not.toMatch(/turn 18/);
    }
  });

  test("principle 9's note says what its title is", () => {
    const entry = kb.entry('lbbd-help-to-succeed')!;
    expect(entry.notes).toContain(`"${entry.title}"`);
    expect(entry.notes).not.toMatch(/it now uses the source's own words: "Think of people .* trauma\."/);
  });
});
