import { publicNamesOf } from '../../knowledge/respond/public-names';
import { looksPersonal, personalDetails } from '../../knowledge/safety/personal-details';
import { loadOrThrow } from '../../testkit/kb';

/** What every caller passes: the shipped frameworks' own names, from their files. */
const FRAMEWORK_NAMES = publicNamesOf(loadOrThrow());

describe('looksPersonal', () => {
  test.each([
    ['an email address', 'email me at sam.taylor@example.org'],
    ['a postcode', 'family lives near RM10 7BY'],
    ['a lower-case postcode', 'near ig11 7la'],
    ['a Jersey postcode', 'JE2 4UH'],
    ['a date of birth', 'child born 12/03/2015'],
    ['"DOB"', 'dob 3rd march'],
    ['a mobile number', 'call 07700 900123'],
    ['an international number', 'on +44 7700 900123'],
    ['a landline', 'ring 020 7946 0018'],
    ['a valid NHS number', 'NHS 943 476 5919'],
    ["a person's full name", 'I visited Tom Smith yesterday, what does principle 7 say'],
    ['a first name in a question', "how do I be curious with Jayden's mum"],
    ['a name with an age after a comma', 'Kayleigh, 14, told me she feels unheard'],
    ['a name with an age in brackets', 'Tom (7) and his sister'],
    ['a name with "aged"', 'working with Leo aged 5'],
    ['a school', "a child at St Mary's Primary"],
    ['an academy', 'Eastbury Academy called'],
    ['a case number', 'case 4471023'],
    ['a reference with letters', 'ref: CP-2023-0042'],
    ['a long number on its own', 'about 20394817'],
  ])('notices %s', (_label, text) => expect(looksPersonal(text)).toBe(true));

  test.each([
    ['a framework question', 'what does the A in CARES mean'],
    ['a numbered principle', 'principle 7'],
    ['a year', 'the 2021 framework'],
    ['ten digits that fail the NHS check', '943 476 5910'],
    ['"first child" (not a name: no capital)', "I'm chairing my first child protection conference"],
    ["the framework's own names", 'what did Russ Bellenie write about Goldsmiths'],
    ['a numbered article', 'UNCRC Article 12'],
    ['a principle and value by number', 'Principle 3, value 2'],
  ])('leaves %s alone', (_label, text) => expect(looksPersonal(text, FRAMEWORK_NAMES)).toBe(false));
});

describe('personalDetails: the kinds the reminder names (issue 22 §5)', () => {
  test.each([
    ['a lower-case full name', 'worried about jayden smith', ['name']],
    ['a family by its surname', 'visiting the okafor family tomorrow', ['name']],
    ['a capitalised family name', 'the Okafor family asked for a new worker', ['name']],
    ['a name with an age in brackets', 'kayleigh (14) says nobody listens', ['name', 'age']],
    ['a postcode alone: not "a name, age, school"', 'they moved to RM10 7BY', ['postcode']],
    ['a school alone', 'a boy at eastbury academy', ['school']],
    ['an address', 'mum lives at 14 oxlow lane', ['address']],
    ['a date of birth', 'dob 3rd march 2012', ['date-of-birth']],
    ['an email', 'sam.taylor@example.org', ['email']],
    ['a reference', 'mosaic ref 1234567', ['reference']],
  ] as const)('%s', (_label, text, kinds) => expect(personalDetails(text)).toEqual(kinds));

  test.each([
    ['a researcher', 'what did Eileen Munro say about risk'],
    ['a researcher by surname', "how does Bowlby's attachment theory fit"],
    ['a count in brackets', 'Values (5)'],
    ['a numbered list in brackets', 'Principles (10) and Approaches (7)'],
    ['the date of a team meeting', 'team meeting on 12 March 2027 about the framework'],
    ['a training date', 'training on 14/02/2027 on trauma informed practice'],
    ['a law and its year', 'Children Act 1989 section 17'],
    ['"foster" and "grace" as words', 'foster carers and a grace period for reviews'],
  ])('stays quiet for %s', (_label, text) => expect(personalDetails(text)).toEqual([]));

  test("the framework's own people are public when the caller passes them", () => {
    const text = 'what did Jo Bloggs write about the values';
    expect(personalDetails(text)).toEqual(['name']);
    expect(personalDetails(text, { publicNames: ['Jo Bloggs, Principal Social Worker (PSW)'] })).toEqual([]);
  });
});
