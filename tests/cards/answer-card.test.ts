import { WORDING } from '../../cards/wording';
import { RESPONSE_WORDS } from '../../knowledge/respond';
import { feedbackSchema, openVerbSchema } from '../../cards/actions';
import { answerCard } from '../../cards';
import type { AnswerCardInput } from '../../cards';
import { displayTitle } from '../../knowledge/kb/model';
import { buttonTitle } from '../../cards/buttons';

const shownTitle = (e: Parameters<typeof displayTitle>[0]) => buttonTitle(displayTitle(e));
import type { AnswerResult } from '../../knowledge/search/answer';
import {
  actionTitled,
  hiddenFullText,
  actionsOf,
  buttonsUnder,
  nodeWithId,
  nodesOf,
  textsOf,
} from '../helpers/adaptive-cards';
import { shippedSearch } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = shippedSearch().kb;
const PII = RESPONSE_WORDS.reminder(['name']);

function found(question: string, defaultFramework = 'lbbd'): Extract<AnswerResult, { found: true }> {
  const result = shippedSearch().answer(question, { defaultFramework });
  if (!result.found) throw new Error(`"${question}" found no answer`);
  return result;
}

const render = (question: string, extra: Partial<AnswerCardInput> = {}) =>
  answerCard({ kb, result: found(question), answerId: 'answer-0001', ...extra });

describe('answerCard for "principle 7"', () => {
  const message = render('principle 7');
  const { card } = message;

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('leads with the numbered title, large and bold, and the framework name underneath', () => {
    const [title, framework] = nodesOf(card);
    expect(title).toMatchObject({
      type: 'TextBlock',
      text: 'Principle 7 · Be professionally curious',
      size: 'Large',
      weight: 'Bolder',
    });
    expect(framework).toMatchObject({
      text: "Barking & Dagenham Children's Social Care Practice Framework",
      isSubtle: true,
    });
  });

  test('gives the summary', () => {
    expect(textsOf(card)).toContain(found('principle 7').entry.summary);
  });

  test('its notification reads "title: summary", and speech gives the same', () => {
    expect(message.summary).toMatch(/^Principle 7 · Be professionally curious: Work alongside children/);
    expect(card.speak).toMatch(/^Principle 7 · Be professionally curious\. Work alongside children/);
  });

  test('"Read the full text" shows a hidden container holding the full text', () => {
    expect(hiddenFullText(card, 'Read the full text')).toEqual([
      'Be professionally curious.',
      expect.stringMatching(/^Our children and families should experience practitioners who collaborate/),
    ]);
  });

  test('offers the first reflection prompt by default, under "Reflect"', () => {
    const texts = textsOf(card);
    expect(texts[texts.indexOf('Reflect') + 1]).toBe(found('principle 7').entry.prompts[0]);
  });

  test('a prompt index picks that prompt, counting round past the end', () => {
    const prompts = found('principle 7').entry.prompts;
    expect(textsOf(render('principle 7', { promptIndex: 1 }).card)).toContain(prompts[1]);
    expect(textsOf(render('principle 7', { promptIndex: prompts.length }).card)).toContain(prompts[0]);
  });

  test('related entries are open buttons, labelled with their titles', () => {
    const related = found('principle 7').entry.related.flatMap((id) => kb.entry(id) ?? []);
    expect(buttonsUnder(card, 'Related')).toEqual(related.slice(0, 4).map(shownTitle));
    const open = actionTitled(card, 'Principle 1 · Be collaborative');
    expect(open).toMatchObject({ type: 'Action.Execute', verb: 'open' });
    expect(openVerbSchema.parse(open.data)).toEqual({ entryId: 'lbbd-be-collaborative' });
  });

  test('names its source quietly at the foot: the document, its author and the date', () => {
    const source = nodesOf(card).find((n) => n.type === 'TextBlock' && String(n.text).startsWith('Source:'));
    expect(source).toMatchObject({
      text: 'Source: “One Minute Guide – CSC Practice Framework Model” by Russ Bellenie, Principal Social Worker (PSW), 2021',
      size: 'Small',
      isSubtle: true,
    });
  });

  test('asks "Did this help?" with Helpful and Not helpful buttons the bot will accept', () => {
    expect(textsOf(card)).toContain('Did this help?');
    const helpful = actionTitled(card, 'Helpful');
    const notHelpful = actionTitled(card, 'Not helpful');
    for (const button of [helpful, notHelpful])
      expect(button).toMatchObject({ type: 'Action.Execute', verb: 'feedback' });
    expect(feedbackSchema.parse(helpful.data)).toEqual({
      answerId: 'answer-0001',
      entryId: 'lbbd-professional-curiosity',
      helpful: true,
    });
    expect(feedbackSchema.parse(notHelpful.data)).toEqual({
      answerId: 'answer-0001',
      entryId: 'lbbd-professional-curiosity',
      helpful: false,
    });
  });

  test('a confident answer has no "Did you mean…"', () => {
    expect(textsOf(card)).not.toContain('Did you mean…');
  });

  test('without being asked, it shows no reminder about personal details', () => {
    expect(textsOf(card)).not.toContain(PII);
  });
});

describe('answerCard after a vote', () => {
  test('thanks the person for "helpful", says so, and keeps both buttons so they can change it', () => {
    const { card } = render('principle 7', { feedback: { helpful: true } });
    const texts = textsOf(card);
    expect(texts).toContain('Thank you, you said this helped. You can change your answer.');
    expect(texts).not.toContain('Did this help?');
    expect(
      actionsOf(card, 'Action.Execute')
        .filter((a) => a.verb === 'feedback')
        .map((a) => a.title),
    ).toEqual(['Helpful', 'Not helpful']);
  });

  test('thanks the person for "not helpful" and says that is what was recorded', () => {
    const message = render('principle 7', { feedback: { helpful: false } });
    expectWellFormed(message);
    expect(textsOf(message.card)).toContain("Thank you, you said this didn't help. You can change your answer.");
    expect(actionsOf(message.card, 'Action.Execute').filter((a) => a.verb === 'feedback')).toHaveLength(2);
  });
});

describe('answerCard for a best guess', () => {
  const result = found('safeguarding');

  test('the search result really is a best guess with alternatives', () => {
    expect(result.confident).toBe(false);
    expect(result.alternatives.length).toBeGreaterThan(0);
  });

  test('offers the alternatives under "Did you mean…" as open buttons, at most three', () => {
    const message = render('safeguarding');
    expectWellFormed(message);
    const titles = buttonsUnder(message.card, 'Did you mean…');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(3);
    expect(titles).toEqual(result.alternatives.slice(0, 3).map((m) => shownTitle(m.entry)));
  });

  test('a confident answer that has alternatives still shows no "Did you mean…"', () => {
    const confident = found('restorative practice');
    expect(confident.confident).toBe(true);
    expect(confident.alternatives.length).toBeGreaterThan(0);
    expect(textsOf(render('restorative practice').card)).not.toContain('Did you mean…');
  });
});

describe('answerCard for an approach', () => {
  const message = render('restorative practice');
  const container = nodeWithId(message.card, 'full-text');
  const inside = container ? textsOf({ body: [container] }) : [];
  const entry = found('restorative practice').entry;

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('the full text also says who uses it and why, under small headings', () => {
    expect(inside.slice(-4)).toEqual(['Who uses it', entry.whoUses, 'Why', entry.why]);
  });

  test('has no number, so its title is just the title', () => {
    expect(textsOf(message.card)[0]).toBe('Restorative Practice');
  });
});

describe('answerCard full text', () => {
  test('keeps paragraphs and shows "- " lines as bulleted list items', () => {
    const message = answerCard({
      kb,
      result: found('what is CARES'),
      answerId: 'answer-0002',
    });
    const container = nodeWithId(message.card, 'full-text');
    const inside = container ? textsOf({ body: [container] }) : [];
    expect(inside).toEqual([
      'What is CARES?',
      '• Compassion',
      '• Accountability',
      '• Respect',
      '• Empowerment',
      '• Sharing',
    ]);
  });
});

describe('answerCard with the reminder about personal details', () => {
  test('shows it gently, near the top', () => {
    const message = render('principle 7', { reminder: ['name'] });
    expectWellFormed(message);
    expect(textsOf(message.card).indexOf(PII)).toBe(0);
  });

  test('says which kind of detail it noticed, never "a name, age, school" when it was a postcode', () => {
    const texts = textsOf(render('principle 7', { reminder: ['postcode'] }).card);
    expect(texts[0]).toBe(
      'A gentle reminder: this looks as though it may include a postcode. Teams keeps this chat, so please leave out anything that could identify a child or family.',
    );
    expect(texts[0]).not.toMatch(/a name|an age|a school/);
    expect(textsOf(render('principle 7', { reminder: ['name', 'age', 'school'] }).card)[0]).toContain(
      'may include a name, an age and a school.',
    );
  });
});

describe('answerCard in a channel, group chat or meeting', () => {
  test("uses the entry's group prompt and asks people to keep replies general, as posts do", () => {
    const entry = kb.entry('lbbd-professional-curiosity')!;
    const texts = textsOf(render('principle 7', { audience: 'group' }).card);
    expect(texts).toContain(entry.groupPrompts[0]);
    expect(texts).not.toContain(entry.prompts[0]);
    expect(texts).toContain(WORDING.noDetailsInReplies);
  });

  test('in a personal chat: the personal prompt, and no "keep replies general"', () => {
    const entry = kb.entry('lbbd-professional-curiosity')!;
    const texts = textsOf(render('principle 7', { audience: 'individual' }).card);
    expect(texts).toContain(entry.prompts[0]);
    expect(texts).not.toContain(WORDING.noDetailsInReplies);
  });
});

describe('answerCard for a framework that names an approver', () => {
  test('says "approved by" in the source line', () => {
    const { card } = answerCard({
      kb,
      result: found('ingredient three', 'jersey'),
      answerId: 'answer-0003',
    });
    expect(textsOf(card)).toContain(
      'Source: “CSCS Practice Framework”, approved by the Chief Social Worker for Children and Families, September 2021',
    );
  });
});

describe("answerCard keeps the bot's words apart from the framework's", () => {
  const { card } = answerCard({ kb, result: found('principle 7'), answerId: 'answer-0100' });
  const texts = textsOf(card);

  test('"In short" is the bot\'s summary; "The framework says" holds the source\'s words, and the source line sits with them', () => {
    const entry = kb.entry('lbbd-professional-curiosity')!;
    const inShort = texts.indexOf('In short');
    const says = texts.indexOf('The framework says');
    const source = texts.findIndex((t) => t.startsWith('Source: '));
    expect(texts[inShort + 1]).toBe(entry.summary);
    expect(says).toBeGreaterThan(inShort + 1);
    // The full text (the framework's own words) is between "The framework says" and the source line.
    const firstLine = entry.text.split('\n')[0]!.trim();
    const words = texts.indexOf(firstLine);
    expect(words).toBeGreaterThan(says);
    expect(source).toBeGreaterThan(words);
    // Nothing the bot wrote (prompt, related) sits between the framework's words and their source.
    expect(texts.slice(says, source).some((t) => entry.prompts.includes(t))).toBe(false);
    expect(texts.indexOf('Reflect')).toBeGreaterThan(source);
  });
});
