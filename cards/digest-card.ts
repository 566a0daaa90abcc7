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
  readonly helpful: number;
  readonly notHelpful: number;
  readonly postsSent: number;
  readonly postsFailed: number;
  /** Posts whose sender stopped mid-send: they may not have arrived. */
  readonly postsUncertain: number;
  /** The entries that answered most questions, most first. */
  readonly mostAsked: ReadonlyArray<{ readonly title: string; readonly count: number }>;
  readonly suggestionsWaiting: number;
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

/** The weekly digest: last week's numbers, the most asked entries, what needs the lead, and a button to the console. */
export function digestCard(figures: DigestFigures, consoleUrl: string): CardMessage {
  const needs: string[] = [];
  if (figures.suggestionsWaiting > 0)
    needs.push(
      `${plural(figures.suggestionsWaiting, 'suggested question is', 'suggested questions are')} waiting for you.`,
    );
  if (figures.postsFailed > 0)
    needs.push(`${plural(figures.postsFailed, 'scheduled post', 'scheduled posts')} failed.`);
  if (figures.postsUncertain > 0)
    needs.push(`${plural(figures.postsUncertain, 'scheduled post', 'scheduled posts')} may not have posted.`);
  const body: Element[] = [
    small(`Weekly digest · Monday ${longDay(figures.from)} to Sunday ${longDay(figures.to)}`),
    title('Last week in Practice Companion'),
    factSet([
      ['Questions answered', String(figures.answered)],
      ['Not sure', String(figures.notSure)],
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
    ...(needs.length > 0 ? needs.map((n) => text(n)) : [text('Nothing needs you this week.')]),
    small('Type "digest off" here to stop this digest, "digest on" to start it again.'),
    actionSet([{ type: 'Action.OpenUrl', title: 'Open the console', url: consoleUrl }]),
  ];
  const summary = `Last week: ${plural(figures.answered, 'question', 'questions')} answered${needs.length > 0 ? `; ${needs.length} ${needs.length === 1 ? 'thing needs' : 'things need'} you` : ''}`;
  return cardMessage({ body, speak: summary, fallbackText: `${summary}. Open the console: ${consoleUrl}`, summary });
}
