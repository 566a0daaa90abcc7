// Questions of a kind the framework is not for (leave, IT, procedures and the law, other models) get a
// plain "The framework doesn't cover …" and where to go, not "I'm not sure" nor a guess (issue 22 §6).
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { respond } from '../../knowledge/respond';
import { directAnswer } from '../../knowledge/search/answer';
import type { AnswerResult, Search } from '../../knowledge/search/answer';
import { loadOutsideCheck, outsideTheFramework } from '../../knowledge/search/outside-the-framework';
import { shippedSearch } from '../../testkit/kb';

const search = shippedSearch();
const kb = search.kb;
const searchGiving = (result: AnswerResult): Search => ({ kb, answer: () => result });
const notSure: AnswerResult = { found: false, reason: 'no-match', suggestions: [] };

describe('a question of a kind the framework is not for is declined by its kind', () => {
  test.each([
    ['how many days annual leave do i get in my first year', 'leave, pay and other HR questions', 'employment'],
    ['locked out of the recording system again, who resets passwords', 'IT and systems questions', 'employment'],
    ['how many working days to get the pathway plan done', 'procedures, timescales and the law', 'procedures'],
    ['whats the best way to use motivational interviewing with dad', 'other practice models and tools', 'case_advice'],
    ['how do i book a pool car for a contact tomorrow', 'leave, pay and other HR questions', 'employment'],
    ['the system keeps logging me out halfway through a case note', 'IT and systems questions', 'employment'],
    ['which form do i fill in for a cin review', 'procedures, timescales and the law', 'procedures'],
    ['who do i contact about funding for a ramp at the house', 'procedures, timescales and the law', 'procedures'],
    ['is non violent resistance any good for a teen hitting his mum', 'other practice models and tools', 'case_advice'],
    // A phrase in the plural: "timesheet" says "timesheets" too.
    ['agency timesheets, whats the cut off', 'leave, pay and other HR questions', 'employment'],
    // Rounds 8 to 10 (issue 22, from retired blind sets K, L and M), in other words than theirs:
    ['could i move to a nine day fortnight', 'working patterns and supervision arrangements', 'employment'],
    [
      'how many supervision sessions should a new starter get',
      'working patterns and supervision arrangements',
      'employment',
    ],
    ['can i take a toddler to contact in my own car', 'transport, information sharing and entitlements', 'procedures'],
    ['is there a university bursary for care leavers', 'transport, information sharing and entitlements', 'procedures'],
    ['how much notice does dad need before the review', 'timescales, standards and limits', 'procedures'],
    ['where do i log an incident when someone trips in the office', 'timescales, standards and limits', 'procedures'],
    ['can i whatsapp a yp from my work mobile', 'numbers, rooms and contact with young people', 'procedures'],
    ['number for edt please, its 6pm', 'numbers, rooms and contact with young people', 'procedures'],
  ])('%s', (question, name, goTo) => {
    const r = respond(searchGiving(notSure), question, { frameworkId: 'lbbd' });
    expect(r.reply?.kind).toBe('decline');
    expect(r.result).toMatchObject({ found: false, reason: 'not-covered', notCovered: name, goTo });
  });

  test('a guess from the nearest entry gives way to the decline; a sure answer stands', () => {
    const entry = kb.entry('lbbd-respect')!;
    const guess: AnswerResult = { ...directAnswer(entry), confident: false, confidence: 0.3 };
    expect(respond(searchGiving(guess), 'mileage claim form?', { frameworkId: 'lbbd' }).reply?.kind).toBe('decline');
    expect(respond(searchGiving(directAnswer(entry)), 'mileage claim form?', { frameworkId: 'lbbd' }).reply?.kind).toBe(
      'answer',
    );
  });

  test('a question with none of those words stays "not sure", and "principle 12" stays what it was', () => {
    expect(respond(searchGiving(notSure), 'what about the blue moon', { frameworkId: 'lbbd' }).reply?.kind).toBe(
      'not-sure',
    );
    const noSuch: AnswerResult = { found: false, reason: 'no-such-number', suggestions: [] };
    expect(respond(searchGiving(noSuch), 'principle 12 timescales', { frameworkId: 'lbbd' }).result).toBe(noSuch);
  });

  test('through the shipped search, end to end', () => {
    const r = respond(search, 'can i claim mileage for driving a yp to contact', { frameworkId: 'lbbd' });
    expect(r.reply?.kind).toBe('decline');
    expect(r.result).toMatchObject({ notCovered: 'leave, pay and other HR questions', goTo: 'employment' });
  });

  test('phrases match whole words only: "pay" inside "payment" or "repay" is not HR', () => {
    const check = outsideTheFramework();
    expect(check.topicOf('how do we repay the trust of a family')).toBeUndefined();
    expect(check.topicOf('when is pay day')?.name).toBe('leave, pay and other HR questions');
  });

  test('the file is checked when read: a kind with a wrong signpost is refused, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outside-'));
    const file = join(dir, 'outside.yaml');
    writeFileSync(file, '- name: parking\n  goTo: nowhere\n  says: [parking]\n');
    expect(() => loadOutsideCheck(file)).toThrow(/0\.goTo/);
  });
});
