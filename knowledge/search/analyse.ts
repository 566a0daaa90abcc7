/**
 * Turning text into comparable terms. The same analysis is applied to the knowledge base and to
 * questions, so "Safeguarding", "safeguard" and "safe-guarding" meet in the middle.
 */

// eslint-disable-next-line no-control-regex -- the test is for plain ASCII, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case words of letters and digits, with accents, apostrophes and "&" dealt with. */
export function words(text: string): string[] {
  return plainText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Calls `visit` with each of `words(text)`, without building the list: indexing large bases allocates less. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const plain = plainText(text);
  let start = -1;
  for (let i = 0; i <= plain.length; i++) {
    const c = i < plain.length ? plain.charCodeAt(i) : 0;
    const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (isWordChar && start < 0) start = i;
    else if (!isWordChar && start >= 0) {
      visit(plain.slice(start, i));
      start = -1;
    }
  }
}

function plainText(text: string): string {
  const plain = ASCII.test(text)
    ? text
    : text
        .replace(/[\u2122\u00ae\u00a9]/g, '')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[\u2018\u2019\u02bc`]/g, "'");
  const lower = plain.toLowerCase();
  // "children's" reads as "childrens"; after an s ("cscs's") the possessive is dropped, so the word stays itself.
  return /[&']/.test(lower)
    ? lower.replace(/&|s's\b|'s\b|'/g, (m) => (m === '&' ? ' and ' : m === "'s" ? 's' : m === "s's" ? 's' : ''))
    : lower;
}

const SUFFIXES = [
  'osity',
  'ation',
  'ative',
  'ities',
  'ment',
  'ness',
  'ity',
  'ive',
  'ous',
  'ful',
  'ate',
  'ion',
  'al',
] as const;

/** Irregular forms the suffix rules cannot reach. */
const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child',
  childrens: 'child',
  people: 'person',
  women: 'woman',
  men: 'man',
};

/**
 * A light stemmer, enough to let word forms meet: "collaborate", "collaborative" and "collaboration"
 * all become "collabor"; "curious" and "curiosity" become "curi". Stems are never shorter than 4 letters.
 */
export function stem(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|ss|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const ending of ['ing', 'ed', 'ly'] as const) {
    // "succeed" and "need" keep their "-eed".
    if (w.endsWith(ending) && w.length - ending.length >= 4 && !w.endsWith('eed')) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 4);
    if (!suffix) break;
    w = w.slice(0, -suffix.length);
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}
