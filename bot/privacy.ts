/**
 * Does a question look as though it holds personal details? Then the answer card adds a gentle
 * reminder. Only the yes/no is used: the text itself is never logged or kept.
 */
const PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  // UK postcodes: "RM10 7BY", "ig11 7la", "JE2 4UH".
  ['postcode', /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/],
  // Dates such as "12/03/2015", "12-3-15", "12.03.2015", and "DOB"/"date of birth"/"born on".
  ['date', /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})\b|\bd\.?o\.?b\b|\bdate of birth\b|\bborn on\b/i],
  // Phone numbers: "07700 900123", "+44 7700 900123", "020 7946 0018".
  ['phone', /(?:\+44\s?|\b0)(?:\d\s?){9,10}\b/],
];

export function looksPersonal(text: string): boolean {
  return PATTERNS.some(([, pattern]) => pattern.test(text)) || hasNhsNumber(text);
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
