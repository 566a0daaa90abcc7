import { createSearch } from '../../knowledge/search/answer';
import { runCli } from '../helpers/cli';
import { knowledgeDirWith } from '../helpers/kb';
import { loadOrThrow } from '../../testkit/kb';

describe('a third framework, added as one data file with no code change', () => {
  const dir = knowledgeDirWith('anytown.yaml');

  test('validates beside the shipped two', async () => {
    const run = await runCli(['kb', 'validate', dir]);
    expect(run.stdout).toBe('ok: 3 frameworks, 40 entries\n');
  });

  test('answers questions about it: by number, by list, by name and by topic', () => {
    const search = createSearch(loadOrThrow(dir));
    const idOf = (q: string, defaultFramework?: string) => {
      const r = search.answer(q, defaultFramework ? { defaultFramework } : {});
      return r.found ? r.entry.id : null;
    };
    expect(idOf('anytown principle 2')).toBe('anytown-plan-together');
    expect(idOf('principle 3', 'anytown')).toBe('anytown-keep-promises');
    expect(idOf('principle 3', 'lbbd')).toBe('lbbd-caring-language');
    expect(idOf('list the anytown principles')).toBe('anytown-principles');
    expect(idOf('keeping promises to children')).toBe('anytown-keep-promises');
    expect(idOf('lisen first')).toBe('anytown-listen-first');
    expect(idOf('what is our practice framework', 'anytown')).toBe('anytown-principles');
  });
});
