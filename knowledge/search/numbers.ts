const CARDINALS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "7", "seven", "7th", "seventh" → 7; anything else → undefined. */
export function parseNumber(word: string): number | undefined {
  const digits = /^(\d{1,3})(st|nd|rd|th)?$/.exec(word);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  const cardinal = CARDINALS.indexOf(word);
  if (cardinal > 0) return cardinal;
  const ordinal = ORDINALS.indexOf(word);
  if (ordinal > 0) return ordinal;
  return undefined;
}

/** How a count reads in a sentence: 0 → "no", 1–12 spelled out ("seven"), anything else in digits. */
export function countWord(n: number): string {
  if (n === 0) return 'no';
  return (n <= 12 ? CARDINALS[n] : undefined) ?? String(n);
}
