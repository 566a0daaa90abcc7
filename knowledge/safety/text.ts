/**
 * A message as the safety net reads it: plain lower-case words, whatever keyboard typed them. Full-width
 * digits and letters become ASCII (NFKC), accents go, apostrophes are dropped ("don't" → "dont",
 * "mum's" → "mums"), and a number stuck to a word is split from it ("14yo" → "14 yo").
 */

/** The longest text read: the detectors run on every message, and a worry is said in its first lines. */
export const MAX_READ = 1000;

export function plain(message: string): string {
  return message
    .slice(0, MAX_READ)
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/** The words of a message, in order: letters (with "&" inside, as in "a&e") or digits. */
export function tokens(message: string): string[] {
  return (
    plain(message)
      .replace(/'/g, '')
      .match(/[a-z]+(?:&[a-z]+)?|[0-9]+/g) ?? []
  );
}
