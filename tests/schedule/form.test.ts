import { FORM_PROBLEMS, readScheduleForm } from '../../schedule/form';
import { loadOrThrow } from '../../testkit/kb';
import { WEEKLY_FORM } from '../../testkit/scheduling';

const kb = loadOrThrow();
const NOW = new Date('2026-11-24T12:00:00Z');
const problems = (change: Record<string, unknown>) => {
  const read = readScheduleForm({ ...WEEKLY_FORM, ...change }, kb, NOW);
  return 'problems' in read ? read.problems : [];
};

describe('the schedule form', () => {
  test('good values become the spec to save', () => {
    expect(
      readScheduleForm(
        { ...WEEKLY_FORM, content: 'value, principle', weekdays: '3,1,3', time: ' 09:30 ', endDate: '2027-01-31' },
        kb,
        NOW,
      ),
    ).toEqual({
      spec: {
        kind: 'post',
        frameworkId: 'lbbd',
        content: ['value', 'principle'],
        weekdays: [1, 3],
        time: '09:30',
        timeZone: 'Europe/London',
        cadence: 'weekly',
        anchorWeek: '2026-11-23',
        endDate: '2027-01-31',
      },
    });
    expect(
      readScheduleForm(
        { ...WEEKLY_FORM, cadence: 'weekdays', weekdays: '', kind: 'meeting-opener', leadMinutes: 10 },
        kb,
        NOW,
      ),
    ).toMatchObject({ spec: { kind: 'meeting-opener', weekdays: [1, 2, 3, 4, 5], leadMinutes: 10 } });
    expect(readScheduleForm({ ...WEEKLY_FORM, kind: undefined }, kb, NOW)).toMatchObject({ spec: { kind: 'post' } });
    expect(readScheduleForm({ ...WEEKLY_FORM, kind: 'post', leadMinutes: 'x' }, kb, NOW)).toMatchObject({
      spec: { kind: 'post' },
    });
  });

  test("every problem is listed at once, in the form's order, in the words people see", () => {
    expect(
      problems({
        frameworkId: 'nope',
        content: 'principle,gossip',
        cadence: 'hourly',
        weekdays: '9',
        time: '25:00',
        timeZone: 'Mars/Olympus',
        endDate: '2026-02-30',
        kind: 'poster',
      }),
    ).toEqual([
      FORM_PROBLEMS.framework,
      FORM_PROBLEMS.content,
      FORM_PROBLEMS.cadence,
      FORM_PROBLEMS.days,
      FORM_PROBLEMS.time,
      '"Mars/Olympus" is not a time zone I know. Use a name such as Europe/London.',
      FORM_PROBLEMS.endDate,
      FORM_PROBLEMS.kind,
    ]);
    expect(problems({})).toEqual([]);
    expect(readScheduleForm({}, kb, NOW)).toMatchObject({
      problems: expect.arrayContaining([
        FORM_PROBLEMS.framework,
        FORM_PROBLEMS.content,
        FORM_PROBLEMS.cadence,
        FORM_PROBLEMS.time,
      ]),
    });
  });

  test('checks that need the knowledge base, the clock or other fields', () => {
    expect(problems({ frameworkId: 'jersey', content: 'principle' })).toEqual([
      'The Jersey framework has no principles. Choose something it has.',
    ]);
    // A kind it lacks is named even beside a kind that is no kind at all.
    expect(problems({ frameworkId: 'jersey', content: 'principle,gossip' })).toEqual([
      FORM_PROBLEMS.content,
      'The Jersey framework has no principles. Choose something it has.',
    ]);
    expect(problems({ endDate: '2026-11-23' })).toEqual([FORM_PROBLEMS.endDatePassed]);
    expect(problems({ endDate: '2026-11-24' })).toEqual([]);
    expect(problems({ endDate: '2026-11-23', timeZone: 'Nowhere' })).toEqual([FORM_PROBLEMS.timeZone('Nowhere')]);
    expect(problems({ kind: 'meeting-opener', leadMinutes: '121' })).toEqual([FORM_PROBLEMS.leadMinutes]);
    expect(problems({ kind: 'meeting-opener', leadMinutes: '2.5' })).toEqual([FORM_PROBLEMS.leadMinutes]);
    expect(problems({ kind: 'meeting-opener', leadMinutes: 0 })).toEqual([]);
    expect(problems({ cadence: 'nope', weekdays: '' })).toEqual([FORM_PROBLEMS.cadence, FORM_PROBLEMS.days]);
    expect(problems({ timeZone: `${'x'.repeat(80)}` })).toEqual([FORM_PROBLEMS.timeZone('x'.repeat(80))]);
    expect(FORM_PROBLEMS.timeZone('x'.repeat(80))).toContain(`"${'x'.repeat(60)}"`);
  });
});
