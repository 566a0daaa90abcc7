// A shipped migration never changes (store/migrations/migration.ts). Migration 7 once took its SQL from
// store/framework-versions.ts, so an edit there would have changed it; now its text is its own, and
// these checks fail if that text, or where it comes from, changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../store/migrations';

const DIR = join(__dirname, '..', '..', 'store', 'migrations');
const checksum = (statements: readonly string[]) =>
  createHash('sha256').update(JSON.stringify(statements)).digest('hex');

test("migration 7's statements are exactly those it shipped with", () => {
  const seven = MIGRATIONS.find((m) => m.version === 7);
  expect(seven?.statements.map((s) => s.split('(')[0]?.trim())).toEqual([
    'CREATE TABLE framework_versions',
    'CREATE TABLE framework_drafts',
  ]);
  // The SHA-256 of the statements (JSON) as they were when migration 7 shipped.
  expect(checksum(seven?.statements ?? [])).toBe('6490c20b99d95ffb57326f0e30e466849a55ce95ec5f004c50cea3394b3dd55e');
});

test('each migration file holds its own SQL: it imports nothing but the Migration type', () => {
  const files = readdirSync(DIR).filter((f) => /^\d{3}-.+\.ts$/.test(f));
  expect(files).toContain('007-framework-versions.ts');
  const imports = files.flatMap((f) =>
    [...readFileSync(join(DIR, f), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => `${f}: ${m[1]}`),
  );
  expect(imports.filter((i) => !i.endsWith(': ./migration'))).toEqual([]);
  expect(imports).toContain('007-framework-versions.ts: ./migration');
});
