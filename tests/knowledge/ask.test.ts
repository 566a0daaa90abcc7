// `practice-companion ask` prints what staff see: the same response as the bot (knowledge/respond), card by
// card, and `--json` / `--jsonl` name the same parts, keeping search's fields exactly as they were.
// Routes are knowledge/safety's verdicts (improved elsewhere): three messages get the verdicts it promises.
import type * as Safety from '../../knowledge/safety';
import type { SafetyAssessment } from '../../knowledge/safety';
import { runCli } from '../helpers/cli';
import { loadOrThrow } from '../../testkit/kb';

const VERDICTS: Record<string, SafetyAssessment> = {
  'i feel like ending it, this job is killing me': { route: 'worker-crisis', mentionsRisk: false },
  'a parent threatened me, what is restorative practice': { route: 'worker-safety', mentionsRisk: false },
  'how do we talk about risk with families': { route: null, mentionsRisk: true },
};
jest.mock('../../knowledge/safety', () => {
  const real: typeof Safety = jest.requireActual('../../knowledge/safety');
  return { ...real, assessSafety: (m: string) => VERDICTS[m] ?? real.assessSafety(m) };
});

const kb = loadOrThrow();
const lbbd = kb.framework('lbbd')!;
const RULE = '─'.repeat(40);

interface Json {
  question: string;
  answer: { id: string } | null;
  alternatives: unknown[];
  suggestions: string[];
  route: string | null;
  routes: string[];
  parts: string[];
  decline: { notCovered: string | null; goTo: string[] } | null;
  reminders: { personalDetails: string[]; calm: boolean };
}
const json = async (...args: string[]) => JSON.parse((await runCli(['ask', '--json', ...args])).stdout) as Json;
const text = async (...args: string[]) => (await runCli(['ask', ...args])).stdout;

test("a worker in crisis: the crisis card alone, in text as in JSON; search's own fields stay as they were", async () => {
  const q = 'i feel like ending it, this job is killing me';
  const out = await text('--framework', 'lbbd', q);
  expect(out.split('\n')[0]).toBe("I'm really sorry you're feeling like this");
  expect(out).toContain(lbbd.signposts.crisis.text);
  expect(out).not.toContain(RULE); // one part only
  expect(out).not.toMatch(/not sure|Suggest this question/i);
  const j = await json('--framework', 'lbbd', q);
  expect(j).toMatchObject({ question: q, route: 'worker-crisis', routes: ['worker-crisis'], parts: ['worker-crisis'] });
  expect(Object.keys(j).slice(0, 4)).toEqual(['question', 'answer', 'alternatives', 'suggestions']);
});

test("the worker's own safety with a question the framework answers: two parts, the route first, then the entry", async () => {
  const q = 'a parent threatened me, what is restorative practice';
  const parts = (await text('--framework', 'lbbd', q)).split(`\n${RULE}\n`);
  expect(parts).toHaveLength(2);
  expect(parts[0]!.split('\n')[0]).toBe('Your safety comes first');
  expect(parts[1]!.split('\n')[0]).toBe('Restorative Practice');
  const j = await json('--framework', 'lbbd', q);
  expect(j.parts).toEqual(['worker-safety', 'answer']);
  expect(j.answer?.id).toBe('lbbd-restorative-practice');
});

test('an ordinary question that mentions risk: the answer with the calm line, and reminders.calm', async () => {
  const q = 'how do we talk about risk with families';
  const out = await text('--framework', 'lbbd', q);
  expect(out.trimEnd().endsWith(lbbd.signposts.urgent.text)).toBe(true);
  const j = await json('--framework', 'lbbd', q);
  expect(j.route).toBeNull();
  expect(j.reminders.calm).toBe(true);
});

test('a decline: "The framework doesn\'t cover Signs of Safety." and where to go, with the decline in JSON', async () => {
  const out = await text('--framework', 'lbbd', 'signs of safety');
  expect(out.split('\n')[0]).toBe("The framework doesn't cover Signs of Safety.");
  expect(out).toContain(`For a decision about a child or family: ${lbbd.signposts.caseAdvice.text}`);
  expect(out).toContain('[Suggest this question to the practice team]');
  const j = await json('--framework', 'lbbd', 'signs of safety');
  expect(j).toMatchObject({
    answer: null,
    parts: ['decline'],
    decline: { notCovered: 'Signs of Safety', goTo: ['caseAdvice', 'procedures'] },
  });
});

test('personal details: the reminder names the kind, last, and JSON lists the kinds', async () => {
  const q = 'I visited Tom Smith yesterday, what does principle 7 say';
  const out = await text('--framework', 'lbbd', q);
  expect(out.trimEnd().split('\n').at(-1)).toMatch(/^A gentle reminder: this looks as though it may include a name/);
  expect((await json('--framework', 'lbbd', q)).reminders.personalDetails).toContain('name');
});

test('--jsonl gives the same parts as --json, line by line', async () => {
  const questions = ['principle 7', 'i feel like ending it, this job is killing me', 'signs of safety'];
  const lines = (await runCli(['ask', '--jsonl', '--framework', 'lbbd'], questions.join('\n'))).stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Json);
  for (const [i, q] of questions.entries()) expect(lines[i]).toEqual(await json('--framework', 'lbbd', q));
});

test('without --framework, as in a chat that chose none: the best match across every framework, saying so', async () => {
  const out = await text('ingredient 3');
  expect(out.split('\n').slice(0, 2)).toEqual([
    'Ingredient 3 · Focus on strengths, balanced with risks',
    kb.framework('jersey')!.name,
  ]);
  expect(out).toContain('No framework has been chosen here yet, so this is the best match across them.');
  expect(await text('--framework', 'jersey', 'ingredient 3')).not.toContain('No framework has been chosen');
});
