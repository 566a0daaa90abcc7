// botbuilder behind one seam (issue 25): only bot/platform/ imports botbuilder or restify. The lint
// rule holds it while code is written; this counts the files, so a hole in the rule shows too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PLATFORM_IMPORT =
  /(?:from\s+|require\(|import\()\s*['"](?:botbuilder|botframework-[\w-]+|restify)(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(d.name) ? [path] : [];
  });
}

// eslint.config.js is CommonJS; ESLint's own loader needs dynamic import, which jest does not give.
// So this reads the flat config as ESLint does for one rule: the last block whose files take the path
// (and whose ignores do not) sets it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configs = require(join(ROOT, 'eslint.config.js')) as Array<{
  files?: string[];
  ignores?: string[];
  rules?: Record<string, unknown>;
}>;
const patternsFor = (file: string): Array<{ group: string[] }> => {
  const block = [...configs]
    .reverse()
    .find(
      (c) =>
        c.rules?.['no-restricted-imports'] !== undefined &&
        (c.files ?? ['**/*']).some((g) => matchesGlob(file, g)) &&
        !(c.ignores ?? []).some((g) => matchesGlob(file, g)),
    );
  const rule = block?.rules?.['no-restricted-imports'] as
    [string, { patterns: Array<{ group: string[] }> }] | undefined;
  return rule?.[1].patterns ?? [];
};

describe('the platform seam', () => {
  const importing = ['bot', 'cards', 'knowledge', 'store', 'schedule', 'scripts', 'bench', 'bin']
    .flatMap(sourceFiles)
    .filter((file) => PLATFORM_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')))
    .map((file) => relative(ROOT, join(ROOT, file)))
    .sort();

  test('outside the tests, only bot/platform/ (at most 8 files) and the echo-bot benchmark import botbuilder or restify', () => {
    const outside = importing.filter((f) => !f.startsWith('bot/platform/') && f !== 'bench/echo-bot.ts');
    expect(outside).toEqual([]);
    expect(importing.filter((f) => f.startsWith('bot/platform/')).length).toBeLessThanOrEqual(8);
  });

  test('eslint.config.js refuses botbuilder and restify everywhere but bot/platform/, the tests and the echo bot', () => {
    const refusesSeam = (file: string) =>
      patternsFor(file).some((p) => ['botbuilder', 'restify', 'botframework-*'].every((n) => p.group.includes(n)));
    const refusesTests = (file: string) => patternsFor(file).some((p) => p.group.includes('**/tests/**'));
    const elsewhere = [
      'bot/teams/answering.ts',
      'bot/web/console/routes.ts',
      'cards/answer-card.ts',
      'knowledge/respond/index.ts',
      'store/open.ts',
      'schedule/scheduler.ts',
      'time/clock.ts',
      'bench/http.ts',
      'scripts/package.ts',
      'testkit/app-harness.ts',
      'bin/start.js',
      'tab/tab.ts',
      'eslint.config.js',
    ];
    expect(elsewhere.filter((f) => !refusesSeam(f))).toEqual([]);
    expect(['bot/platform/adapter.ts', 'tests/bot/http.test.ts', 'bench/echo-bot.ts'].filter(refusesSeam)).toEqual([]);
    // The seam's own rule keeps the product's other one: nothing from tests/ there either.
    expect(
      ['bot/teams/answering.ts', 'bot/platform/adapter.ts', 'bench/echo-bot.ts'].filter((f) => !refusesTests(f)),
    ).toEqual([]);
  });
});

describe('knowledge/ knows nothing of the bot (issue 25)', () => {
  const BOT_IMPORT = /(?:from\s+|require\(|import\()\s*['"](?:\.\.\/)+bot(?:\/[^'"]*)?['"]/;
  const importingBot = (files: string[]) =>
    files.filter((file) => BOT_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')));

  test('no file in knowledge/ imports from bot/ (the pattern does see such imports: the live-knowledge test has one)', () => {
    expect(importingBot(sourceFiles('knowledge'))).toEqual([]);
    expect(importingBot(['tests/editor/live-knowledge.test.ts'])).toEqual(['tests/editor/live-knowledge.test.ts']);
  });

  test('eslint.config.js refuses bot/ in knowledge/, keeping the seam and the kit there, and allows it elsewhere', () => {
    const refusesBot = (file: string) => patternsFor(file).some((p) => p.group.includes('**/bot/**'));
    const knowledge = ['knowledge/live/live-knowledge.ts', 'knowledge/respond/index.ts', 'knowledge/kb/served.ts'];
    expect(knowledge.filter((f) => !refusesBot(f))).toEqual([]);
    expect(knowledge.filter((f) => !patternsFor(f).some((p) => p.group.includes('botbuilder')))).toEqual([]);
    expect(knowledge.filter((f) => !patternsFor(f).some((p) => p.group.includes('**/tests/**')))).toEqual([]);
    expect(['bot/app.ts', 'tests/editor/live-knowledge.test.ts', 'testkit/app-harness.ts'].filter(refusesBot)).toEqual(
      [],
    );
  });
});
