import { englishWords } from './english';
import { mentionsAge, mentionsName } from './names';

/**
 * Does a message hold details that could identify a child or family, and of which kinds? The card then
 * adds a gentle reminder naming the kinds (never quoting them), and a suggestion holding them is refused.
 * Only the kinds are used: the text itself is never logged or kept. Written to hold against the ways
 * people (and the security probe of issue 24) write details: "07700-900-123", full-width digits, "born 12
 * March 2015", "jo.bloggs(at)example(dot)org", "R M 10 7 B Y", "jayden smith, fourteen".
 */
export const DETAIL_KINDS = [
  'name',
  'age',
  'school',
  'address',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
  'reference',
] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';

/** "(at)", "[at]", " at " between the parts of an address; "(dot)", " dot ". */
function unmaskEmail(text: string): string {
  return text
    .replace(/\s*[([{<]\s*at\s*[)\]}>]\s*/g, '@')
    .replace(/\s*[([{<]\s*dot\s*[)\]}>]\s*/g, '.')
    .replace(/([a-z0-9._-]+)\s+dot\s+(?=[a-z0-9])/g, '$1.')
    .replace(/([a-z0-9._-]+)\s+at\s+([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b/g, '$1@$2')
    .replace(/\s*@\s*/g, '@');
}
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;

/** A UK number: 10 or 11 digits from 0, or +44 and 10, whatever the spaces, hyphens, dots and brackets. */
function hasPhone(text: string): boolean {
  for (const m of text.matchAll(/(?:\+\s*44|\(?\b0)[\d\s().-]{8,20}/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (
      digits.startsWith('44') ? digits.length >= 12 && digits.length <= 13 : digits.length >= 10 && digits.length <= 11
    )
      return true;
  }
  return false;
}

const POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/;

/** A postcode, spaced or not: "RM10 7BY", "ig11 7la", "R M 10 7 B Y". */
function hasPostcode(text: string): boolean {
  const parts = [...text.matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  for (let i = 0; i < parts.length; i++) {
    let joined = '';
    for (let j = i; j < parts.length && j < i + 7; j++) {
      const part = parts[j] ?? '';
      if (part.length > 4) break;
      joined += part;
      if (joined.length > 7) break;
      if (joined.length >= 5 && POSTCODE.test(joined)) return true;
    }
  }
  return false;
}

const BIRTH = /\b(?:born|dob|d\s?\.?\s?o\s?\.?\s?b|date of birth|birthday|birth date|bday)\b/;
const DATE = new RegExp(
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:${MONTHS})\b|\b(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|[a-z]+teenth|twentieth|twenty[\s-]?\w+|thirtieth|thirty[\s-]?first)\s+(?:of\s+)?(?:${MONTHS})\b|\b(?:19|20)\d{2}\b`,
);

/** "born 12 March 2015", "dob 3rd march", "date of birth: 21.11.2013". */
function hasDateOfBirth(text: string): boolean {
  const cue = BIRTH.exec(text);
  if (!cue) return false;
  return DATE.test(text.slice(cue.index, cue.index + cue[0].length + 50));
}

/** A case or reference number, an NHS number, or any long number. */
const REFERENCE =
  /\b(?:case|ref|reference|file|record|client|child|person|id|lcs|mosaic|nhs|crn|upn|eclipse|liquidlogic)\b\s*(?:no\.?|number|num|#|id|ref)?\s*[:#]?\s*[a-z]{0,4}[-/]?\d[\d/ -]{3,}\d\b|\b[a-z]{2,5}[-/]\d{3,}(?:[-/]\d+)*\b|\b\d{6,}\b/;

function hasNhsNumber(text: string): boolean {
  for (const match of text.matchAll(/\b(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\b/g)) {
    const digits = `${match[1]}${match[2]}${match[3]}`.split('').map(Number);
    const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if ((check === 11 ? 0 : check) === digits[9] && check !== 10) return true;
  }
  return false;
}

/** "14 Oxlow Lane", "24b ripple road", "flat 4". */
const ADDRESS =
  /\b\d{1,4}[a-z]?,?\s+(?:[a-z']+\s+){1,3}(?:road|rd|street|st|lane|ln|avenue|ave|close|court|crescent|drive|way|gardens|grove|place|square|terrace|walk|mews|row|parade|rise|vale|view|house|tower|estate)\b|\bflat\s+\d+[a-z]?\b/;

/** A named school: "eastbury academy", "St Mary's Primary", "william ford school"; not "her school". */
const SCHOOL =
  /((?:\b[a-z']+\s+){1,3})(?:primary|secondary|academy|infants?|juniors?|junior school|nursery|high school|grammar school|school|college|free school|pru)\b/g;
const GENERIC_BEFORE_SCHOOL = new Set(
  'the a an her his their my our your at to from in of for and or new same local primary secondary special boarding high mainstream independent private state faith village which what this that any every other previous old current different sunday after before goes attends went go started excluded good outstanding home nursery forest summer holiday residential virtual free year is was were be been child children kid kids pupil pupils young people person s about with by on back out off leaving left missed miss skipping skip into start starting between around middle upper lower junior infant big little catholic church grammar medical art drama dance driving law business boy girl boys girls all single sex mixed comprehensive public st'.split(
    ' ',
  ),
);

function hasSchool(text: string, original: string): boolean {
  const english = englishWords();
  for (const m of text.matchAll(SCHOOL)) {
    const before = (m[1] ?? '').trim().split(/\s+/);
    if (/\bst\b|\bsaint\b/.test(m[1] ?? '')) return true;
    const specific = before.filter((w) => !GENERIC_BEFORE_SCHOOL.has(w));
    if (specific.some((w) => !english.words.has(w) || english.firstNames.has(w) || english.surnames.has(w)))
      return true;
    // Capitalised in the message: "Valence Primary", "Barking Abbey School".
    const at = m.index ?? 0;
    if (
      /(?:\b[A-Z][a-z'’]+\s+)+(?:Primary|Secondary|Academy|Infants?|Juniors?|School|College|Nursery)\b/.test(
        original.slice(at, at + m[0].length + 1),
      )
    )
      return true;
  }
  return false;
}

function withoutEmails(text: string): string {
  return unmaskEmail(text.toLowerCase()) === text.toLowerCase()
    ? text.replace(new RegExp(EMAIL.source, 'gi'), ' ')
    : unmaskEmail(text.toLowerCase()).replace(new RegExp(EMAIL.source, 'g'), ' ');
}

export interface PersonalDetailsOptions {
  /** Names that are public, not personal: the framework's author, researchers. From the framework files. */
  readonly publicNames?: readonly string[];
}

/** The kinds of personal detail a message seems to hold, in the order of DETAIL_KINDS; empty when none. */
export function personalDetails(message: string, options: PersonalDetailsOptions = {}): readonly DetailKind[] {
  const original = message.slice(0, 1000).normalize('NFKC');
  const text = original.toLowerCase().replace(/[’‘]/g, "'");
  const found = new Set<DetailKind>();
  // An email address holds a name often enough; it is reported as the email it is.
  const unmasked = unmaskEmail(text);
  if (EMAIL.test(unmasked)) found.add('email');
  if (mentionsName(found.has('email') ? withoutEmails(original) : original, options.publicNames)) {
    found.add('name');
    if (mentionsAge(text)) found.add('age');
  }
  if (hasSchool(text, original)) found.add('school');
  if (ADDRESS.test(text)) found.add('address');
  if (hasPostcode(text)) found.add('postcode');
  if (hasPhone(text)) found.add('phone');
  if (hasDateOfBirth(text)) found.add('date-of-birth');
  if (!found.has('phone') && (REFERENCE.test(text) || hasNhsNumber(text))) found.add('reference');
  return DETAIL_KINDS.filter((k) => found.has(k));
}

/** Does a message look as though it holds personal details? (A suggestion that does is refused.) */
export function looksPersonal(text: string, publicNames: readonly string[] = []): boolean {
  return personalDetails(text, { publicNames }).length > 0;
}
