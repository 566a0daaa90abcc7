import { createKnowledgeBase } from '../knowledge/kb/model';
import type { Entry, Framework, KnowledgeBase } from '../knowledge/kb/model';
import { words } from '../knowledge/search/analyse';

/** A small seeded PRNG (mulberry32), so every run benchmarks the same knowledge base. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A knowledge base the size of a large authority's procedures manual: `count` entries across
 * frameworks of 500, written from the real entries' vocabulary plus invented words, so that
 * both common and rare terms occur.
 */
export function generateKnowledgeBase(real: KnowledgeBase, count: number, seed = 42): KnowledgeBase {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const realWords = [...new Set(real.entries.flatMap((e) => words(`${e.title} ${e.summary} ${e.text}`)))];
  const syllables = [
    'ka',
    'ro',
    'mi',
    'sen',
    'tor',
    'al',
    'ven',
    'dra',
    'lo',
    'pe',
    'sha',
    'quin',
    'bel',
    'ty',
    'ur',
    'gan',
  ];
  const invented = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join(''),
  );
  const word = () => (rnd() < 0.7 ? pick(realWords) : pick(invented));
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const kinds = ['principle', 'value', 'approach', 'ingredient'] as const;

  const signposts = real.frameworks[0]?.signposts;
  if (!signposts) throw new Error('the real knowledge base has no framework');
  const frameworks: Framework[] = [];
  const entries: Entry[] = [];
  for (let f = 0; entries.length < count; f++) {
    const id = `gen${f}`;
    frameworks.push({
      id,
      name: `Generated framework ${f}`,
      shortName: `Gen ${f}`,
      organisation: `Authority ${f}`,
      author: 'Bench',
      authorRole: 'author',
      date: '2026',
      source: 'generated',
      description: 'generated',
      aliases: [id],
      examples: [],
      file: `${id}.yaml`,
      signposts,
    });
    const numbers = new Map<string, number>();
    for (let i = 0; i < 500 && entries.length < count; i++) {
      const kind = pick(kinds);
      const number = (numbers.get(kind) ?? 0) + 1;
      numbers.set(kind, number);
      entries.push({
        id: `${id}-${i}`,
        frameworkId: id,
        kind,
        number,
        title: phrase(2 + Math.floor(rnd() * 3)),
        summary: phrase(20),
        text: phrase(60 + Math.floor(rnd() * 120)),
        aliases: Array.from({ length: 4 }, () => phrase(1 + Math.floor(rnd() * 2))),
        keywords: Array.from({ length: 6 }, () => word()),
        related: [],
        prompts: [phrase(10), phrase(10), phrase(10)],
        groupPrompts: [phrase(10), phrase(10)],
      });
    }
  }
  // Round-trip through JSON, as if read from files: loaded text is flat, not the joined ropes built above.
  return createKnowledgeBase(
    JSON.parse(JSON.stringify(frameworks)) as Framework[],
    JSON.parse(JSON.stringify(entries)) as Entry[],
  );
}

/** Questions like people type against a generated base: titles with a typo, topics with filler, references, off-topic. */
export function generateQuestions(kb: KnowledgeBase, count: number, seed = 7): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const typo = (w: string) => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(rnd() * (w.length - 2));
    return `${w.slice(0, i)}${w[i + 1] ?? ''}${w[i] ?? ''}${w.slice(i + 2)}`;
  };
  const offTopic = ["what's the wifi password", 'how do I book annual leave', 'printer not working', 'when is payday'];
  return Array.from({ length: count }, () => {
    const e = pick(kb.entries);
    switch (Math.floor(rnd() * 5)) {
      case 0:
        return e.title;
      case 1:
        return e.title.split(' ').map(typo).join(' ');
      case 2:
        return `can you tell me what we mean by ${pick(e.aliases)}`;
      case 3:
        return `${e.kind} ${e.number ?? 1}`;
      default:
        return pick(offTopic);
    }
  });
}
