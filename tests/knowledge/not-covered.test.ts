import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotCoveredCheck, loadNamedElsewhere } from '../../knowledge/search/not-covered';
import { loadOrThrow, shippedSearch } from '../../testkit/kb';

describe('things the framework does not contain', () => {
  const search = shippedSearch();

  test('a named model the framework never mentions is declined as not covered, naming it, with no near miss', () => {
    const result = search.answer('signs of safety', { defaultFramework: 'lbbd' });
    expect(result).toMatchObject({
      found: false,
      reason: 'not-covered',
      notCovered: 'Signs of Safety',
      suggestions: [],
    });
  });

  test('the same name is answered where the framework does contain it (Safe and Together is a Barking & Dagenham approach)', () => {
    expect(search.answer('safe and together', { defaultFramework: 'lbbd' })).toMatchObject({
      found: true,
      entry: { id: 'lbbd-safe-and-together' },
    });
    expect(search.answer('safe and together', { defaultFramework: 'jersey' })).toMatchObject({
      found: false,
      reason: 'not-covered',
    });
  });

  test('a framework asked for a kind of entry it does not have is declined; the kind it has is answered', () => {
    expect(search.answer('does jersey have values like CARES', { defaultFramework: 'lbbd' })).toMatchObject({
      found: false,
      reason: 'not-covered',
      notCovered: 'values',
    });
    expect(search.answer('what are the CARES values', { defaultFramework: 'lbbd' })).toMatchObject({
      found: true,
      entry: { id: 'lbbd-cares' },
    });
    expect(search.answer("what are jersey's ingredients", { defaultFramework: 'jersey' })).toMatchObject({
      found: true,
    });
  });

  test('a singular kind word is plain English, not a request for that kind ("children\'s rights approach" in Jersey)', () => {
    expect(search.answer("children's rights approach", { defaultFramework: 'jersey' })).toMatchObject({
      found: true,
      entry: { id: 'jersey-childrens-rights' },
    });
  });

  test('names match as whole words only: "mash" is not in "smashing", "s47" not in "s470"', () => {
    const check = createNotCoveredCheck(loadOrThrow());
    expect(check.named('a smashing idea', 'lbbd')).toBeUndefined();
    expect(check.named('form s470', 'lbbd')).toBeUndefined();
    expect(check.named('MASH thresholds?', 'lbbd')).toBe('MASH and referral thresholds');
  });

  test('a bad data file names the field that is wrong', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pc-named-')), 'named.yaml');
    writeFileSync(file, '- name: Signs of Safety\n  says: []\n');
    expect(() => loadNamedElsewhere(file)).toThrow(/0\.says/);
  });
});
