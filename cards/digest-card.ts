import { cardMessage } from './card-message';
import type { Element } from './elements';
import { actionSet, factSet, heading, small, text, title } from './elements';
import type { CardMessage } from './types';

/** Last week's figures for a practice lead: counts and entry titles only, never anything people typed. */
export interface DigestFigures {
  /** Monday and Sunday of the week described (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly answered: number;
  readonly notSure: number;
  /** "Not sure" as whole per cent of questions, last week and the week before (null: no questions); rising when up. */
  readonly notSureRate: { readonly now: number | null; readonly before: number | null; readonly rising: boolean };
  readonly helpful: number;
  readonly notHelpful: number;
  /** Entries voted "Not helpful" last week, most first. */
  readonly notHelpfulEntries: ReadonlyArray<{
    readonly title: string;
    readonly notHelpful: number;
    readonly helpful: number;
  }>;
  readonly postsSent: number;
  readonly postsFailed: number;
  /** Posts whose sender stopped mid-send: they may not have arrived. */
  readonly postsUncertain: number;
  /** The entries that answered most questions, most first. */
  readonly mostAsked: ReadonlyArray<{ readonly title: string; readonly count: number }>;
  readonly suggestionsWaiting: number;
  /** Versions published in the console last week: the framework's short name, the version, the day (YYYY-MM-DD). */
  readonly published: ReadonlyArray<{ readonly framework: string; readonly version: number; readonly on: string }>;
  /** Frameworks whose next review is due within 30 days, or past (YYYY-MM-DD). */
  readonly reviewsDue: ReadonlyArray<{ readonly framework: string; readonly due: string }>;
}

/** "23 November 2026" from YYYY-MM-DD. */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const longDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1] ?? ''} ${year}`;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** At most this many entries voted "Not helpful" are named; the console has them all. */
const NOT_HELPFUL_SHOWN = 5;

/** What needs the lead this week, each as one or more elements. */
function needsYou(figures: DigestFigures): Element[][] {
  const needs: Element[][] = [];
  const { now, before, rising } = figures.notSureRate;
  if (rising && now !== null && before !== null)
    needs.push([text(`Not sure went up: ${now}% of questions last week, from ${before}% the week before.`)]);
  const voted = figures.notHelpfulEntries;
  if (voted.length > 0)
    needs.push([
      text(`${plural(voted.length, 'entry', 'entries')} got "Not helpful" votes:`),
      factSet(
        voted.slice(0, NOT_HELPFUL_SHOWN).map((e) => [e.title, `${e.notHelpful} not helpful, ${e.helpful} helpful`]),
      ),
      ...(voted.length > NOT_HELPFUL_SHOWN
        ? [small(`And ${voted.length - NOT_HELPFUL_SHOWN} more in the console.`)]
        : []),
    ]);
  const nextMonday = Date.parse(`${figures.to}T00:00:00Z`) + 86_400_000;
  for (const r of figures.reviewsDue)
    needs.push([
      text(
        `${r.framework}'s framework ${Date.parse(`${r.due}T00:00:00Z`) < nextMonday ? 'was' : 'is'} due for review on ${longDay(r.due)}.`,
      ),
    ]);
  if (figures.suggestionsWaiting > 0)
    needs.push([
      text(
        `${plural(figures.suggestionsWaiting, 'suggested question is', 'suggested questions are')} waiting for you.`,
      ),
    ]);
  if (figures.postsFailed > 0)
    needs.push([text(`${plural(figures.postsFailed, 'scheduled post', 'scheduled posts')} failed.`)]);
  if (figures.postsUncertain > 0)
    needs.push([text(`${plural(figures.postsUncertain, 'scheduled post', 'scheduled posts')} may not have posted.`)]);
  return needs;
}

/**
 * The weekly digest: last week's numbers, the most asked entries, what needs the lead (a rising
 * not-sure rate, entries voted "Not helpful", a review falling due, questions waiting, posts that
 * failed), versions published, and a button to the console.
 */
export function digestCard(figures: DigestFigures, consoleUrl: string): CardMessage {
  const needs = needsYou(figures);
  const rate = figures.notSureRate.now === null ? '' : ` (${figures.notSureRate.now}%)`;
  const body: Element[] = [
    small(`Weekly digest · Monday ${longDay(figures.from)} to Sunday ${longDay(figures.to)}`),
    title('Last week in Practice Companion'),
    factSet([
      ['Questions answered', String(figures.answered)],
      ['Not sure', `${figures.notSure}${rate}`],
      ['Helpful votes', String(figures.helpful)],
      ['Not helpful votes', String(figures.notHelpful)],
      ['Posts sent', String(figures.postsSent)],
      ['Posts failed', String(figures.postsFailed)],
    ]),
    heading('Most asked'),
    figures.mostAsked.length > 0
      ? factSet(figures.mostAsked.map((e) => [e.title, String(e.count)] as const))
      : text('No questions were answered last week.'),
    heading('Needs you'),
    ...(needs.length > 0 ? needs.flat() : [text('Nothing needs you this week.')]),
    ...(figures.published.length > 0
      ? [
          heading('Published last week'),
          factSet(figures.published.map((p) => [p.framework, `Version ${p.version}, ${longDay(p.on)}`] as const)),
        ]
      : []),
    small('Type "digest off" here to stop this digest, "digest on" to start it again.'),
    actionSet([{ type: 'Action.OpenUrl', title: 'Open the console', url: consoleUrl }]),
  ];
  const summary = `Last week: ${plural(figures.answered, 'question', 'questions')} answered${needs.length > 0 ? `; ${needs.length} ${needs.length === 1 ? 'thing needs' : 'things need'} you` : ''}`;
  return cardMessage({ body, speak: summary, fallbackText: `${summary}. Open the console: ${consoleUrl}`, summary });
}
