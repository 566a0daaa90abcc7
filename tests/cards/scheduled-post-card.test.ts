import { scheduleCard, scheduledPostCard } from '../../cards';
import { textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const items = kb.entries.filter((e) => e.kind !== 'overview').map((e) => [e.id, e] as const);

describe('the scheduled post card', () => {
  test.each(items)(
    '%s renders clean at 1.5 with its place and two group prompts, never individual ones, and asks for no case details',
    (_id, entry) => {
      const message = scheduledPostCard({ kb, entry, prompts: [0, 1], position: 4, of: 10, kindsInCycle: 1 });
      expectWellFormed(message);
      const texts = textsOf(message.card).join('\n');
      expect(texts).toContain(`${entry.kind[0]!.toUpperCase()}${entry.kind.slice(1)} 4 of 10`);
      expect(texts).toContain(entry.groupPrompts[0]);
      expect(texts).toContain(entry.groupPrompts[1]);
      for (const p of entry.prompts) expect(texts).not.toContain(p);
      expect(textsOf(message.card)).toContain(
        "Please keep replies general: don't share details of children or families here.",
      );
    },
  );

  test('a post planned before channel posts used group prompts (an index past them) still gets a group prompt', () => {
    const entry = kb.entry('lbbd-cares')!;
    const texts = textsOf(
      scheduledPostCard({ kb, entry, prompts: [3], position: 1, of: 5, kindsInCycle: 1 }).card,
    ).join('\n');
    expect(texts).toContain(entry.groupPrompts[3 % entry.groupPrompts.length]!);
    expect(texts).not.toContain('Think about a recent visit');
  });

  test('a mix of kinds says "4 of 17" rather than naming one kind', () => {
    const entry = kb.entry('lbbd-be-collaborative')!;
    expect(
      textsOf(scheduledPostCard({ kb, entry, prompts: [2], position: 4, of: 17, kindsInCycle: 2 }).card).join('\n'),
    ).toContain("This week's reflection · 4 of 17 in");
  });
});

describe('the schedule card', () => {
  test('renders clean with no schedules and with several', () => {
    expectWellFormed(scheduleCard({ kb, lines: [], frameworkId: 'lbbd', timeZone: 'Europe/London' }));
    const message = scheduleCard({
      kb,
      lines: [
        {
          number: 1,
          what: 'Barking & Dagenham principles',
          when: 'every Monday at 09:00 (Europe/London)',
          state: 'On',
          next: 'Mon 30 Nov 2026 at 09:00',
        },
        { number: 2, what: 'Jersey ingredients', when: 'every Friday at 15:30 (Europe/London)', state: 'Paused' },
      ],
      frameworkId: 'lbbd',
      timeZone: 'Europe/London',
    });
    expectWellFormed(message);
    expect(textsOf(message.card).join('\n')).toContain('Paused');
  });
});
