import type { AnswerResult } from '../../knowledge/search/answer';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import { createSearch } from '../../knowledge/search/answer';
import { loadLexicon } from '../../knowledge/search/lexicon';
import { rememberedWords } from '../../knowledge/search/terms';
import { loadOrThrow, shippedSearch } from '../../testkit/kb';

const ask = (question: string, defaultFramework = 'lbbd'): AnswerResult =>
  shippedSearch().answer(question, { defaultFramework });
/** Asked in a chat set to the framework of the entry expected, when the test names none. */
const idOf = (question: string, defaultFramework = 'lbbd') => {
  const r = ask(question, defaultFramework);
  return r.found ? r.entry.id : null;
};

describe('answer()', () => {
  test.each([
    ['safegaurding in the community, outside the family', 'lbbd-contextual-safeguarding'],
    ['curiousity', 'lbbd-professional-curiosity'],
    ['colaborative', 'lbbd-be-collaborative'],
    ['restoritive practice', 'lbbd-restorative-practice'],
    ['chld centred', 'lbbd-be-child-centred'],
  ])('typo: %p → %s', (q, id) => expect(idOf(q)).toBe(id));

  test.each([
    ['DA', 'lbbd-safe-and-together'],
    ['DV', 'lbbd-safe-and-together'],
    ['FGC', 'lbbd-restorative-practice'],
    ['ACEs', 'lbbd-trauma-informed-practice'],
    ['UNCRC', 'jersey-childrens-rights'],
    ['CP conferences', 'lbbd-strengthening-families'],
    ['who wrote it, the PSW?', 'lbbd-framework'],
  ])('acronym: %p → %s', (q, id) => expect(idOf(q, id.split('-')[0])).toBe(id));

  test.each([
    ['non-judgmental', 'non-judgemental'],
    ['child centered', 'child centred'],
    ['practise restoratively', 'practice restoratively'],
    ['mentalizing behavior', 'mentalising behaviour'],
  ])('American and British spellings meet: %p and %p give the same answer', (us, uk) => {
    expect(idOf(us)).not.toBeNull();
    expect(idOf(us)).toBe(idOf(uk));
  });

  test.each([
    ['principle 7', 'lbbd-professional-curiosity'],
    ['the 4th principle', 'lbbd-use-of-self'],
    ['tenth principle', 'lbbd-be-human'],
    ['principle number 6', 'lbbd-neutral-stance'],
    ['ingredient three', 'jersey-strengths-and-risks'],
    ['value 2', 'lbbd-accountability'],
    ['the E in CARES', 'lbbd-empowerment'],
    ['what does the A in CARES mean', 'lbbd-accountability'],
    ["what's the S in cares", 'lbbd-sharing'],
  ])('numbered reference: %p → %s', (q, id) => {
    const r = ask(q, id.split('-')[0]);
    expect(r.found && r.entry.id).toBe(id);
    expect(r.found && r.confident).toBe(true);
  });

  test('a number the framework does not have → no answer, and the overview as a suggestion', () => {
    const r = ask('principle 12');
    expect(r).toMatchObject({ found: false, reason: 'no-such-number' });
    expect(!r.found && r.suggestions.map((m) => m.entry.id)).toEqual(['lbbd-relational-practice']);
  });

  test.each([
    ['list the principles', 'lbbd-relational-practice'],
    ['what are our values', 'lbbd-cares'],
    ['what is CARES', 'lbbd-cares'],
    ['what approaches sit under relational practice', 'lbbd-approaches'],
    ['what are the 7 approaches', 'lbbd-approaches'],
    ['all the jersey ingredients', 'jersey-framework'],
  ])('list question: %p → the overview %s', (q, id) => expect(idOf(q)).toBe(id));

  test('a list question is not taken for a reference: "the 10 principles" is a count', () => {
    expect(idOf('what are the 10 principles')).toBe('lbbd-relational-practice');
  });

  describe('frameworks', () => {
    test('a named framework wins: "jersey trauma informed"', () => {
      expect(idOf('jersey trauma informed')).toBe('jersey-trauma-informed');
    });

    test('"what does Barking say about trauma informed practice", asked from Jersey → Barking & Dagenham', () => {
      expect(idOf('what does Barking say about trauma informed practice', 'jersey')).toBe(
        'lbbd-trauma-informed-practice',
      );
    });

    test("unnamed, answers keep to the asker's own framework: no entry or alternative from the other", () => {
      for (const home of ['lbbd', 'jersey'] as const) {
        const r = ask('trauma informed', home);
        expect(r.found && r.entry.frameworkId).toBe(home);
        expect(r.found && r.alternatives.map((m) => m.entry.frameworkId).filter((f) => f !== home)).toEqual([]);
      }
    });

    test("a question only the other framework answers → no answer, and suggestions from the asker's own", () => {
      const r = ask('UNCRC', 'lbbd');
      expect(r.found).toBe(false);
      expect(!r.found && r.suggestions.map((m) => m.entry.frameworkId).filter((f) => f !== 'lbbd')).toEqual([]);
      expect(idOf('ingredient three', 'lbbd')).toBeNull();
    });

    test('"what\'s our practice framework" → the asker\'s framework introduction', () => {
      expect(idOf("what's our practice framework", 'jersey')).toBe('jersey-framework');
      expect(idOf("what's our practice framework", 'lbbd')).toBe('lbbd-framework');
    });
  });

  test.each([
    ['can you tell me what we mean by a neutral stance', 'lbbd-neutral-stance'],
    ['hi, quick one, what does empowerment mean?', 'lbbd-empowerment'],
    ["I'd like to know about the use of self please", 'lbbd-use-of-self'],
  ])('filler is ignored: %p → %s', (q, id) => expect(idOf(q)).toBe(id));

  test.each([
    "what's the wifi password",
    'how do I book annual leave',
    'reset my password',
    'what time does the canteen close',
    'tell me a joke',
    'how do I claim mileage',
  ])('off-topic: %p → no answer, rather than a wrong one', (q) => {
    expect(ask(q)).toMatchObject({ found: false });
  });

  test('greetings and empty questions → no answer, with the framework overviews as suggestions', () => {
    for (const q of ['', '   ', 'hi', '?!']) {
      const r = ask(q);
      expect(r).toMatchObject({ found: false, reason: 'empty' });
      expect(!r.found && r.suggestions.length).toBeGreaterThan(0);
    }
  });

  test('a middling match is answered, but not confidently, and offers alternatives', () => {
    const r = ask('safeguarding');
    expect(r.found).toBe(true);
    expect(r.found && r.confident).toBe(false);
    expect(r.found && r.alternatives.length).toBeGreaterThan(0);
  });

  test('at most 3 alternatives, never the answer itself', () => {
    const r = ask('relationships');
    expect(r.found).toBe(true);
    if (r.found) {
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      expect(r.alternatives.map((m) => m.entry.id)).not.toContain(r.entry.id);
    }
  });

  test(`a question is cut at ${MAX_QUESTION_LENGTH} characters, not processed whole`, () => {
    const padding = ' x'.repeat(MAX_QUESTION_LENGTH);
    expect(idOf(`principle 7${padding}`)).toBe('lbbd-professional-curiosity');
    expect(idOf(`${padding} principle 7`)).toBeNull();
  });
});

describe('what answering keeps', () => {
  test("a question's words are not remembered by the search, though the knowledge base's own words are", () => {
    const lexicon = loadLexicon();
    const search = createSearch(loadOrThrow(), lexicon);
    const known = rememberedWords(lexicon);
    expect(known).toBeGreaterThan(100); // the knowledge base's words, learnt while indexing
    for (let i = 0; i < 3; i++) {
      const result = search.answer('professional curiosity with Zebulonia Quagmire', { defaultFramework: 'lbbd' });
      expect(result.found && result.entry.id).toBe('lbbd-professional-curiosity');
    }
    expect(rememberedWords(lexicon)).toBe(known);
  });
});
