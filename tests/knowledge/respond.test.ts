// One response, everywhere (knowledge/respond): what a message gets, in order. The safety detectors are
// knowledge/safety's (improved elsewhere); here their verdicts are set per message, through the interface
// they promise, so these tests check what the response does with each verdict, not how it is reached.
import type * as Safety from '../../knowledge/safety';
import type { SafetyAssessment, SafetyRoute, DetailKind } from '../../knowledge/safety';
import { directAnswer } from '../../knowledge/search/answer';
import type { AnswerResult, Search } from '../../knowledge/search/answer';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RESPONSE_WORDS,
  ROUTE_CONTENT,
  SIGNPOST_HEADINGS,
  respond,
  routeLines,
  routeText,
  WHO_HOLDS_THE_ROLE,
} from '../../knowledge/respond';
import { shippedSearch } from '../../testkit/kb';

type Verdict = SafetyAssessment & { also?: SafetyRoute[] };
const VERDICTS = new Map<string, Verdict>();
const DETAILS = new Map<string, DetailKind[]>();
jest.mock('../../knowledge/safety', () => {
  const real: typeof Safety = jest.requireActual('../../knowledge/safety');
  return {
    ...real,
    assessSafety: (m: string) => VERDICTS.get(m) ?? real.assessSafety(m),
    personalDetails: (m: string, o: { publicNames?: readonly string[] }) =>
      DETAILS.get(m) ?? real.personalDetails(m, o),
  };
});

const search = shippedSearch();
const kb = search.kb;
const lbbd = kb.framework('lbbd')!;
const route = (r: SafetyRoute, also: SafetyRoute[] = []): Verdict => ({ route: r, mentionsRisk: false, also });

/** A search that gives this result whatever is asked: to check what the response does with a decline search gives. */
const searchGiving = (result: AnswerResult): Search => ({ kb, answer: () => result });

beforeEach(() => {
  VERDICTS.clear();
  DETAILS.clear();
});

describe('the safety route comes first, then what the framework says', () => {
  test('a child at risk, with a question the framework answers: the route, then the answer', () => {
    const q = 'a child has disclosed domestic abuse, what does safe and together say';
    VERDICTS.set(q, route('child-at-risk'));
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['child-at-risk']);
    expect(r.reply).toMatchObject({ kind: 'answer', result: { entry: { id: 'lbbd-safe-and-together' } } });
    expect(r.offerSuggestion).toBe(false);
  });

  test('a child at risk and nothing the framework answers: the route alone, never "not sure"', () => {
    const q = 'kid said her mums boyfriend hits her with a belt';
    VERDICTS.set(q, route('child-at-risk'));
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['child-at-risk']);
    expect(r.reply?.kind === 'not-sure').toBe(false);
    expect(r.offerSuggestion).toBe(false);
  });

  test("the worker's own safety: its own route, not the child's; the answer after it where there is one", () => {
    const q = 'dad threatened me on the doorstep, how do we use restorative practice';
    VERDICTS.set(q, route('worker-safety'));
    const r = respond(searchGiving(directAnswer(kb.entry('lbbd-restorative-practice')!)), q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['worker-safety']);
    expect(r.reply).toMatchObject({ kind: 'answer', result: { entry: { id: 'lbbd-restorative-practice' } } });
  });

  test('a worker in crisis: the crisis route only: no entry, no "not sure", no suggestion, whatever search found', () => {
    const q = 'i feel like ending it, this job is killing me, is there a principle for that';
    VERDICTS.set(q, route('worker-crisis'));
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['worker-crisis']);
    expect(r.reply).toBeUndefined();
    expect(r.offerSuggestion).toBe(false);
  });

  test('distress: the support route only, even when a word matches an entry', () => {
    const q = "I'm shaking after that visit, trauma informed practice says what";
    VERDICTS.set(q, route('distress'));
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.result.found).toBe(true);
    expect(r.reply).toBeUndefined();
  });

  test('a child at risk and the worker threatened too: both cards, child first, then the answer', () => {
    const q = 'dad kicked off and threatened me, kids are there, what does safe and together say';
    VERDICTS.set(q, route('child-at-risk', ['worker-safety', 'child-at-risk']));
    const r = respond(searchGiving(directAnswer(kb.entry('lbbd-safe-and-together')!)), q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['child-at-risk', 'worker-safety']);
    expect(r.reply?.kind).toBe('answer');
  });

  test('any crisis among the routes keeps everything from the framework away', () => {
    const q = 'the family threatened me and now I want to end my life';
    VERDICTS.set(q, route('worker-safety', ['worker-crisis']));
    expect(respond(search, q, { frameworkId: 'lbbd' }).reply).toBeUndefined();
  });
});

describe('a graded response: an ordinary question that only mentions risk', () => {
  test('gets its answer, never suppressed, with the calm line', () => {
    const q = 'how do we talk about risk with families';
    VERDICTS.set(q, { route: null, mentionsRisk: true });
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual([]);
    expect(r.reply?.kind).toBe('answer');
    expect(r.reminders.calm).toBe(true);
  });

  test('no calm line for an ordinary question that does not', () => {
    expect(respond(search, 'principle 7', { frameworkId: 'lbbd' }).reminders.calm).toBe(false);
  });
});

describe('the personal-details reminder', () => {
  test("carries the kinds noticed, and passes the framework's public names to the check", () => {
    const q = 'family near RM10 7BY, principle 7';
    DETAILS.set(q, ['postcode']);
    expect(respond(search, q, { frameworkId: 'lbbd' }).reminders.personalDetails).toEqual(['postcode']);
  });

  test("the framework's own names are public: Russ Bellenie and Goldsmiths get no reminder", () => {
    expect(
      respond(search, 'what did Russ Bellenie write about Goldsmiths University', { frameworkId: 'lbbd' }).reminders
        .personalDetails,
    ).toEqual([]);
  });
});

describe('declines: the framework does not cover it, and where to go', () => {
  const decline = (notCovered: string, goTo?: 'procedures' | 'employment' | 'case_advice'): AnswerResult => ({
    found: false,
    reason: 'not-covered',
    suggestions: [],
    notCovered,
    ...(goTo && { goTo }),
  });

  test.each([
    ['procedures', ['procedures', 'caseAdvice']],
    ['employment', ['employment']],
    ['case_advice', ['caseAdvice', 'procedures']],
    [undefined, ['caseAdvice', 'procedures']],
  ] as const)('goTo %s → %j', (goTo, where) => {
    const r = respond(searchGiving(decline('section 47', goTo)), 'do I need a section 47', { frameworkId: 'lbbd' });
    expect(r.reply).toMatchObject({ kind: 'decline', whereToGo: where, wroteIt: [] });
    expect(r.offerSuggestion).toBe(true);
  });

  test('"who is our current PSW": the framework\'s author and date, never as if they hold the role now', () => {
    const given = searchGiving(decline(WHO_HOLDS_THE_ROLE, 'employment'));
    const here = respond(given, 'who is our current principal social worker', { frameworkId: 'lbbd' });
    expect(here.reply).toMatchObject({ kind: 'decline', whereToGo: ['employment'] });
    expect(here.reply?.kind === 'decline' && here.reply.wroteIt.map((f) => f.id)).toEqual(['lbbd']);
    // No framework chosen: each framework served, since any of them may be theirs.
    const anywhere = respond(given, 'who is our current principal social worker');
    expect(anywhere.reply?.kind === 'decline' && anywhere.reply.wroteIt.map((f) => f.id)).toEqual(['jersey', 'lbbd']);
  });

  test('a decline after a child-at-risk route still says where to go, without "Suggest this question"', () => {
    const q = 'child disclosed, do I start a section 47';
    VERDICTS.set(q, route('child-at-risk'));
    const r = respond(searchGiving(decline('section 47', 'procedures')), q, { frameworkId: 'lbbd' });
    expect(r.routes).toEqual(['child-at-risk']);
    expect(r.reply?.kind).toBe('decline');
    expect(r.offerSuggestion).toBe(false);
  });

  test('a question that names a kind of entry asks of the framework: never declined for a procedure it mentions', () => {
    // "core group" is a procedure; "which value" asks which of the framework's values helps with it.
    const q = 'the school never turn up to core group meetings, which value helps me hold them to it';
    const r = respond(search, q, { frameworkId: 'lbbd' });
    expect(r.reply?.kind).not.toBe('decline');
    const shown = r.result.found ? [r.result.entry] : r.result.suggestions.map((m) => m.entry);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((e) => e.kind === 'value' || e.lists === 'value')).toBe(true);
    // Without the kind named, the same words are still the procedure's.
    expect(respond(search, 'how often should core group meetings happen', { frameworkId: 'lbbd' }).reply?.kind).toBe(
      'decline',
    );
  });

  test('"not sure" also sends people to staff support, and may be suggested to the practice team', () => {
    const r = respond(search, 'banana bread recipe', { frameworkId: 'lbbd' });
    expect(r.reply).toMatchObject({
      kind: 'not-sure',
      whereToGo: ['caseAdvice', 'procedures', 'staffSupport', 'urgent'],
    });
    expect(r.offerSuggestion).toBe(true);
  });
});

describe('scoping', () => {
  test("with a framework chosen: that framework's answer and signposts", () => {
    const r = respond(search, 'trauma informed', { frameworkId: 'jersey' });
    expect(r.reply?.kind === 'answer' && r.reply.result.entry.id).toBe('jersey-trauma-informed');
    expect(r.frameworkId).toBe('jersey');
    expect(r.signposts).toBe(kb.framework('jersey')!.signposts);
  });

  test('with none chosen: the best match across every framework, and the signposts of the one that answered', () => {
    for (const [q, id] of [
      ['principle 7', 'lbbd-professional-curiosity'],
      ['domestic abuse', 'lbbd-safe-and-together'],
      ['ingredient three', 'jersey-strengths-and-risks'],
    ]) {
      const r = respond(search, q!);
      expect(r.frameworkId).toBeUndefined();
      expect(r.reply?.kind === 'answer' && r.reply.result.entry.id).toBe(id);
      expect(r.framework.id).toBe(kb.entry(id!)!.frameworkId);
    }
  });
});

describe('each route in plain words, for the command line and the compose box', () => {
  test('a child at risk: what to do now, the other places, and what the bot is not for', () => {
    expect(routeLines('child-at-risk', lbbd.signposts)).toEqual([
      'If a child may be at risk now',
      lbbd.signposts.urgent.text,
      `For a decision about a child or family: ${lbbd.signposts.caseAdvice.text}`,
      `Local procedures: ${lbbd.signposts.procedures.text}`,
      `Looking after yourself: ${lbbd.signposts.staffSupport.text}`,
      'I can help with the practice framework, not with decisions about a case.',
    ]);
    expect(routeText('child-at-risk', lbbd.signposts)).toBe(lbbd.signposts.urgent.text);
  });

  test('a worker in crisis: a kind word first, then the crisis lines from the framework file', () => {
    const lines = routeLines('worker-crisis', lbbd.signposts);
    expect(lines[0]).toBe("I'm really sorry you're feeling like this");
    expect(lines[2]).toBe(lbbd.signposts.crisis.text);
    expect(lines.join(' ')).toContain('116 123');
    expect(lines.join(' ')).not.toMatch(/not sure/i);
  });

  test('distress: the support signpost, with the crisis line at its foot', () => {
    const lines = routeLines('distress', lbbd.signposts);
    expect(lines.indexOf(lbbd.signposts.staffSupport.text)).toBeGreaterThan(0);
    expect(lines).toContain(`If it ever feels like too much: ${lbbd.signposts.crisis.text}`);
    expect(routeText('distress', lbbd.signposts)).toContain(lbbd.signposts.crisis.text);
  });

  test("the worker's own safety: 999, somewhere safe, manager, incident, lone working; then support", () => {
    const text = routeLines('worker-safety', lbbd.signposts).join('\n');
    for (const part of ['call 999', 'somewhere safe', 'manager', 'incident', 'lone-working procedure'])
      expect(text).toContain(part);
    expect(text).toContain(`Looking after yourself: ${lbbd.signposts.staffSupport.text}`);
    expect(text).not.toContain(lbbd.signposts.urgent.text);
  });
});

describe('the response module', () => {
  const dir = join(__dirname, '..', '..', 'knowledge', 'respond');
  test.each(readdirSync(dir))('%s knows nothing of Teams: it imports only from knowledge/', (file) => {
    const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const path of imports) expect(path).toMatch(/^\.\.?\/[a-z/-]+$/);
    for (const path of imports) expect(path).not.toMatch(/bot|cards|botbuilder|restify/);
  });

  test('its words are plain: no unexplained abbreviations', () => {
    const words = [
      ...Object.values(ROUTE_CONTENT).flatMap((c) => [c.title, c.kind ?? '', c.closing]),
      ...Object.values(SIGNPOST_HEADINGS),
      RESPONSE_WORDS.reminder(['name', 'reference']),
      RESPONSE_WORDS.notCoveredHint,
      RESPONSE_WORDS.unchosen.line,
      RESPONSE_WORDS.checkIntranet,
    ];
    for (const line of words) expect(line).not.toMatch(/\b[A-Z]{2,}\b/);
  });
});
