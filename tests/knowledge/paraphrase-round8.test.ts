// Ranking round 8 (issue 27), from the retired blind set H10: kinds of phrasing, each with ordinary words
// that must not trigger it. The questions here are written for these tests, not copied from a set.
import { respond } from '../../knowledge/respond';
import { withoutAsker } from '../../knowledge/search/asker';
import { loadLexicon } from '../../knowledge/search/lexicon';
import { buildIndex } from '../../knowledge/search/search-index';
import { surfaceWords } from '../../knowledge/search/terms';
import { titledAsked } from '../../knowledge/search/titled';
import { shippedSearch } from '../../testkit/kb';

const search = shippedSearch();
const reply = (question: string, frameworkId: string) => respond(search, question, { frameworkId });
const idOf = (question: string, frameworkId: string) => {
  const { result } = reply(question, frameworkId);
  return result.found ? result.entry.id : null;
};

describe('the asker introduced first is not what the question is about', () => {
  test.each([
    ['iro here, remind me of the five values in the b&d model', 'iro here, '],
    ['probation: our service user is dad', 'probation: '],
    ['asye asking what relational practice means', 'asye asking '],
    ['fostering sw: kinship carers have strengths', 'fostering sw: '],
  ])('%p drops %p', (q, intro) => expect(withoutAsker(q)).toBe(q.slice(intro.length)));

  test.each([
    'what is the iro here', // more than three words before "here"
    'is the iro here?', // nothing after it
    'how does the framework help here',
  ])('%p is left as it is', (q) => expect(withoutAsker(q)).toBe(q));

  test.each([
    ['iro here - what are the five values again', 'lbbd', 'lbbd-cares'],
    ['asye asking: what is relational practice, is there a set list', 'lbbd', 'lbbd-relational-practice'],
    ['probation here, does cscs work with the whole family under its framework', 'jersey', 'jersey-family-focused'],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    ['iro here, who is the iro on this case', 'lbbd'],
    ['school dsl here - whats the route for referring into early help', 'jersey'],
    ['how do i book my asye review', 'lbbd'],
    ['when is my probation review', 'jersey'],
    ['fsw here, when does the first cla review need to happen', 'lbbd'],
  ])('a role said in the question itself is still declined: %p in %s', (q, f) => {
    const r = reply(q, f);
    expect(r.result.found).toBe(false);
    expect(r.reply?.kind).toBe('decline');
  });
});

describe("an entry's name right before its kind word is that entry", () => {
  test.each([
    ['sharing value, what is it really about', 'lbbd', 'lbbd-sharing'],
    ['the respect value and school attendance', 'lbbd', 'lbbd-respect'],
    ['the caring language principle in court reports', 'lbbd', 'lbbd-caring-language'],
    ['systemic practice ingredient - not the one about accumulated challenges', 'jersey', 'jersey-systemic-practice'],
    ['the trauma informed approach with teenagers', 'lbbd', 'lbbd-trauma-informed-practice'],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  const index = buildIndex(search.kb, loadLexicon());
  const titled = (q: string, f: string) => titledAsked(index, surfaceWords(q, index.lexicon), f)?.id;
  test.each([
    // The plural is a list or a count, not one entry.
    ['sharing values with partners', 'lbbd'],
    // Another kind's word ("a respectful approach" is not the value Respect), or another framework's.
    ['a respectful approach to dad', 'lbbd'],
    ['the systemic practice principle', 'jersey'],
    // The name after the kind word, or apart from it.
    ['which value covers sharing information', 'lbbd'],
    ['the value i share most with the family', 'lbbd'],
  ])('%p in %s names no entry by its kind word', (q, f) => expect(titled(q, f)).toBeUndefined());
});

describe('which entry of a kind fits a situation that names a process or tool', () => {
  test.each([
    [
      'writing life story work with a 9 year old, which principle says to use kind words',
      'lbbd',
      'lbbd-caring-language',
    ],
    [
      'doing a genogram with the family - which ingredient is about relationships and patterns',
      'jersey',
      'jersey-systemic-practice',
    ],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    // What it names is what it asks about: nothing is left once it is set aside.
    ['is signs of safety a value we use', 'lbbd'],
    ['which approach is closest to signs of safety', 'lbbd'],
    ['which ingredient covers signs of safety', 'jersey'],
    ['which principle covers section 47 timescales', 'lbbd'],
    // No kind asked for: declined as before.
    ['life story work with a child in care, what do i do first', 'jersey'],
  ])('%p in %s is still declined', (q, f) => {
    const r = reply(q, f);
    expect(r.result.found).toBe(false);
    expect(r.reply?.kind).toBe('decline');
  });
});

describe('a place with a word of its name half remembered', () => {
  test.each([
    ['no 5 on the list, systemic something?', 'jersey', 'jersey-systemic-practice'],
    ['the 9th one, direct something', 'jersey', 'jersey-direct-work'],
    ['number 8 on the list - the systemic one?', 'jersey', 'jersey-systemic-responses'],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  // The word is not the name of the entry at that place: not read as the place.
  test('"the 2nd one on the list, the rights one?" in jersey is not the 2nd ingredient', () => {
    expect(idOf('the 2nd one on the list, the rights one?', 'jersey')).not.toBe('jersey-family-focused');
  });
  test('"first visit with the family, something about rights?" in jersey is not a place', () => {
    const { result } = reply('first visit with the family, something about rights?', 'jersey');
    expect(result.found && result.how).not.toBe('number');
  });
});

describe('the framework named with two kinds of its entries is the framework as a whole', () => {
  test.each([
    ['what does our framework contain - values, principles, more besides?', 'lbbd'],
    ['lbbd model: is it values and principles plus something more?', 'lbbd'],
  ])('%p in %s → its introduction', (q, f) => expect(idOf(q, f)).toBe('lbbd-framework'));

  test.each([
    // No framework named: the kinds are what the question is about.
    ['values and principles about families', 'lbbd'],
    // An entry answers the rest on its own.
    ['which value and which principle are about curiosity in our framework', 'lbbd'],
  ])('%p in %s is not the introduction', (q, f) => expect(idOf(q, f)).not.toBe('lbbd-framework'));
});

describe("a list named by one of its overview's names beside other words", () => {
  test.each([
    ['core values of the lbbd framework for my asye log', 'lbbd', 'lbbd-cares'],
    ['print out of our practice approaches for the team room', 'lbbd', 'lbbd-approaches'],
    ['relational principles poster for the office', 'lbbd', 'lbbd-relational-practice'],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test.each([
    // "our values" says nothing beside the kind: it asks of one value as often as of all.
    ['what are our values for the team poster', 'lbbd'],
    ['what do our values say about culture', 'lbbd'],
  ])('%p in %s is not the list by its name', (q, f) => expect(idOf(q, f)).not.toBe('lbbd-cares'));
});

describe("another framework's one-word title is that entry only with its kind word", () => {
  test('"why do we and the police sharing one practice model matter" in jersey is answered, not declined', () => {
    expect(idOf('why do we and the police sharing one practice model matter', 'jersey')).toBe('jersey-shared-model');
  });

  test.each([
    ['is there a respect value in our framework', 'jersey', 'Respect'],
    ['does jersey have a sharing value', 'jersey', 'Sharing'],
    ['restorative practice in jersey?', 'jersey', 'Restorative Practice'],
  ])('%p in %s is declined as naming %s', (q, f, title) => {
    const { result } = reply(q, f);
    expect(!result.found && result.notCovered).toContain(title);
  });
});

describe('more overview words for the framework as a whole', () => {
  test.each([
    ['high level view of the jersey framework please', 'jersey', 'jersey-framework'],
    ['the framework broadly, for a new starter', 'jersey', 'jersey-framework'],
  ])('%p in %s → %s', (q, f, id) => expect(idOf(q, f)).toBe(id));

  test('"broadly speaking does the framework say kids should be heard" asks of one ingredient', () => {
    expect(idOf('broadly speaking does the framework say kids should be heard', 'jersey')).toBe(
      'jersey-childrens-rights',
    );
  });
});
