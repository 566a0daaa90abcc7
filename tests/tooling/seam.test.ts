// botbuilder behind one seam (issue 25): only bot/platform/ imports botbuilder or restify. The lint
// rule holds it while code is written; this counts the files, so a hole in the rule shows too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
    // eslint.config.js is CommonJS; ESLint's own loader needs dynamic import, which jest does not give.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configs = require(join(ROOT, 'eslint.config.js')) as Array<{
      files?: string[];
      ignores?: string[];
      rules?: Record<string, unknown>;
    }>;
    const seam = configs.filter((c) => c.rules?.['no-restricted-imports'] !== undefined);
    expect(seam).toHaveLength(1);
    expect(seam[0]?.files).toEqual(expect.arrayContaining(['**/*.ts']));
    expect(seam[0]?.ignores).toEqual(['bot/platform/**', 'tests/**', 'bench/echo-bot.ts']);
    const rule = JSON.stringify(seam[0]?.rules?.['no-restricted-imports']);
    for (const name of ['"botbuilder"', '"restify"', '"botframework-*"']) expect(rule).toContain(name);
  });
});
