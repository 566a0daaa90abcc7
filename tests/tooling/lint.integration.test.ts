// `npm run lint` fails on a badly formatted file and on an unused export (issue #10, "Tools keep the
// style"). Each step of the lint script, as package.json writes it, runs with this repository's own
// configuration (.prettierrc.json, .prettierignore, knip.jsonc) in a two-file project in a temporary
// folder: it passes on tidy code, and fails once the fault is put in. (An integration test: it runs
// prettier and knip as processes.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CONFIG_FILES = ['.prettierrc.json', '.prettierignore', '.editorconfig', 'knip.jsonc'];

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;
const lintSteps = (scripts['lint'] ?? '').split('&&').map((s) => s.trim());

/** The lint script's step that runs `tool`, e.g. "prettier --check .". */
function step(tool: string): string {
  const found = lintSteps.find((s) => s.split(/\s+/)[0] === tool);
  if (!found) throw new Error(`npm run lint (${scripts['lint']}) has no ${tool} step`);
  return found;
}

function run(command: string, cwd: string): { status: number | null; output: string } {
  const [tool = '', ...args] = command.split(/\s+/);
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', tool), args, {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pc-lint-'));
  for (const file of CONFIG_FILES) copyFileSync(join(ROOT, file), join(dir, file));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'lint-fixture', private: true }, null, 2)}\n`);
  // bot/cli/main.ts is one of knip.jsonc's entry points.
  mkdirSync(join(dir, 'bot', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'cards'));
  writeFileSync(
    join(dir, 'bot', 'cli', 'main.ts'),
    "import { greeting } from '../../cards/words';\n\nconsole.log(greeting('you'));\n",
  );
  writeFileSync(
    join(dir, 'cards', 'words.ts'),
    'export function greeting(name: string): string {\n  return `Hello, ${name}`;\n}\n',
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the lint script runs eslint, prettier over the whole repository, and knip', () => {
  expect(lintSteps.map((s) => s.split(/\s+/)[0])).toEqual(expect.arrayContaining(['eslint', 'prettier', 'knip']));
  expect(step('prettier')).toMatch(/--check\s+\.$/);
});

test('tidy code passes the prettier and knip steps', () => {
  expect(run(step('prettier'), dir)).toMatchObject({ status: 0 });
  expect(run(step('knip'), dir)).toMatchObject({ status: 0 });
});

test('a badly formatted file fails the prettier step, which names it', () => {
  writeFileSync(
    join(dir, 'cards', 'words.ts'),
    'export function greeting(name: string): string { return "Hello, " + name }\n',
  );
  const result = run(step('prettier'), dir);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('cards/words.ts');
});

test('an unused export fails the knip step, which names it', () => {
  writeFileSync(
    join(dir, 'cards', 'words.ts'),
    `${readFileSync(join(dir, 'cards', 'words.ts'), 'utf8')}\nexport const FAREWELL = 'Goodbye';\n`,
  );
  expect(run(step('prettier'), dir)).toMatchObject({ status: 0 });
  const result = run(step('knip'), dir);
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/Unused exports[^\n]*\n\s*FAREWELL\s+cards\/words\.ts/);
});
