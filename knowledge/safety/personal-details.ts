import nlp from 'compromise';

/**
 * Does a question look as though it holds personal details? Then the card adds a gentle reminder;
 * the question is still answered (a reminder, never a refusal). Only the yes/no is used: the text
 * itself is never logged or kept. False positives are measured on every evaluation question by
 * `npm run eval`, and the gate holds them at none.
 */
const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  // UK postcodes: "RM10 7BY", "ig11 7la", "JE2 4UH".
  ['postcode', /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/],
  // Dates such as "12/03/2015", "12-3-15", "12.03.2015", and "DOB"/"date of birth"/"born on".
  ['date', /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})\b|\bd\.?o\.?b\b|\bdate of birth\b|\bborn on\b/i],
  // Phone numbers: "07700 900123", "+44 7700 900123", "020 7946 0018".
  ['phone', /(?:\+44\s?|\b0)(?:\d\s?){9,10}\b/],
  // An age next to a name: "Kayleigh, 14", "Tom (7)", "Jayden aged 5", "Amira who is 12", "Leo 3yo".
  [
    'age',
    /\b[A-Z][a-z]+(?:\s*,\s*|\s*\(\s*|\s+(?:aged?|who is|is|,? age)\s+)\d{1,2}\b(?!\s*(?:%|am|pm|:))|\b[A-Z][a-z]+\s+\d{1,2}\s*(?:yo|y\/o|yrs?|years?(?:\s+old)?)\b/,
  ],
  // A school: "St Mary's Primary", "Eastbury Academy", "Barking Abbey School".
  [
    'school',
    /\b(?:St\.?\s+)?[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)*\s+(?:Primary|Secondary|Academy|Infants?|Juniors?|Nursery|High School|Grammar School|School|College|Free School|PRU)\b/,
  ],
  // A case or reference number: "case 4471023", "ref: CP-2023-0042", "LCS 123456", "ID 00981", or any long number.
  [
    'reference',
    /\b(?:case|ref|reference|file|record|client|child|person|id|lcs|mosaic|cp|cin|lac|nhs)\b\s*(?:no\.?|number|num|#|id)?\s*[:#]?\s*[A-Za-z]{0,4}[-/]?\d[\d/-]{3,}\b|\b[A-Z]{2,5}[-/]\d{3,}\b|\b\d{6,}\b/i,
  ],
];

/** Words that start with a capital in ordinary questions, and are not people's names. */
const NOT_NAMES = new Set([
  'i',
  'russ',
  'bellenie',
  'goldsmiths',
  'jersey',
  'barking',
  'dagenham',
  'cares',
  'uncrc',
  'psw',
  'lbbd',
  'cscs',
]);

export function looksPersonal(text: string, publicNames: readonly string[] = []): boolean {
  return PATTERNS.some(([, pattern]) => pattern.test(text)) || hasNhsNumber(text) || hasPersonName(text, publicNames);
}

/**
 * A likely person's name, found by compromise: "Tom Smith", "worried about Jayden". Only names someone
 * wrote with a capital letter count ("first child" is not a name), and the framework's own names do not.
 */
function hasPersonName(text: string, publicNames: readonly string[]): boolean {
  const notNames = new Set([...NOT_NAMES, ...publicNames.flatMap((n) => n.toLowerCase().split(/\s+/))]);
  if (!/[A-Z][a-z]/.test(text)) return false; // no capitalised word: no name to find, and no need to parse
  const people = nlp(text.slice(0, 1000)).people().out('array') as string[];
  return people.some((match) =>
    match
      .split(/\s+/)
      .map((w) => w.replace(/[^A-Za-z'’-]/g, ''))
      .some((w) => /^[A-Z][a-z'’-]+$/.test(w) && !notNames.has(w.toLowerCase())),
  );
}

/** A 10-digit NHS number ("943 476 5919") whose check digit is right. */
function hasNhsNumber(text: string): boolean {
  for (const match of text.matchAll(/\b(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\b/g)) {
    const digits = `${match[1]}${match[2]}${match[3]}`.split('').map(Number);
    const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if ((check === 11 ? 0 : check) === digits[9] && check !== 10) return true;
  }
  return false;
}
