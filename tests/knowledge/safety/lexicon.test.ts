// How the safety net reads a message: typos corrected to the lexicon, real words left alone, figures of
// speech taken out, ages read as a child.
import { loadSafetyLexicon } from '../../../knowledge/safety/lexicon';
import { tokens } from '../../../knowledge/safety/text';

const lexicon = loadSafetyLexicon();
const read = (message: string) => lexicon.read(tokens(message));

test.each([
  ['bruses', 'bruises'],
  ['thretening', 'thretening'], // the lexicon spells this slip itself
  ['overdosed', 'overdosed'],
])('a typo is read as the word meant: %s → %s', (typed, meant) => expect(lexicon.correct(typed)).toBe(meant));

test('a slip the lexicon does not spell is read as its concept: "mssing" is missing', () => {
  expect(read('yp mssing since friday').concepts[1]).toContain('missing');
});

test.each(['teaching', 'bearing', 'leaver', 'heating', 'password'])('a real word is never "corrected": %s', (word) =>
  expect(lexicon.correct(word)).toBe(word),
);

test('full-width letters and digits, curly apostrophes and stuck-on numbers are read as plain words', () => {
  expect(tokens('Ｍｕｍ’s ｂｆ hit the 8yo')).toEqual(['mums', 'bf', 'hit', 'the', '8', 'yo']);
});

test('"this report is killing me" and "kill me now" are figures of speech; "he said he will kill me" is not', () => {
  expect(read('this report is killing me').words).toEqual([]);
  expect(read('kill me now, another audit').words).toEqual(['another', 'audit']);
  expect(read('he said he will kill me').words).toContain('kill');
});

test('an age is a child: "14 yr old", "aged 12"', () => {
  const { concepts } = read('a 14 yr old and a girl aged 12');
  expect(concepts[1]).toEqual(expect.arrayContaining(['age', 'child']));
  expect(concepts[8]).toEqual(expect.arrayContaining(['age', 'child']));
});
