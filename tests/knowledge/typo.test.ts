import fc from 'fast-check';
import { damerauDistance } from '../../knowledge/search/distance';
import { closeTo, TypoCorrector } from '../../knowledge/search/typo';
import { fuzz } from '../../testkit/fuzz';

// Words from a small alphabet, so near-misses, swaps and repeated letters are common.
const letter = fc.constantFrom('a', 'b', 'c', 'e', 'g', 'i', 'n', 'r', 's', 't');
const word = fc.string({ unit: letter, minLength: 3, maxLength: 14 });

/** One edit: insert, delete, substitute or swap two neighbours, anywhere after the first letter. */
const edit = (w: string) =>
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), letter).map(([kind, at, c]) => {
    const i = 1 + (w.length > 1 ? at % (w.length - 1) : 0);
    if (kind === 0) return w.slice(0, i) + c + w.slice(i);
    if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
    if (kind === 2) return w.slice(0, i) + c + w.slice(i + 1);
    return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
  });
/** A word and a term up to three edits from it (two in a row on the first, then more on the result). */
const nearPair = word.chain((w) =>
  edit(w).chain((once) => fc.tuple(fc.constant(w), fc.oneof(fc.constant(once), edit(once), edit(once).chain(edit)))),
);

/** What the rule of closeTo says, written out from its documentation. */
function ruleAccepts(w: string, term: string): boolean {
  const close = closeTo(w);
  if (close === undefined) return false;
  const [shortest, longest] = close.lengths;
  return (
    term[0] === w[0] && term.length >= shortest && term.length <= longest && damerauDistance(w, term) <= close.allowed
  );
}

describe('typo correction: one rule decides what is close', () => {
  test('a term is offered for a word exactly when the rule accepts it: Fuse.js never turns one away, nor lets one through', () => {
    fc.assert(
      fc.property(nearPair, ([w, term]) => {
        const corrected = new TypoCorrector([term], () => 1).correct(w);
        return corrected === (ruleAccepts(w, term) ? term : undefined);
      }),
      fuzz(20_000),
    );
  });

  test('the rule by example', () => {
    expect(closeTo('cat')).toBeUndefined();
    expect(closeTo('step2')).toBeUndefined();
    expect(closeTo('chld')).toEqual({ allowed: 1, lengths: [5, 5] });
    expect(closeTo('safegard')).toEqual({ allowed: 2, lengths: [6, 10] });
    const words = new TypoCorrector(['child', 'look', 'safeguarding', 'assessment'], () => 1);
    expect(words.correct('chld')).toBe('child');
    expect(words.correct('book')).toBeUndefined(); // a changed first letter
    expect(words.correct('lokk')).toBeUndefined(); // four letters: only a missing letter is added
    expect(words.correct('safegaurdnig')).toBe('safeguarding'); // two swaps in twelve letters
    expect(words.correct('asesment')).toBe('assessment');
    // Two swaps in eight letters: Fuse.js scores it 0.5, the most the rule allows, and must not turn it away.
    expect(new TypoCorrector(['practice'], () => 1).correct('parcitce')).toBe('practice');
  });

  test('the nearer term wins, then the one more entries use', () => {
    const uses = new Map([
      ['assessment', 1],
      ['assessments', 9],
      ['assessmant', 50],
      ['assesments', 2],
    ]);
    const words = new TypoCorrector(uses.keys(), (t) => uses.get(t) ?? 0);
    // One edit from assessment and from assessments, two from assessmant: the more used of the nearer two.
    expect(words.correct('assessmentt')).toBe('assessments');
    // One edit from assessment (1 use) and assesments (2 uses).
    expect(words.correct('assesment')).toBe('assesments');
  });
});
