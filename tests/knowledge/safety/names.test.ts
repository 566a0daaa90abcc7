// Public names (names.yaml's and a framework's own) are looked up by their first word, and the lookup
// made once per frozen list: these pin down what that must keep of trying every phrase at every word.
import { nameAndAge } from '../../../knowledge/safety/names';

test('a public name is left alone, with its possessive written without the apostrophe', () => {
  expect(nameAndAge('what does Bruce Perry say about regulation').name).toBe(false);
  expect(nameAndAge('is Bruce Perrys work on regulation in the framework').name).toBe(false);
  expect(nameAndAge('how would Maslows hierarchy fit here').name).toBe(false);
});

test("a framework's people are left alone by their full name, by each name and with the possessive", () => {
  const people = Object.freeze(['Gareth Penhaligon, Head of Practice (HoP)']);
  for (const q of [
    'what did Gareth Penhaligon write',
    'what did Penhaligon write',
    'is Penhaligons model in here',
    'ask Gareth about it',
  ])
    expect(nameAndAge(q, people).name).toBe(false);
  // A public name that is also a first name, with the possessive: "kayleighs nan" names a person, unless Kayleigh is public.
  expect(nameAndAge('kayleighs nan rang').name).toBe(true);
  expect(nameAndAge('kayleighs nan rang', Object.freeze(['Kayleigh'])).name).toBe(false);
  expect(nameAndAge('what did Gareth Penhaligon write').name).toBe(true);
});

test('a list of public names that is not frozen is read afresh each time', () => {
  const people = ['Gareth Penhaligon'];
  expect(nameAndAge('what did Gareth Penhaligon write', people).name).toBe(false);
  people[0] = 'Morwenna Trelawny';
  expect(nameAndAge('what did Gareth Penhaligon write', people).name).toBe(true);
  expect(nameAndAge('what did Morwenna Trelawny write', people).name).toBe(false);
});
