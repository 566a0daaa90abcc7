import { WORDING } from '../../cards/wording';
import { RESPONSE_WORDS } from '../../knowledge/respond';
import { askVerbSchema, openVerbSchema } from '../../cards/actions';
import { noAnswerCard, urgentCard } from '../../cards';
import type { NoAnswerCardInput } from '../../cards';
import { displayTitle } from '../../knowledge/kb/model';
import { buttonTitle } from '../../cards/buttons';
import { actionsOf, buttonsUnder, textsOf } from '../helpers/adaptive-cards';
import { shippedSearch } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = shippedSearch().kb;
const examples = kb.framework('lbbd')?.examples ?? [];
const PII = RESPONSE_WORDS.reminder(['email']);

function noAnswer(question: string, reminder = false): NoAnswerCardInput {
  const result = shippedSearch().answer(question, { defaultFramework: 'lbbd' });
  if (result.found) throw new Error(`"${question}" found ${result.entry.id}`);
  return {
    kb,
    reason: result.reason,
    suggestions: result.suggestions.map((m) => m.entry),
    examples,
    ...(reminder && { reminder: ['email' as const] }),
  };
}

describe('noAnswerCard', () => {
  test.each([
    ['banana', 'no-match', "I'm not sure I have an answer to that."],
    ['', 'empty', 'What would you like to know about the framework?'],
    ['principle 42', 'no-such-number', "The framework doesn't have that number."],
  ])('for %p (%s) it says kindly: %p', (question, reason, line) => {
    const input = noAnswer(question);
    expect(input.reason).toBe(reason);
    const message = noAnswerCard(input);
    expectWellFormed(message);
    expect(textsOf(message.card)).toContain(line);
    expect(message.summary).toBe(line);
  });

  test('offers the suggestions under "Did you mean…" as open buttons, at most three', () => {
    const input = noAnswer('banana');
    const { card } = noAnswerCard({ ...input, suggestions: kb.entries.slice(0, 5) });
    expect(buttonsUnder(card, 'Did you mean…')).toEqual(
      kb.entries.slice(0, 3).map((e) => buttonTitle(displayTitle(e))),
    );
    const opens = actionsOf(card, 'Action.Execute').filter(
      (a) => a.verb === 'open' && openVerbSchema.safeParse(a.data).success,
    );
    expect(opens).toHaveLength(3);
  });

  test('for an empty question, offers the suggestions as places to start rather than "Did you mean…"', () => {
    const input = noAnswer('');
    const { card } = noAnswerCard(input);
    expect(textsOf(card)).not.toContain('Did you mean…');
    expect(buttonsUnder(card, 'You could start with')).toEqual(
      input.suggestions.slice(0, 3).map((e) => buttonTitle(displayTitle(e))),
    );
  });

  test('offers up to three example questions under "You could ask", which ask them', () => {
    const { card } = noAnswerCard({ ...noAnswer('banana'), examples: ['one', 'two', 'three', 'four'] });
    expect(buttonsUnder(card, 'You could ask')).toEqual(['One', 'Two', 'Three']);
    const asks = actionsOf(card, 'Action.Execute').flatMap((a) => {
      const parsed = a.verb === 'ask' ? askVerbSchema.safeParse(a.data) : undefined;
      return parsed?.success ? [parsed.data.question] : [];
    });
    expect(asks).toEqual(['one', 'two', 'three']);
  });

  test('never states an answer: no entry summary or text appears', () => {
    const texts = textsOf(noAnswerCard(noAnswer('banana')).card);
    for (const entry of kb.entries) {
      expect(texts).not.toContain(entry.summary);
      expect(texts).not.toContain(entry.text);
    }
  });

  test('shows the reminder about personal details only when asked', () => {
    expect(textsOf(noAnswerCard(noAnswer('banana', true)).card)).toContain(PII);
    expect(textsOf(noAnswerCard(noAnswer('banana', false)).card)).not.toContain(PII);
  });

  test('with nothing to suggest, it still reads well and stays valid', () => {
    const message = noAnswerCard({ kb, reason: 'no-match', suggestions: [], examples: [] });
    expectWellFormed(message);
    expect(textsOf(message.card)).toEqual([
      "I'm not sure I have an answer to that.",
      'The framework may not cover this. You could ask in different words.',
    ]);
  });

  test("says the framework may not cover this, and where to go instead: the framework's signposts", () => {
    const signposts = kb.framework('lbbd')!.signposts;
    const message = noAnswerCard({
      kb,
      reason: 'no-match',
      suggestions: [],
      examples: [],
      signposts,
    });
    expectWellFormed(message);
    const texts = textsOf(message.card);
    expect(texts).toContain('Where to go instead');
    expect(texts).toContain(signposts.caseAdvice.text);
    expect(texts).toContain(signposts.procedures.text);
    expect(texts).toContain(signposts.urgent.text);
    expect(texts.indexOf('Where to go instead')).toBeGreaterThan(
      texts.indexOf("I'm not sure I have an answer to that."),
    );
  });

  test('a signpost with a link gets a button that opens it', () => {
    const base = kb.framework('lbbd')!.signposts;
    const signposts = { ...base, procedures: { text: 'Read the procedures.', link: 'https://example.org/procedures' } };
    const message = noAnswerCard({
      kb,
      reason: 'no-match',
      suggestions: [],
      examples: [],
      signposts,
    });
    expectWellFormed(message);
    expect(JSON.stringify(message.card)).toContain(
      '{"type":"Action.OpenUrl","title":"Open: example.org","url":"https://example.org/procedures"}',
    );
  });
});

describe('urgentCard', () => {
  const signposts = kb.framework('jersey')!.signposts;
  const message = urgentCard({ signposts });

  test('is valid, opens with what to do now, in the attention colour, then case advice, procedures and support', () => {
    expectWellFormed(message);
    const texts = textsOf(message.card);
    expect(texts.slice(0, 2)).toEqual([
      'If a child may be at risk now',
      'If a child is in immediate danger, call 999. Otherwise follow your safeguarding procedures and talk to your manager or the duty team today.',
    ]);
    expect(texts).toEqual(
      expect.arrayContaining([
        signposts.caseAdvice.text,
        signposts.procedures.text,
        signposts.staffSupport.text,
        'I can help with the practice framework, not with decisions about a case.',
      ]),
    );
    expect(JSON.stringify(message.card.body[0])).toContain('"color":"Attention"');
    expect(message.summary).toBe(signposts.urgent.text);
  });
});

describe('noAnswerCard for something the framework does not contain', () => {
  test('says plainly that the framework does not cover it, then where to go, before anything else', () => {
    const result = shippedSearch().answer('what are the single assessment timescales', { defaultFramework: 'lbbd' });
    if (result.found || result.notCovered === undefined) throw new Error('expected not-covered');
    const signposts = kb.framework('lbbd')!.signposts;
    const message = noAnswerCard({
      kb,
      reason: result.reason,
      notCovered: result.notCovered,
      suggestions: [],
      examples,
      signposts,
    });
    expectWellFormed(message);
    const texts = textsOf(message.card);
    expect(texts[0]).toBe("The framework doesn't cover assessment timescales.");
    expect(texts.indexOf(WORDING.signposts.whereInstead)).toBeLessThan(texts.indexOf(WORDING.youCouldAsk));
    expect(texts).toContain(signposts.caseAdvice.text);
    expect(texts).toContain(signposts.procedures.text);
  });
});

describe('noAnswerCard for an entry the practice team retired', () => {
  test('says the framework no longer covers it, by its title, then where to go', () => {
    const signposts = kb.framework('lbbd')!.signposts;
    const message = noAnswerCard({
      kb,
      reason: 'not-covered',
      notCovered: 'Trauma Informed Practice',
      retired: true,
      suggestions: [],
      examples,
      signposts,
    });
    expectWellFormed(message);
    const texts = textsOf(message.card);
    expect(texts[0]).toBe('The framework no longer covers "Trauma Informed Practice": the practice team took it out.');
    expect(texts).toContain(signposts.caseAdvice.text);
  });
});
