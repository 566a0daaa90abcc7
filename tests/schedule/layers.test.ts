import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEDULE = join(__dirname, '..', '..', 'schedule');
const importsOf = (file: string) =>
  [...readFileSync(join(SCHEDULE, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

test('schedule/ imports nothing from bot/, botbuilder or restify: the scheduling rules know nothing of Teams', () => {
  const files = readdirSync(SCHEDULE).filter((f) => f.endsWith('.ts'));
  expect(files).toEqual(expect.arrayContaining(['operations.ts', 'openers.ts', 'permissions.ts', 'form.ts']));
  const offending = files.flatMap((f) =>
    importsOf(f)
      .filter((i) => /^\.\.\/bot(\/|$)|^botbuilder|^restify/.test(i))
      .map((i) => `${f}: ${i}`),
  );
  expect(offending).toEqual([]);
  // The pattern does see imports: operations.ts imports the store's types.
  expect(importsOf('operations.ts')).toContain('../store/types');
});
