import fc from 'fast-check';
import { damerauDistance, withinDistance } from '../../knowledge/search/distance';
import { fuzz } from '../../testkit/fuzz';

// Short words from a small alphabet, so near-misses, swaps and repeated letters are common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', 's', 'é', 'ā'), maxLength: 12 });

describe('withinDistance', () => {
  test('agrees with damerauDistance(a, b) <= max for any two words and any max from 0 to 3', () => {
    fc.assert(
      fc.property(
        word,
        word,
        fc.integer({ min: 0, max: 3 }),
        (a, b, max) => withinDistance(a, b, max) === damerauDistance(a, b) <= max,
      ),
      fuzz(20_000),
    );
  });

  test.each([
    ['safegaurd', 'safeguard', 1, true],
    ['chld', 'child', 1, true],
    ['password', 'practice', 2, false],
    ['curius', 'curious', 1, true],
    ['book', 'look', 0, false],
    ['', 'ab', 2, true],
    ['déjà', 'deja', 1, false],
    ['déjà', 'deja', 2, true],
  ])('%s ~ %s within %d: %s', (a, b, max, expected) => {
    expect(withinDistance(a, b, max)).toBe(expected);
  });

  test('words longer than its scratch rows still work', () => {
    const long = 'a'.repeat(100);
    expect(withinDistance(long, `${long}b`, 1)).toBe(true);
    expect(withinDistance(long, `b${long.slice(1)}c`, 1)).toBe(false);
  });
});
