import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'practice-companion.js');
const run = (args: string[], input = '') =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 30_000 });

describe('the practice-companion command', () => {
  test('ask "what is CARES" prints the CARES overview for a person to read', () => {
    const r = run(['ask', 'what is CARES']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'CARES: our values',
      "Barking & Dagenham Children's Social Care Practice Framework",
    ]);
    expect(r.stdout).toMatch(/^Reflect: .+\?$/m);
    expect(r.stdout).toMatch(/^Source: "One Minute Guide – CSC Practice Framework Model", Russ Bellenie/m);
  });

  test("ask --json prints one JSON object in the documented shape: search's fields, then the parts", () => {
    const r = run(['ask', '--json', 'principle 7']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      question: 'principle 7',
      answer: {
        id: 'lbbd-professional-curiosity',
        title: 'Be professionally curious',
        framework: "Barking & Dagenham Children's Social Care Practice Framework",
        kind: 'principle',
        number: 7,
        summary: expect.any(String),
        confidence: 1,
      },
      alternatives: [],
      suggestions: [],
      // The response's parts, after search's fields (which stay exactly as they were).
      route: null,
      routes: [],
      parts: ['answer'],
      decline: null,
      reminders: { personalDetails: [], calm: false },
    });
  });

  test('ask --jsonl answers each stdin line, in order, one JSON object per line', () => {
    const r = run(
      ['ask', '--jsonl', '--framework', 'jersey'],
      'weather in spain tomorrow\n\ningredient three\ntrauma informed\n',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; answer: { id: string } | null; suggestions: string[] });
    expect(lines.map((l) => [l.question, l.answer?.id ?? null])).toEqual([
      ['weather in spain tomorrow', null],
      ['ingredient three', 'jersey-strengths-and-risks'],
      ['trauma informed', 'jersey-trauma-informed'],
    ]);
    expect(lines[0]?.suggestions.length).toBeGreaterThan(0);
  });

  test('bad usage → the usage text and exit 2', () => {
    expect(run(['ask']).status).toBe(2);
    expect(run(['ask', '--frobnicate', 'x']).stderr).toMatch(/Unknown option --frobnicate/);
    expect(run(['ask', '--framework', 'atlantis', 'x']).stderr).toMatch(
      /Unknown framework "atlantis". Known: jersey, lbbd/,
    );
  });
});
