import { nameAndAge, namedPlaceOrPerson, particular } from './names';

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

/** The message with its email addresses taken out, so the name in "sam.taylor@…" is not a second detail. */
function withoutEmails(text: string): string {
  return unmaskEmail(text.toLowerCase()) === text.toLowerCase()
    ? text.replace(new RegExp(EMAIL.source, 'gi'), ' ')
    : unmaskEmail(text.toLowerCase()).replace(new RegExp(EMAIL.source, 'g'), ' ');
}

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

/** The postcode areas of the UK, Jersey, Guernsey and the Isle of Man: a postcode starts with one. */
const AREAS = new Set(
  'ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g gl gu gy ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze'.split(
    ' ',
  ),
);
const POSTCODE = /^([a-z]{1,2})\d[a-z\d]?\d[a-z]{2}$/;
const OUTWARD = /^([a-z]{1,2})\d[a-z\d]?$/;
const INWARD = /^\d[a-z]{2}$/;
/** A district alone, where the authorities are: "RM8", "IG11", "JE4". */
const LOCAL_DISTRICT = /\b(?:rm|ig|je)\d{1,2}\b/;

function inArea(code: string, pattern: RegExp): boolean {
  const m = pattern.exec(code);
  return m !== null && AREAS.has(m[1] ?? '');
}

/** A postcode, spaced or not: "RM10 7BY", "ig11 7la", "R M 10 7 B Y"; or a local district, "RM8". */
function hasPostcode(text: string): boolean {
  const parts = [...text.replace(/'s\b/g, '').matchAll(/[a-z0-9]+/g)].map((m) => m[0]);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1] ?? '';
    if (inArea(part, POSTCODE) || (inArea(part, OUTWARD) && INWARD.test(next))) return true;
    // Spelt out a character or two at a time: "R M 10 7 B Y".
    let joined = '';
    for (let j = i; j < parts.length && (parts[j] ?? '').length <= 2 && joined.length < 7; j++) {
      joined += parts[j] ?? '';
      if (j - i >= 3 && inArea(joined, POSTCODE)) return true;
    }
  }
  return LOCAL_DISTRICT.test(text);
}

const BIRTH = /\b(?:born|dob|d\s?\.?\s?o\s?\.?\s?b|date of birth|birthday|birth date|bday)\b/;
const DATE = new RegExp(
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:${MONTHS})\b|\b(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|[a-z]+teenth|twentieth|twenty[\s-]?\w+|thirtieth|thirty[\s-]?first)\s+(?:of\s+)?(?:${MONTHS})\b|\b(?:19|20)\d{2}\b|\b(?:yesterday|today|last night|this morning|last week)\b`,
);

/** "born 12 March 2015", "dob 3rd march", "date of birth: 21.11.2013". */
function hasDateOfBirth(text: string): boolean {
  const cue = BIRTH.exec(text);
  if (!cue) return false;
  return DATE.test(text.slice(cue.index, cue.index + cue[0].length + 30));
}

/** A case or reference number, an NHS number, or any long number. */
const REFERENCE =
  /\b(?:case|refs?|references?|file|record|client|child|person|id|lcs|mosaic|nhs|crn|upn|eclipse|liquidlogic)\b\s*(?:no\.?|number|num|#|id|ref)?\s*(?:is\s+)?[:#]?\s*[a-z]{0,4}[-/]?\d[\d/ -]{3,}\d\b|\b[a-z]{2,5}[-/]\d{3,}(?:[-/]\d+)*\b|\b\d{6,}\b|\b(?:19|20)\d{2}\/(?!(?:19|20)\d{2}\b)\d{3,}\b|\b(?:ref|reference|case|crn|upn)\b\s*(?:no\.?|number|#)?\s*[:#]?\s*(?=(?:[a-z]*\d){3})[a-z0-9]{5,}\b|\b(?:ref|reference|file|case|record)\s*(?:no\.?|number|num|#)\s*[:#]?\s*(?=[a-z0-9/-]*\d{3})[a-z0-9][a-z0-9/-]{3,}/;

function hasNhsNumber(text: string): boolean {
  for (const match of text.matchAll(/\b(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\b/g)) {
    const digits = `${match[1]}${match[2]}${match[3]}`.split('').map(Number);
    const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if ((check === 11 ? 0 : check) === digits[9] && check !== 10) return true;
  }
  return false;
}

/** A named street, capitalised: "Marlow Close", "on Thames Road". */
const STREET =
  /\b(?!(?:Family|High|Crown|County|Magistrates|Youth|Supreme|Appeal|Town|Civic|Care|Children|Drug|Alcohol|Court)\b)[A-Z][a-z']+(?:[\s-][A-Z][a-z']+)?\s+(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Court|Crescent|Drive|Gardens|Grove|Place|Square|Terrace|Walk|Mews|Parade|Rise|Vale|House|Tower|Estate)\b/;

/** "14 Oxlow Lane", "24b ripple road", "flat 4", and Jersey's "22 la rue du moulin", "3 clos de la ville". */
const ADDRESS =
  /\b\d{1,4}[a-z]?,?\s+(?:[a-z']+\s+){1,3}(?:road|rd|street|st|lane|ln|avenue|ave|close|court|crescent|drive|way|gardens|grove|place|square|terrace|walk|mews|row|parade|rise|vale|view|house|tower|estate)\b|\b\d{1,4}[a-z]?,?\s+(?:(?:la|le|les)\s+)?(?:rue|clos|route|chemin|ruelle|mont)\s+(?:de|du|des|de la|la|le|les)?\s*[a-z']{3,}|\bflat\s+\d+[a-z]?\b/;

/** "on the gascoigne estate", "lives on ripple road": a place named before a street word, after "on", "in"… */
const LOCAL_STREET =
  /\b(?:on|in|at|from|near|off)\s+(?:the\s+)?(?!(?:the|same|main|busy|local|council|housing|new|old|that|this|their|her|his|my|our|your|a|an|high|ring|open|right|wrong|long|every|each|one|another|other|own|big|small|quiet|private|public|whole|next|back|front|slip|side|country|dual|toll|rough|bumpy|rocky)\b)[a-z][a-z']{2,}(?:\s+(?!(?:the|a|an|of)\b)[a-z][a-z']{2,}){0,2}\s+(?:estate|road|rd|street|close|avenue|lane|crescent|gardens|grove|terrace)\b/;

/** An age that points at one child, without a name: "her 9yo", "his 15 year old", "my 6 y/o" (not "a 7 year old", said of children in general). */
const CHILD_AGE = /\b(?:her|his|their|my|our)\s+\d{1,2}\s*-?\s*(?:yo|y\/o|yr\s+old|year\s+old)\b(?!\s*s\b)/;

/**
 * A named school: "eastbury academy", "St Mary's Primary", "william ford school", "Valence Primary"; not
 * "her school", "into college" or "secondary trauma". The words just before the kind of school must name it:
 * capitalised, "St …", or particular (a name, a place, not everyday English). "primary", "nursery" and the
 * like count only after a name or a place, or capitalised.
 */
const SCHOOL =
  /((?:[a-z']+\s+){1,3})(academy|high school|grammar school|junior school|infant school|primary school|secondary school|school|college|primary|secondary|infants|juniors|nursery|pru|sixth form)\b(?!\s+(?:trauma|carer|carers|care|worker|workers|need|needs|role|age|aged|years|staff|nurse|run|runs|trip))/g;
const CAPITAL_SCHOOL =
  /\b(?:St\.?\s+)?[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)*\s+(?:Primary|Secondary|Academy|Infants?|Juniors?|School|College|Nursery|High|Grammar)\b/;
const NOT_A_NAME = new Set(
  'the a an her his their my our your its at to from but so said says that who where when while because if then than has have had in of for and or new same local special boarding high mainstream independent private state faith village which what this that any every other previous old current different sunday after before goes go went attends attend attended started start starting excluded good outstanding home nursery forest summer holiday residential virtual free year is was were be been back out off into about with by on leaving left missed miss skipping skip between around middle upper lower big little catholic church grammar medical art drama dance driving law business boy girl boys girls all single sex mixed comprehensive public primary secondary junior infant st saint'.split(
    ' ',
  ),
);

/** "year 9 at jo richardson": a school year, then where. */
const YEAR_AT = /\byear\s+\d{1,2}\s+(?:at|in)\s+([a-z']+)(?:\s+([a-z']+))?/g;

function hasSchool(text: string, original: string): boolean {
  for (const m of text.matchAll(YEAR_AT))
    if ([m[1], m[2]].some((w) => w !== undefined && !NOT_A_NAME.has(w) && particular(w))) return true;
  if (CAPITAL_SCHOOL.test(original.replace(/\b(?:[A-Z]{2,})\s+(?=Academy|School|College)/g, 'the '))) return true;
  for (const m of text.matchAll(SCHOOL)) {
    const before = (m[1] ?? '')
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/'s?$/, ''));
    // The name: the words right before the kind of school, back to the first everyday one.
    const name: string[] = [];
    for (let k = before.length - 1; k >= 0; k--) {
      const w = before[k] ?? '';
      if (w === 'st' || w === 'saint') return true;
      if (NOT_A_NAME.has(w)) break;
      name.unshift(w);
    }
    if (name.length === 0) continue;
    // A name or a place names a school of any kind; a word that is not everyday English, an academy.
    if (name.some((w) => namedPlaceOrPerson(w)) || (m[2] === 'academy' && name.some(particular))) return true;
  }
  return false;
}

export interface PersonalDetailsOptions {
  /** Names that are public, not personal: the framework's author, researchers. From the framework files. */
  readonly publicNames?: readonly string[];
}

/** The kinds of personal detail a message seems to hold, in the order of DETAIL_KINDS; empty when none. */
export function personalDetails(message: string, options: PersonalDetailsOptions = {}): readonly DetailKind[] {
  // Accents taken off ("Haute Vallée" reads as "haute vallee"), so Jersey's French names match as English ones do.
  const original = message.slice(0, 1000).normalize('NFKC').normalize('NFKD').replace(/\p{M}/gu, '');
  const text = original.toLowerCase().replace(/[’‘]/g, "'");
  const found = new Set<DetailKind>();
  // An email address holds a name often enough; it is reported as the email it is.
  const unmasked = unmaskEmail(text);
  if (EMAIL.test(unmasked)) found.add('email');
  const person = nameAndAge(found.has('email') ? withoutEmails(original) : original, options.publicNames);
  if (person.name) found.add('name');
  if (person.age || CHILD_AGE.test(text)) found.add('age');
  if (hasSchool(text, original)) found.add('school');
  if (ADDRESS.test(text) || STREET.test(original) || LOCAL_STREET.test(text)) found.add('address');
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
