import { looksPersonal } from '../../bot/privacy';

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
  ])('notices %s', (_label, text) => expect(looksPersonal(text)).toBe(true));

  test.each([
    ['a framework question', 'what does the A in CARES mean'],
    ['a numbered principle', 'principle 7'],
    ['a year', 'the 2021 framework'],
    ['ten digits that fail the NHS check', 'ref 943 476 5910'],
  ])('leaves %s alone', (_label, text) => expect(looksPersonal(text)).toBe(false));
});
