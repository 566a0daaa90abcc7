import { loadKnowledgeBase } from '../../knowledge/kb/load';
import type { Entry, KnowledgeBase } from '../../knowledge/kb/model';
import { loadLexicon } from '../../knowledge/search/lexicon';
import { words } from '../../knowledge/search/analyse';
import { contentProblems } from '../../knowledge/kb/prompt-rules';

let kb: KnowledgeBase;
beforeAll(() => {
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
  kb = loaded.kb;
});

const of = (frameworkId: string, kind: Entry['kind']) =>
  kb.entries.filter((e) => e.frameworkId === frameworkId && e.kind === kind);
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
    for (const a of approaches)
      expect({ id: a.id, who: Boolean(a.whoUses), why: Boolean(a.why) }).toEqual({ id: a.id, who: true, why: true });
  });

  test('has an overview for the values, the principles and the approaches', () => {
    const overviews = of('lbbd', 'overview');
    expect(
      overviews
        .map((o) => o.lists)
        .filter(Boolean)
        .sort(),
    ).toEqual(['approach', 'principle', 'value']);
  });

  test('Safe & Together speaks of the non-offending parent, and says why', () => {
    const entry = kb.entry('lbbd-safe-and-together');
    // An editorial change inside a quote, so in square brackets.
    expect(entry?.text).toContain('[non-offending] parent');
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
      if (overview.acronym)
        expansions.set(
          overview.acronym.toLowerCase(),
          kb.entries
            .filter((e) => e.frameworkId === overview.frameworkId && e.kind === overview.lists)
            .map((e) => words(e.title)[0] ?? ''),
        );
    }
    const unexplained = kb.entries.flatMap((e) => {
      const summaryWords = new Set(words(e.summary));
      return [...e.summary.matchAll(/\b[A-Z]{2,}s?\b/g)]
        .map((m) => m[0])
        .filter((acronym) => {
          const expansion =
            expansions.get(acronym.toLowerCase()) ?? expansions.get(acronym.toLowerCase().replace(/s$/, ''));
          return !expansion || !expansion.every((w) => summaryWords.has(w));
        })
        .map((acronym) => `${e.id}: ${acronym}`);
    });
    expect(unexplained).toEqual([]);
  });

  test('reflection prompts are open questions that never ask for identifying details', () => {
    const identifying =
      /\b(name of|full name|names? (the|a) (child|family)|address|date of birth|postcode|phone|nhs number|email)\b/i;
    for (const e of kb.entries) {
      for (const p of [...e.prompts, ...e.groupPrompts]) {
        expect({ id: e.id, prompt: p, question: p.trim().endsWith('?'), identifying: identifying.test(p) }).toEqual({
          id: e.id,
          prompt: p,
          question: true,
          identifying: false,
        });
      }
    }
  });

  test('group prompts are worded for a group, or for private thought ("Take a moment on your own: …")', () => {
    for (const e of kb.entries) {
      for (const p of e.groupPrompts) {
        const fits =
          /\b(team|together|each other|between you|you share|meetings|your partners|your services?|professionals)\b/i.test(
            p,
          ) || /^Take a moment on your own: /.test(p);
        expect({ id: e.id, p, fits }).toEqual({ id: e.id, p, fits: true });
      }
    }
  });

  test("related entries stay within their own framework, so people are never sent to another authority's", () => {
    for (const e of kb.entries)
      expect({ id: e.id, others: e.related.filter((r) => kb.entry(r)?.frameworkId !== e.frameworkId) }).toEqual({
        id: e.id,
        others: [],
      });
    expect(kb.entry('jersey-shared-model')?.related).not.toContain('lbbd-sharing');
  });
});

describe('prompts fit for channels, meetings and private thought', () => {
  test('every prompt of both frameworks keeps the rules: open, second person, plain words; group prompts short, varied and never case-inviting', () => {
    expect(contentProblems(kb.entries)).toEqual([]);
  });

  test('both frameworks have group prompts for every entry, so channel posts never fall back to individual prompts', () => {
    expect(kb.entries.filter((e) => e.groupPrompts.length === 0).map((e) => e.id)).toEqual([]);
  });

  const planted = (groupPrompt: string) =>
    contentProblems(
      kb.entries.map((e) =>
        e.id === 'lbbd-professional-curiosity' ? { ...e, groupPrompts: [...e.groupPrompts, groupPrompt] } : e,
      ),
    ).map((p) => p.problem);

  test.each([
    [
      'a case-inviting prompt',
      'What can a family you are working with already do for themselves?',
      /invites people to describe a case/,
    ],
    [
      'a recent visit',
      'Think about a recent visit: what did you notice that was not said out loud?',
      /invites people to describe a case/,
    ],
    ['a closed question', 'Do you ask open questions on visits?', /yes\/no question/],
    ['"we" instead of "you"', 'How do we ask each other open questions?', /second person/],
    ['unexplained jargon', 'How could your team use appreciative inquiry more?', /without explaining it/],
    [
      'a 31-word prompt',
      'Which of the many different ways that your team could possibly use to ask each other open and curious questions in supervision and discussions would help you most over the coming months ahead?',
      /has 3\d words/,
    ],
    ['not a question', 'Share your favourite open question.', /not a question/],
    [
      "a child's name, age and school",
      "Which child is on your mind? Share the child's name, age and school so the team can help?",
      /could identify a child or family/,
    ],
    ['their school', 'How is their school helping, and what could you ask of it?', /could identify a child or family/],
  ])('a planted bad group prompt is caught: %s', (_label, prompt, problem) => {
    expect(planted(prompt)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('openings that repeat are caught: "As a team, how do we…" on every group prompt fails', () => {
    const repeated = kb.entries.map((e) => ({
      ...e,
      groupPrompts: e.groupPrompts.map((p) => `As a team, ${p.charAt(0).toLowerCase()}${p.slice(1)}`),
    }));
    expect(contentProblems(repeated).map((p) => p.problem)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^"as a…" opens \d+ of \d+ group prompts: vary how they start$/)]),
    );
  });
});

describe('the five meaning changes are fixed, each with a note', () => {
  test("principle 9 keeps the source's mindset and trauma", () => {
    const p9 = kb.entry('lbbd-help-to-succeed')!;
    expect(p9.title).toBe('Think of people as often needing help to achieve and succeed');
    expect(p9.summary).toMatch(/trauma/);
    expect(p9.notes).toMatch(/Help people to achieve and succeed/);
  });

  test('trauma informed practice: practitioners recognise and respond appropriately', () => {
    const e = kb.entry('lbbd-trauma-informed-practice')!;
    expect(e.why).toMatch(/recognise and respond appropriately to the trauma they see and experience/);
    expect(e.why).not.toMatch(/help practitioners with the trauma/);
    expect(e.notes).toMatch(/respond appropriately to and recognise/);
  });

  test('a shared model: "can be particularly effective", and the neglect of older children', () => {
    const e = kb.entry('jersey-shared-model')!;
    expect(e.summary).toMatch(/can be particularly effective/);
    expect(e.summary).toMatch(/neglect of older children/);
    expect(e.notes).toMatch(/can be/);
  });

  test('the Barking & Dagenham description: it explains the fundamentals of the practice framework model', () => {
    expect(kb.framework('lbbd')!.description).toMatch(
      /explains the fundamentals of the Children's Social Care \(CSC\) Practice Framework Model/,
    );
    expect(kb.entry('lbbd-framework')!.notes).toMatch(/explains the fundamentals/);
  });

  test("the approaches: the whole of Children's Social Care uses Safe & Together", () => {
    const e = kb.entry('lbbd-approaches')!;
    expect(e.summary).toMatch(/the whole of Children's Social Care uses Safe & Together/);
    expect(e.summary).not.toMatch(/each used by particular teams/);
    expect(e.notes).toMatch(/The whole of CSC uses this model/);
  });
});
