import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { loadOrThrow } from '../../testkit/kb';

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'frameworks', 'anytown.yaml'), 'utf8');

/** Writes the fixture framework, changed by `edit`, to a fresh folder, and validates that folder. */
async function validateEdited(edit: (yaml: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'pc-kb-'));
  const yaml = edit(FIXTURE);
  writeFileSync(join(dir, 'anytown.yaml'), yaml);
  const run = await runCli(['kb', 'validate', dir]);
  return {
    ...run,
    lines: run.stdout.trim().split('\n'),
    lineOf: (text: string) => yaml.split('\n').findIndex((l) => l.includes(text)) + 1,
  };
}

/** The 1-based line of the unedited fixture that contains `text`. */
function fixtureLine(text: string): number {
  return FIXTURE.split('\n').findIndex((l) => l.includes(text)) + 1;
}

function replaceOnce(yaml: string, from: string, to: string): string {
  if (!yaml.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return yaml.replace(from, to);
}

describe('practice-companion kb validate', () => {
  test('a valid folder → "ok: N frameworks, M entries" and exit 0', async () => {
    const run = await validateEdited((y) => y);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('ok: 1 frameworks, 4 entries\n');
  });

  test('the shipped knowledge base is valid', async () => {
    const run = await runCli(['kb', 'validate']);
    expect(run.stdout).toBe('ok: 2 frameworks, 36 entries\n');
    expect(run.code).toBe(0);
  });

  test('malformed YAML → the file, line and column of the mistake', async () => {
    const run = await validateEdited((y) => replaceOnce(y, '    title: Listen first', '    title: Listen: first'));
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(
      new RegExp(
        `^anytown\\.yaml:${run.lineOf('Listen: first')}:\\d+ yaml: is not valid YAML \\(.+\\): check indentation`,
      ),
    );
  });

  test('a missing field → points at the entry and names the field', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(y, '    summary: >-\n      Hear what the child and family say before deciding anything.\n', ''),
    );
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('- id: anytown-listen-first')}:5 anytown-listen-first.summary: is missing: add a one- or two-sentence summary in plain words`,
    ]);
  });

  test('an empty field → the line of the field', async () => {
    const run = await validateEdited((y) => replaceOnce(y, '    title: Listen first', '    title: ""'));
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('title: ""')}:12 anytown-listen-first.title: is empty: write a short title`,
    ]);
    expect(run.code).toBe(1);
  });

  test('a duplicate id → both places', async () => {
    const run = await validateEdited((y) => replaceOnce(y, 'id: anytown-plan-together', 'id: anytown-listen-first'));
    expect(run.code).toBe(1);
    const original = fixtureLine('id: anytown-listen-first');
    const duplicate = fixtureLine('id: anytown-plan-together');
    expect(run.lines).toContain(
      `anytown.yaml:${duplicate}:9 anytown-listen-first.id: "anytown-listen-first" is already used at anytown.yaml:${original}: every entry needs its own id`,
    );
  });

  test('a duplicate number within a kind → names the entry that has it', async () => {
    const run = await validateEdited((y) => replaceOnce(y, 'number: 2', 'number: 1'));
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${fixtureLine('number: 2')}:13 anytown-plan-together.number: principle 1 is already "anytown-listen-first" (line ${fixtureLine('number: 1')}): give each principle its own number`,
    ]);
  });

  test('an unknown related id → suggests the id it was probably meant to be', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(y, 'related: [anytown-plan-together]', 'related: [anytown-plan-togther]'),
    );
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('anytown-plan-togther')}:15 anytown-listen-first.related: "anytown-plan-togther" is not the id of any entry: did you mean "anytown-plan-together"?`,
    ]);
  });

  test('a related entry in another framework → an error at its file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-kb-'));
    const shipped = join(__dirname, '..', '..', 'knowledge', 'frameworks');
    const jersey = replaceOnce(
      readFileSync(join(shipped, 'jersey.yaml'), 'utf8'),
      'related: [jersey-systemic-responses]',
      'related: [jersey-systemic-responses, lbbd-sharing]',
    );
    writeFileSync(join(dir, 'jersey.yaml'), jersey);
    writeFileSync(join(dir, 'lbbd.yaml'), readFileSync(join(shipped, 'lbbd.yaml'), 'utf8'));
    const run = await runCli(['kb', 'validate', dir]);
    const line = jersey.split('\n').findIndex((l) => l.includes('lbbd-sharing')) + 1;
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `jersey.yaml:${line}:42 jersey-shared-model.related: "lbbd-sharing" belongs to the lbbd framework, not jersey: related entries must be in the same framework, so people stay in their own; remove it or choose one of this framework's entries`,
    ]);
  });

  test('the shipped frameworks relate only to their own entries', () => {
    const kb = loadOrThrow();
    const crossing = kb.entries.flatMap((e) =>
      e.related.filter((id) => kb.entry(id)?.frameworkId !== e.frameworkId).map((id) => `${e.id} → ${id}`),
    );
    expect(crossing).toEqual([]);
  });

  test('signposts still the general defaults, and a framework never reviewed → warnings on stderr, and still ok', async () => {
    const run = await validateEdited((y) => y);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      `warning: anytown.yaml:${fixtureLine('signposts:') + 3}:3 signposts: are still the general defaults: add your local duty team, out-of-hours service, procedures and staff support (texts and links), so people know exactly where to go`,
      `warning: anytown.yaml:${fixtureLine('  id: anytown')}:7 framework.reviewed_by: this framework's content has never been reviewed: once someone responsible for practice has checked it, add reviewed_by, reviewed_on and review_due`,
    ]);
  });

  test('a file written before the worker-safety, crisis and employment signposts → still ok, each named in a warning, and the defaults shown', async () => {
    const later = /\n {2}worker_safety:\n.*\n {2}crisis:\n.*\n {2}employment:\n.*\n/;
    expect(FIXTURE).toMatch(later);
    const run = await validateEdited((y) => y.replace(later, '\n'));
    expect(run.code).toBe(0);
    for (const name of ['worker_safety', 'crisis', 'employment'])
      expect(run.stderr).toContain(`signposts.${name}: is missing, so the general default is shown:`);
    expect(run.stderr).toContain('Samaritans are there any time, day or night, free on 116 123.');
  });

  test('local signposts and a review in date → no warnings', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(
        replaceOnce(
          y,
          'talk to your manager or the duty team today.',
          'ring the Anytown duty team today.\n    link: https://anytown.example/safeguarding',
        ),
        '  aliases: [anytown, any town]',
        '  aliases: [anytown, any town]\n  reviewed_by: Anytown Principal Social Worker\n  reviewed_on: "2026-09-01"\n  review_due: "2099-09-01"',
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('an overdue review → a warning that says when it was due and what to do', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(
        y,
        '  aliases: [anytown, any town]',
        '  aliases: [anytown, any town]\n  reviewed_by: Anytown Principal Social Worker\n  reviewed_on: "2024-01-10"\n  review_due: "2025-01-10"',
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `warning: anytown.yaml:${run.lineOf('review_due')}:15 framework.review_due: the review was due on 2025-01-10 and is overdue: review the content, then update reviewed_on and review_due`,
    );
  });

  test('a review with a date that is not year-month-day, or only some of its fields → errors that say how to fix them', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(y, '  aliases: [anytown, any town]', '  aliases: [anytown, any town]\n  reviewed_on: 1 March 2026'),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('framework.reviewed_on: must be a date written year-month-day, like "2026-11-30"');
    expect(run.stdout).toContain('framework.reviewed_by: is missing: a review records who reviewed it');
  });

  test('a signpost link that is not https, or no signposts at all → errors naming the field', async () => {
    const bad = await validateEdited((y) =>
      replaceOnce(
        y,
        'talk to your manager or the duty team today.',
        'talk to your manager or the duty team today.\n    link: www.example.org',
      ),
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('signposts.urgent.link: must be a web address starting https://, or left out');
    const none = await validateEdited((y) => y.replace(/\nsignposts:[\s\S]*?\n\nentries:/, '\nentries:'));
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/signposts: is missing: add it/);
  });

  test('fewer than 3 reflection prompts → says how many there are', async () => {
    const run = await validateEdited((y) => replaceOnce(y, '      - What gets in the way of listening first?\n', ''));
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('When did you last change your mind')}:7 anytown-listen-first.prompts: has 2, needs at least 3: add more open reflection prompts for a practitioner`,
    ]);
  });

  test('an unknown kind → lists the kinds there are', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(y, 'kind: principle\n    number: 1', 'kind: principal\n    number: 1'),
    );
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('kind: principal')}:11 anytown-listen-first.kind: is "principal", which is not a kind: use one of value, principle, approach, ingredient, overview`,
    ]);
  });

  test('a misspelt field name → says it is not a field we know', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(y, '    keywords: [hearing, voice]', '    keywords: [hearing, voice]\n    keywrods: [typo]'),
    );
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `anytown.yaml:${run.lineOf('keywrods')}:15 anytown-listen-first.keywrods: is not a field we know: check the spelling (see knowledge/README.md for the fields)`,
    ]);
  });

  test('several problems → every one is reported, not just the first', async () => {
    const run = await validateEdited((y) =>
      replaceOnce(
        replaceOnce(y, 'kind: principle\n    number: 1', 'kind: principal\n    number: 1'),
        '    title: Plan together',
        '    title: ""',
      ),
    );
    expect(run.lines).toHaveLength(2);
    expect(run.stderr).toBe('2 problem(s) found.\n');
  });

  test('a folder with no framework files → a clear message', async () => {
    const run = await runCli(['kb', 'validate', mkdtempSync(join(tmpdir(), 'pc-empty-'))]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/path: holds no \.yaml files: add one file per framework/);
  });
});
