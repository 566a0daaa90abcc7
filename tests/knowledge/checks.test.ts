import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../knowledge/kb/load';
import type { KnowledgeBase } from '../../knowledge/kb/model';
import { formatProblem } from '../../knowledge/kb/problems';
import { createSearch } from '../../knowledge/search/answer';
import { checkQuestions } from '../../knowledge/kb/checks';
import { checkDraft } from '../../knowledge/editor/check';
import { withEntry, toData } from '../../knowledge/editor/source';
import { loadOrThrow } from '../../testkit/kb';

/** Check questions travel inside each framework's file, so they are deployed and versioned with it. */

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'frameworks', 'anytown.yaml'), 'utf8');

function load(source: string): KnowledgeBase {
  const loaded = loadSources([{ file: 'anytown.yaml', source }]);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.kb;
}

function entry(source: string, id: string): Record<string, unknown> {
  const found = (toData(source)['entries'] as Array<Record<string, unknown>>).find((e) => e['id'] === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

const withChecks = (source: string, id: string, checks: string[], more: Record<string, unknown> = {}) =>
  withEntry(source, { ...entry(source, id), checks, ...more });

const anytown = withChecks(
  withChecks(
    FIXTURE.replace(
      '  aliases: [anytown, any town]\n',
      '  aliases: [anytown, any town]\n  off_topic_checks: [how do I book annual leave]\n',
    ),
    'anytown-listen-first',
    ['how do we listen first', 'hearing the family before deciding'],
  ),
  'anytown-plan-together',
  ['making plans with families'],
);

describe("a framework's check questions", () => {
  test("an entry's check questions expect that entry, and off-topic ones expect no answer", () => {
    expect(checkQuestions(load(anytown))).toEqual([
      { q: 'how do we listen first', expect: 'anytown-listen-first', framework: 'anytown' },
      { q: 'hearing the family before deciding', expect: 'anytown-listen-first', framework: 'anytown' },
      { q: 'making plans with families', expect: 'anytown-plan-together', framework: 'anytown' },
      { q: 'how do I book annual leave', expect: null, framework: 'anytown' },
    ]);
  });

  test("a retired entry's check questions expect 'no longer covered'", () => {
    const retired = withChecks(anytown, 'anytown-plan-together', ['making plans with families'], { retired: true });
    expect(checkQuestions(load(retired))).toContainEqual({
      q: 'making plans with families',
      expect: null,
      framework: 'anytown',
      retired: 'anytown-plan-together',
    });
  });

  test('the same question under two entries is a problem that names the other entry', () => {
    const twice = withChecks(anytown, 'anytown-plan-together', ['How do we listen first?']);
    const loaded = loadSources([{ file: 'anytown.yaml', source: twice }]);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'anytown-plan-together.checks: "How do we listen first?" is already a check question of "Listen first": a question can have one right answer, so keep it in one entry',
    ]);
  });

  test('a framework with none has no check questions, and still loads', () => {
    expect(checkQuestions(load(FIXTURE))).toEqual([]);
  });

  test('each shipped framework carries check questions, and the live search answers nearly all of them as they expect', () => {
    const kb = loadOrThrow();
    const search = createSearch(kb);
    for (const f of kb.frameworks) {
      const questions = checkQuestions(kb).filter((q) => q.framework === f.id);
      expect(questions.length).toBeGreaterThan(50);
      const right = questions.filter((q) => {
        const r = search.answer(q.q, { defaultFramework: f.id });
        return (r.found ? r.entry.id : null) === q.expect;
      });
      expect(right.length / questions.length).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('Check: the draft against the check questions', () => {
  const before = createSearch(load(anytown));

  test('an edit that changes nothing: every question keeps its answer and nothing stops Publish', () => {
    const result = checkDraft(before, createSearch(load(anytown)), 'anytown');
    expect(result.worse).toEqual([]);
    expect(result.gate.fails).toBe(false);
    expect(result.summary).toBe('All 4 questions staff might ask would get the same answer as now.');
  });

  test('one question that would get no answer stops Publish, even with most still right', () => {
    const cut = withEntry(anytown, {
      ...entry(anytown, 'anytown-plan-together'),
      aliases: ['together'],
      keywords: ['joint'],
      summary: 'See the guidance.',
      text: 'See the guidance.',
      checks: ['making plans with families'],
    });
    const result = checkDraft(before, createSearch(load(cut)), 'anytown');
    expect(result.worse.map((c) => [c.question, c.before.heading, c.after.heading])).toEqual([
      ['making plans with families', 'Principle 2 · Plan together', null],
    ]);
    expect(result.gate.fails).toBe(true);
    expect(result.summary).toBe('1 question staff might ask would now get a different answer, or none.');
    expect(result.summary).not.toMatch(/gate|holdout|npm|jsonl|anytown-/);
  });

  test('retiring an entry: its questions now expect "no longer covered", and the bot says so', () => {
    const retired = withChecks(anytown, 'anytown-plan-together', ['making plans with families', 'plan together'], {
      retired: true,
    });
    const after = createSearch(load(retired));
    const result = checkDraft(before, after, 'anytown');
    expect(result.worse).toEqual([]);
    const answer = after.answer('plan together', { defaultFramework: 'anytown' });
    expect(answer).toMatchObject({ found: false, reason: 'not-covered', notCovered: 'Plan together', retired: true });
  });

  test("retiring a value named by a letter: the other letters keep their values, and its own letter hears 'no longer covered'", () => {
    const lbbd = readFileSync(join(__dirname, '..', '..', 'knowledge', 'frameworks', 'lbbd.yaml'), 'utf8');
    const jersey = readFileSync(join(__dirname, '..', '..', 'knowledge', 'frameworks', 'jersey.yaml'), 'utf8');
    const retired = withEntry(lbbd, { ...entry(lbbd, 'lbbd-compassion'), retired: true });
    const loaded = loadSources([
      { file: 'jersey.yaml', source: jersey },
      { file: 'lbbd.yaml', source: retired },
    ]);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const search = createSearch(loaded.kb);
    const ask = (q: string) => search.answer(q, { defaultFramework: 'lbbd' });
    expect(ask('what does the A in CARES mean')).toMatchObject({ found: true, entry: { id: 'lbbd-accountability' } });
    expect(ask('the S in cares')).toMatchObject({ found: true, entry: { id: 'lbbd-sharing' } });
    expect(ask('what does the C in CARES mean')).toMatchObject({
      found: false,
      reason: 'not-covered',
      notCovered: 'Compassion',
      retired: true,
    });
  });

  test('a framework with no check questions says so, and does not stop Publish', () => {
    const result = checkDraft(createSearch(load(FIXTURE)), createSearch(load(FIXTURE)), 'anytown');
    expect(result.noChecks).toBe(true);
    expect(result.gate.fails).toBe(false);
    expect(result.summary).toBe(
      'Anytown has no check questions yet, so Check cannot tell whether staff would get different answers. Add some to its entries, under "Check questions".',
    );
  });
});
