import { loadKnowledgeBase } from '../../knowledge/kb/load';
import type { Entry, KnowledgeBase } from '../../knowledge/kb/model';
import { loadLexicon } from '../../knowledge/search/lexicon';
import { words } from '../../knowledge/search/analyse';

let kb: KnowledgeBase;
beforeAll(() => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
  kb = loaded.kb;
});

const of = (frameworkId: string, kind: Entry['kind']) => kb.entries.filter((e) => e.frameworkId === frameworkId && e.kind === kind);
const numbers = (entries: Entry[]) => entries.map((e) => e.number).sort((a, b) => (a ?? 0) - (b ?? 0));

describe('Barking & Dagenham', () => {
  test('has the 5 CARES values, numbered 1 to 5, in CARES order', () => {
    const values = of('lbbd', 'value').sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    expect(values.map((v) => v.title)).toEqual(['Compassion', 'Accountability', 'Respect', 'Empowerment', 'Sharing']);
    expect(values.map((v) => v.title[0]).join('')).toBe(kb.entry('lbbd-cares')?.acronym);
  });

  test('has the 10 Relational Practice Principles, numbered 1 to 10', () => {
    expect(numbers(of('lbbd', 'principle'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kb.entry('lbbd-professional-curiosity')).toMatchObject({ number: 7, title: 'Be professionally curious' });
  });

  test('has the 7 approaches, each saying who uses it and why', () => {
    const approaches = of('lbbd', 'approach');
    expect(approaches).toHaveLength(7);
    for (const a of approaches) expect({ id: a.id, who: Boolean(a.whoUses), why: Boolean(a.why) }).toEqual({ id: a.id, who: true, why: true });
  });

  test('has an overview for the values, the principles and the approaches', () => {
    const overviews = of('lbbd', 'overview');
    expect(overviews.map((o) => o.lists).filter(Boolean).sort()).toEqual(['approach', 'principle', 'value']);
  });

  test('Safe & Together speaks of the non-offending parent, and says why', () => {
    const entry = kb.entry('lbbd-safe-and-together');
    expect(entry?.text).toContain('non-offending parent');
    expect(entry?.notes).toMatch(/non-Justice/);
  });
});

describe('Jersey', () => {
  test('has the 9 ingredients, numbered 1 to 9 in the order of the headings', () => {
    const ingredients = of('jersey', 'ingredient').sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    expect(numbers(ingredients)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ingredients[2]?.id).toBe('jersey-strengths-and-risks');
    expect(ingredients[5]?.id).toBe('jersey-trauma-informed');
    expect(ingredients[8]?.id).toBe('jersey-direct-work');
  });
});

describe('every entry', () => {
  test('summaries expand every acronym they use (principle 3: no unexpanded acronyms)', () => {
    const lexicon = loadLexicon();
    const expansions = new Map<string, string[]>([...lexicon.acronyms].map(([k, v]) => [k, words(v)]));
    for (const overview of kb.entries) {
      if (overview.acronym) expansions.set(overview.acronym.toLowerCase(), kb.entries.filter((e) => e.frameworkId === overview.frameworkId && e.kind === overview.lists).map((e) => words(e.title)[0] ?? ''));
    }
    const unexplained = kb.entries.flatMap((e) => {
      const summaryWords = new Set(words(e.summary));
      return [...e.summary.matchAll(/\b[A-Z]{2,}s?\b/g)]
        .map((m) => m[0])
        .filter((acronym) => {
          const expansion = expansions.get(acronym.toLowerCase()) ?? expansions.get(acronym.toLowerCase().replace(/s$/, ''));
          return !expansion || !expansion.every((w) => summaryWords.has(w));
        })
        .map((acronym) => `${e.id}: ${acronym}`);
    });
    expect(unexplained).toEqual([]);
  });

  test('reflection prompts are open questions that never ask for identifying details', () => {
    const identifying = /\b(name of|full name|names? (the|a) (child|family)|address|date of birth|postcode|phone|nhs number|email)\b/i;
    for (const e of kb.entries) {
      for (const p of [...e.prompts, ...e.groupPrompts]) {
        expect({ id: e.id, prompt: p, question: p.trim().endsWith('?'), identifying: identifying.test(p) }).toEqual({ id: e.id, prompt: p, question: true, identifying: false });
      }
    }
  });

  test('group prompts are worded for a group', () => {
    for (const e of kb.entries) {
      for (const p of e.groupPrompts) expect({ id: e.id, p, group: /\b(we|us|our|team|together|each other)\b/i.test(p) }).toEqual({ id: e.id, p, group: true });
    }
  });

  test('related entries stay within their own framework, so people are never sent to another authority\'s', () => {
    for (const e of kb.entries) expect({ id: e.id, others: e.related.filter((r) => kb.entry(r)?.frameworkId !== e.frameworkId) }).toEqual({ id: e.id, others: [] });
    expect(kb.entry('jersey-shared-model')?.related).not.toContain('lbbd-sharing');
  });
});
