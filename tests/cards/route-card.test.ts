import { crisisCard, routeCard, staffSupportCard, urgentCard, workerSafetyCard } from '../../cards';
import { SAFETY_ROUTES } from '../../knowledge/safety';
import { RESPONSE_WORDS } from '../../knowledge/respond';
import { actionsOf, textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const signposts = kb.framework('lbbd')!.signposts;
const noEntry = (texts: string[]) => kb.entries.filter((e) => texts.includes(e.summary)).map((e) => e.id);

describe.each(SAFETY_ROUTES)('the %s card', (route) => {
  const message = routeCard(route, { signposts });
  const texts = textsOf(message.card);

  test('is a valid, small, Teams-safe card', () => expectWellFormed(message));

  test('holds no framework entry, no "not sure", and no "Suggest this question"', () => {
    expect(noEntry(texts)).toEqual([]);
    expect(texts.join(' ')).not.toMatch(/not sure/i);
    expect(actionsOf(message.card, 'Action.Execute')).toEqual([]);
  });

  test('carries the personal-details reminder at its foot when the message seemed to hold some, naming the kind', () => {
    const withReminder = textsOf(routeCard(route, { signposts, reminder: ['school'] }).card);
    expect(withReminder.at(-1)).toBe(RESPONSE_WORDS.reminder(['school']));
    expect(withReminder.at(-1)).toContain('may include a school.');
    expect(texts.some((t) => t.startsWith('A gentle reminder'))).toBe(false);
  });
});

test('a child at risk: the urgent signpost first, in the attention colour', () => {
  const texts = textsOf(urgentCard({ signposts }).card);
  expect(texts.slice(0, 2)).toEqual(['If a child may be at risk now', signposts.urgent.text]);
});

test("the worker's own safety: its own card, not the child's: 999 if in danger, somewhere safe, manager, incident, lone working, then support", () => {
  const message = workerSafetyCard({ signposts });
  const texts = textsOf(message.card);
  expect(texts[0]).toBe('Your safety comes first');
  expect(texts).toContain(signposts.workerSafety.text);
  for (const part of ['call 999', 'somewhere safe', 'manager today', 'incident', 'lone-working procedure'])
    expect(signposts.workerSafety.text).toContain(part);
  expect(texts.indexOf(signposts.staffSupport.text)).toBeGreaterThan(texts.indexOf(signposts.workerSafety.text));
  expect(texts).not.toContain(signposts.urgent.text);
  expect(texts).not.toContain('If a child may be at risk now');
  expect(JSON.stringify(message.card.body[0])).toContain('"color":"Attention"');
});

test('a worker in crisis: a kind word first, then 999, Samaritans, NHS 111 and employee assistance; the notification says only the kind word', () => {
  const message = crisisCard({ signposts });
  const texts = textsOf(message.card);
  expect(texts[0]).toBe("I'm really sorry you're feeling like this");
  expect(texts[1]).toMatch(/^You don't have to carry this on your own/);
  expect(texts[2]).toBe(signposts.crisis.text);
  for (const part of ['999', 'Samaritans', '116 123', 'NHS 111', 'employee assistance programme'])
    expect(signposts.crisis.text).toContain(part);
  // Calm, not alarm: no attention colour.
  expect(JSON.stringify(message.card.body[0])).not.toContain('Attention');
  expect(message.summary).toBe("I'm really sorry you're feeling like this");
});

test('distress: the support card, with the crisis line at its foot', () => {
  const texts = textsOf(staffSupportCard({ signposts }).card);
  const support = texts.indexOf(signposts.staffSupport.text);
  const crisis = texts.indexOf(signposts.crisis.text);
  expect(support).toBeGreaterThan(0);
  expect(crisis).toBeGreaterThan(support);
  expect(texts[crisis - 1]).toBe('If it ever feels like too much');
  expect(texts).not.toContain(signposts.urgent.text);
});

test("each signpost's link, where a practice lead gave one, becomes a button", () => {
  const linked = { ...signposts, crisis: { text: signposts.crisis.text, link: 'https://example.org/crisis' } };
  const message = crisisCard({ signposts: linked });
  expectWellFormed(message);
  expect(actionsOf(message.card, 'Action.OpenUrl')).toEqual([
    expect.objectContaining({ url: 'https://example.org/crisis' }),
  ]);
});
