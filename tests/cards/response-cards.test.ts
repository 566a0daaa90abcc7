// A whole response as cards (cards/response-cards.ts): each route's card, then the reply; the reminder on
// every card; the calm line at the reply's foot; "Suggest this question" never on a route's message; the
// framework choice offered where none was chosen.
import { responseCards } from '../../cards';
import { RESPONSE_WORDS, respond } from '../../knowledge/respond';
import type { Response } from '../../knowledge/respond';
import { directAnswer } from '../../knowledge/search/answer';
import type { AnswerResult } from '../../knowledge/search/answer';
import { executeActionsOf, textsOf } from '../helpers/adaptive-cards';
import { shippedSearch } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const search = shippedSearch();
const kb = search.kb;
const lbbd = kb.framework('lbbd')!;
const SUGGEST = 'Suggest this question to the practice team';

/** A response as respond() gives it, with the parts a test sets (the detectors' verdicts are knowledge/safety's). */
function response(question: string, parts: Partial<Response> = {}, frameworkId: string | null = 'lbbd'): Response {
  return { ...respond(search, question, frameworkId !== null ? { frameworkId } : {}), ...parts };
}
/** The same, with nothing from the framework after the routes. */
function routesAlone(question: string, parts: Partial<Response>): Response {
  return Object.fromEntries(Object.entries(response(question, parts)).filter(([k]) => k !== 'reply')) as Response;
}
const cardsOf = (r: Response, audience: 'individual' | 'group' = 'individual') => {
  const cards = responseCards({ kb, response: r, answerId: 'answer-0001', audience, examples: lbbd.examples });
  for (const c of cards) expectWellFormed(c);
  return cards;
};
const titles = (card: { card: object }) => executeActionsOf(card.card).map((a) => a.title);
const answered = (id: string): Response['reply'] => ({ kind: 'answer', result: directAnswer(kb.entry(id)!) });

test('an ordinary question: one answer card, no reminder, no calm line', () => {
  const [card, ...more] = cardsOf(response('principle 7'));
  expect(more).toEqual([]);
  const texts = textsOf(card!.card);
  expect(texts).toContain('Principle 7 · Be professionally curious');
  expect(texts.some((t) => t.startsWith('A gentle reminder'))).toBe(false);
  expect(texts).not.toContain(lbbd.signposts.urgent.text);
});

test('a child at risk with an answer: the urgent card, then the answer; the reminder on both; no suggestion anywhere', () => {
  const r = response('principle 7', {
    routes: ['child-at-risk'],
    reply: answered('lbbd-safe-and-together')!,
    reminders: { personalDetails: ['name', 'age'], calm: false },
    offerSuggestion: false,
  });
  const cards = cardsOf(r);
  expect(cards).toHaveLength(2);
  expect(textsOf(cards[0]!.card)[0]).toBe('If a child may be at risk now');
  expect(textsOf(cards[1]!.card)).toContain('Safe & Together');
  for (const c of cards) expect(textsOf(c.card)).toContain(RESPONSE_WORDS.reminder(['name', 'age']));
  // The question is not carried in the vote buttons, so "Not helpful" cannot offer to suggest it either.
  expect(JSON.stringify(cards)).not.toContain('"question"');
  for (const c of cards) expect(titles(c)).not.toContain(SUGGEST);
});

test('a worker in crisis: the crisis card alone', () => {
  const cards = cardsOf(routesAlone('anything', { routes: ['worker-crisis'], offerSuggestion: false }));
  expect(cards).toHaveLength(1);
  expect(textsOf(cards[0]!.card)[0]).toBe("I'm really sorry you're feeling like this");
});

test('an ordinary question that mentions risk: the answer, with the calm line last', () => {
  const r = response('principle 8', { reminders: { personalDetails: [], calm: true } });
  const [card] = cardsOf(r);
  const texts = textsOf(card!.card);
  expect(texts).toContain('Principle 8 · Listen, observe, reflect, and analyse');
  expect(texts.at(-1)).toBe(lbbd.signposts.urgent.text);
  expect(card!.card.fallbackText).toContain(lbbd.signposts.urgent.text);
});

test('the calm line goes at the foot of a decline or "not sure" too, after "Suggest this question"', () => {
  const r = response('banana bread recipe', { reminders: { personalDetails: [], calm: true } });
  const [card] = cardsOf(r);
  expect(titles(card!)).toContain(SUGGEST);
  expect(textsOf(card!.card).at(-1)).toBe(lbbd.signposts.urgent.text);
});

test('"not sure" offers staff support among the places to go', () => {
  const [card] = cardsOf(response('banana bread recipe'));
  const texts = textsOf(card!.card);
  expect(texts).toContain("I'm not sure I have an answer to that.");
  expect(texts).toContain('Looking after yourself');
  expect(texts).toContain(lbbd.signposts.staffSupport.text);
});

describe('a plain decline', () => {
  const declined = (notCovered: string, goTo: 'procedures' | 'employment'): Response => {
    const result: AnswerResult = { found: false, reason: 'not-covered', suggestions: [], notCovered, goTo };
    const whereToGo = goTo === 'employment' ? (['employment'] as const) : (['procedures', 'caseAdvice'] as const);
    return response('q', { result, reply: { kind: 'decline', result, whereToGo, wroteIt: [] } });
  };

  test('"The framework doesn\'t cover section 47", then the procedures first', () => {
    const texts = textsOf(cardsOf(declined('section 47', 'procedures'))[0]!.card);
    expect(texts[0]).toBe("The framework doesn't cover section 47.");
    const where = texts.indexOf('Where to go instead');
    expect(texts[where + 1]).toBe('Local procedures');
    expect(texts[where + 2]).toBe(lbbd.signposts.procedures.text);
  });

  test('annual leave: the employment signpost (HR, the intranet)', () => {
    const texts = textsOf(cardsOf(declined('annual leave', 'employment'))[0]!.card);
    expect(texts[0]).toBe("The framework doesn't cover annual leave.");
    expect(texts).toContain('Questions about your job');
    expect(texts).toContain(lbbd.signposts.employment.text);
    expect(texts).not.toContain(lbbd.signposts.procedures.text);
  });

  test('"who is our current PSW": who wrote the framework and when, and "check your intranet"', () => {
    const result: AnswerResult = {
      found: false,
      reason: 'not-covered',
      suggestions: [],
      notCovered: 'who holds the role now',
      goTo: 'employment',
    };
    const r = response('who is our current PSW', {
      result,
      reply: { kind: 'decline', result, whereToGo: ['employment'], wroteIt: [lbbd] },
    });
    const texts = textsOf(cardsOf(r)[0]!.card);
    expect(texts.slice(0, 3)).toEqual([
      "The framework doesn't cover who holds the role now.",
      "The Barking & Dagenham Children's Social Care Practice Framework was written by Russ Bellenie, Principal Social Worker (PSW), in 2021.",
      'Check your intranet for who holds the role now.',
    ]);
  });
});

describe('no framework chosen here, several served', () => {
  const r = response('principle 7', {}, null);
  const [card] = cardsOf(r);
  const texts = textsOf(card!.card);

  test('the answer is labelled with its framework, and never says "This chat uses…"', () => {
    expect(texts).toContain(lbbd.name);
    expect(texts.join('\n')).not.toMatch(/This chat uses/);
  });

  test('it keeps offering the choice: one button per framework', () => {
    expect(texts).toContain(RESPONSE_WORDS.unchosen.line);
    const choices = executeActionsOf(card!.card).filter((a) => a.verb === 'chooseFramework');
    expect(choices.map((a) => [a.title, a.data])).toEqual([
      ['Jersey', { frameworkId: 'jersey', keep: true }],
      ['Barking & Dagenham', { frameworkId: 'lbbd', keep: true }],
    ]);
  });

  test('with a framework chosen, no such offer', () => {
    const [chosen] = cardsOf(response('principle 7'));
    expect(executeActionsOf(chosen!.card).some((a) => a.verb === 'chooseFramework')).toBe(false);
  });
});

test('in a channel, group chat or meeting: the group prompt and "keep replies general"', () => {
  const entry = kb.entry('lbbd-professional-curiosity')!;
  const texts = textsOf(cardsOf(response('principle 7'), 'group')[0]!.card);
  expect(texts).toContain(entry.groupPrompts[0]);
  expect(texts).toContain("Please keep replies general: don't share details of children or families here.");
});
