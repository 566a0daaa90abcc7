import type { AnswerResult } from '../../knowledge/search/answer';
import { entrySchema } from '../../knowledge/kb/schema';
import { shippedSearch } from '../../testkit/kb';

// Issue 27: staff point at an entry by its kind, its position or letter, a situation, or the
// source's ideas in their own words. Each question here is from the issue.
const ask = (question: string, defaultFramework: string): AnswerResult =>
  shippedSearch().answer(question, { defaultFramework });
const idOf = (question: string, defaultFramework: string) => {
  const r = ask(question, defaultFramework);
  return r.found ? r.entry.id : null;
};

describe('answers staff paraphrases of the framework (issue 27)', () => {
  test.each([
    ['whats our practice framework in b&d in a nutshell', 'lbbd', 'lbbd-framework'],
    ['cares acronym??', 'lbbd', 'lbbd-cares'],
  ])('the framework and its parts by name: %p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    ['what was the value beginning with E', 'lbbd', 'lbbd-empowerment'],
    ['the value starting with r', 'lbbd', 'lbbd-respect'],
    ['last ingredient', 'jersey', 'jersey-direct-work'],
    ['the final principle', 'lbbd', 'lbbd-be-human'],
    ['the first value', 'lbbd', 'lbbd-compassion'],
    ['the A in CARES', 'lbbd', 'lbbd-accountability'],
    // Round 5 (from retired blind set H6): a describing word between place and kind, counting from the end
    // in words, the middle one, a count, and a place alone with fillers.
    ['first relational principle', 'lbbd', 'lbbd-be-collaborative'],
    ['10th relational principle', 'lbbd', 'lbbd-be-human'],
    ['no 3 of the relational principles', 'lbbd', 'lbbd-caring-language'],
    ['the first of the 10 principles', 'lbbd', 'lbbd-be-collaborative'],
    ['second to last ingredient', 'jersey', 'jersey-systemic-responses'],
    ['one before last principle', 'lbbd', 'lbbd-help-to-succeed'],
    ['middle value of the five', 'lbbd', 'lbbd-respect'],
    ['number of approaches in the lbbd model?', 'lbbd', 'lbbd-approaches'],
    ['final one on the list', 'jersey', 'jersey-direct-work'],
    // Round 6 (from retired set H7).
    ['what comes first on the list of nine', 'jersey', 'jersey-childrens-rights'],
    ['what is number three out of the 9', 'jersey', 'jersey-strengths-and-risks'],
    // Round 7 (from retired set H8): the kind named beside a place elsewhere, the list named by its overview's
    // title, and "number 6" with words asking about it.
    ['which principle is at number 4', 'lbbd', 'lbbd-use-of-self'],
    ['which value is number 2 on the list', 'lbbd', 'lbbd-accountability'],
    ['which approach is second in the list', 'lbbd', 'lbbd-strengthening-families'],
    ['no.5 on the relational practice list', 'lbbd', 'lbbd-respond-contextually'],
    ['no 6 - what would it look like on a home visit', 'jersey', 'jersey-trauma-informed'],
    ['number 2 on the list, how do i use it in supervision', 'jersey', 'jersey-family-focused'],
    ['what does item 3 on the list mean', 'jersey', 'jersey-strengths-and-risks'],
    ['what does number 5 cover', 'jersey', 'jersey-systemic-practice'],
  ])('by position or letter: %p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    // Round 7: the framework as a whole, and a kind's list, asked for beside other words.
    ['framework overview for a new starter pls x', 'jersey', 'jersey-framework'],
    ['run me through the whole framework for my asye', 'jersey', 'jersey-framework'],
    ['what model does cscs work to, im new from england', 'jersey', 'jersey-framework'],
    ["whats cscs's framework", 'jersey', 'jersey-framework'],
    ['which framework do we work to in barking and dagenham', 'lbbd', 'lbbd-framework'],
    ['what do the letters of our values stand for, for a poster', 'lbbd', 'lbbd-cares'],
    ['give me all of the cares values for a team away day', 'lbbd', 'lbbd-cares'],
    ['remind me of the 5 values before my interview', 'lbbd', 'lbbd-cares'],
  ])('the whole framework or a whole list in other words: %p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    // Round 7: a question naming the kind answers from its clear leader, the situation around it being the asker's.
    [
      'student asked which value is about holding ourselves answerable for what matters most',
      'lbbd',
      'lbbd-accountability',
    ],
    ["which one of our values is about celebrating a child's small wins", 'lbbd', 'lbbd-empowerment'],
    [
      'which of our principles says to dig deeper when a parent says everything is fine',
      'lbbd',
      'lbbd-professional-curiosity',
    ],
  ])('the kind named, with a clear leader of it: %p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test('ordinary words are not a place, the whole framework or a list', () => {
    // An ordinal in passing, and a count before a kind word, are no place.
    expect(idOf('first home visit next week, how should i introduce myself', 'jersey')).not.toBe(
      'jersey-childrens-rights',
    );
    expect(idOf('doing one value a week in team meetings', 'lbbd')).not.toBe('lbbd-compassion');
    expect(idOf('at this point 2 kids are on the plan, what next', 'jersey')).not.toBe('jersey-family-focused');
    // "whole" beside something else, and "what the framework means…", ask about a part of it.
    expect(idOf('hv here, i always look at the whole family, does cscs think the same', 'jersey')).not.toBe(
      'jersey-framework',
    );
    expect(idOf('can you tell me what the framework means when it says be human', 'lbbd')).toBe('lbbd-be-human');
    // The values asked about a topic ask for one of them, not the list.
    expect(idOf("what do our values say about respecting a family's culture", 'lbbd')).toBe('lbbd-respect');
  });

  test.each([
    ['how do i stop assuming i know whats going on in a family', 'lbbd', 'lbbd-neutral-stance'],
    ['we are not flies on the wall', 'lbbd', 'lbbd-neutral-stance'],
    ['teen being groomed by older lads at the park, what approach', 'lbbd', 'lbbd-contextual-safeguarding'],
    ['mum keeps getting blamed for dads violence', 'lbbd', 'lbbd-safe-and-together'],
    ['child has had 5 sws in a year', 'jersey', 'jersey-stable-relationships'],
    ['kid is always left out of meetings about them, which value', 'lbbd', 'lbbd-sharing'],
  ])('by situation or in other words: %p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test('"one of the principles" and "the importance of the principles" name no place', () => {
    expect(idOf('one of the principles', 'lbbd')).not.toBe('lbbd-be-collaborative');
    expect(idOf('the importance of the principles', 'lbbd')).not.toBe('lbbd-be-collaborative');
    // Five values: the middle one exists; ten principles have none.
    const even = ask('the middle principle', 'lbbd');
    expect(even.found && even.entry.kind === 'principle' ? even.entry.id : null).toBeNull();
  });

  test('a kind word restricts the answer to that kind: "which value" is never a principle', () => {
    const r = ask('which value is about being kind to children', 'lbbd');
    expect(r.found && r.entry.kind).toBe('value');
  });

  test.each([
    ['what is restorative practice', 'jersey'],
    ['process for a secure accommodation order', 'jersey'],
    ['process for a secure accommodation order', 'lbbd'],
  ])("what the chat's framework does not contain is declined: %p in %s", (q, f) => {
    const r = ask(q, f);
    expect(r.found ? r.entry.id : r.reason).toBe('not-covered');
  });

  test("another framework's entry, named by its title, is declined as that framework's", () => {
    expect(ask('what is restorative practice', 'jersey')).toMatchObject({
      found: false,
      reason: 'not-covered',
      notCovered: 'Restorative Practice, which is in the Barking & Dagenham framework',
    });
    // The framework's own words are never declined: Jersey has a trauma-informed ingredient.
    expect(idOf('trauma informed practice', 'jersey')).toBe('jersey-trauma-informed');
  });

  test('a weak match says "not sure" and offers the best three', () => {
    const r = ask('how do we work with a family where dad drinks', 'lbbd');
    if (r.found) expect(r.confident || r.alternatives.length > 0).toBe(true);
    else expect(r.suggestions.length).toBe(3);
  });
});

describe('typical staff questions in the framework file (questions:)', () => {
  const base = {
    id: 'x-one',
    kind: 'principle',
    title: 'One',
    summary: 'A summary.',
    text: 'The text.',
    aliases: ['one'],
    keywords: ['one'],
    prompts: ['a?', 'b?', 'c?'],
    group_prompts: ['a?', 'b?'],
  };

  test('are optional, and a list of questions when given', () => {
    expect(entrySchema.safeParse(base).success).toBe(true);
    expect(entrySchema.safeParse({ ...base, questions: ['what do we do when a family feels judged'] }).success).toBe(
      true,
    );
    expect(entrySchema.safeParse({ ...base, questions: 'not a list' }).success).toBe(false);
    expect(entrySchema.safeParse({ ...base, questions: [''] }).success).toBe(false);
  });
});
