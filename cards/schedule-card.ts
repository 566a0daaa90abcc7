import type { KnowledgeBase } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element, Input } from './elements';
import { actionSet, heading, small, text, title } from './elements';
import type { CardMessage } from './types';

/** One of the channel's subscriptions, as the card shows it (words, not ids). */
export interface ScheduleLine {
  readonly number: number;
  readonly what: string;
  readonly when: string;
  readonly state: string;
  readonly next?: string;
}

export interface ScheduleCardInput {
  readonly kb: KnowledgeBase;
  readonly lines: readonly ScheduleLine[];
  readonly frameworkId: string;
  readonly timeZone: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CONTENT = [
  { title: 'Principles', value: 'principle' },
  { title: 'Values', value: 'value' },
  { title: 'Approaches', value: 'approach' },
  { title: 'Ingredients', value: 'ingredient' },
];

/** The id of the part of the form that only meeting openers need. */
export const MEETING_OPENER_PART = 'meetingOpenerPart';

/** This channel's schedules, and a form to add one. */
export function scheduleCard(input: ScheduleCardInput): CardMessage {
  const { kb } = input;
  const choose = (
    id: string,
    label: string,
    choices: NonNullable<Input['choices']>,
    value: string,
    more: Partial<Input> = {},
  ): Input => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    value,
    style: 'compact',
    isRequired: true,
    errorMessage: `Please choose ${label.toLowerCase()}.`,
    ...more,
  });
  const existing: Element[] =
    input.lines.length === 0
      ? [text('This channel has no scheduled posts yet.')]
      : input.lines.flatMap((l) => [
          text(`**${l.number}. ${l.what}**, ${l.when}`, { spacing: 'Small' }),
          small(`${l.state}${l.next ? ` · next: ${l.next}` : ''}`),
        ]);
  const form: Element[] = [
    heading('Add a scheduled post'),
    // Posts keep to the place's framework: the form offers only it (type "framework" to change the place's).
    choose(
      'frameworkId',
      'Framework',
      kb.frameworks.filter((f) => f.id === input.frameworkId).map((f) => ({ title: f.shortName, value: f.id })),
      input.frameworkId,
    ),
    choose(
      'content',
      'What to post',
      CONTENT.filter((c) => kb.entries.some((e) => e.frameworkId === input.frameworkId && e.kind === c.value)),
      kb.entries.find((e) => e.frameworkId === input.frameworkId && e.kind !== 'overview')?.kind ?? 'principle',
      { isMultiSelect: true, style: 'expanded' },
    ),
    choose(
      'cadence',
      'How often',
      [
        { title: 'Weekly', value: 'weekly' },
        { title: 'Every other week', value: 'fortnightly' },
        { title: 'Every weekday (Monday to Friday)', value: 'weekdays' },
      ],
      'weekly',
    ),
    choose(
      'weekdays',
      'On which days (weekly and every other week)',
      WEEKDAYS.map((d, i) => ({ title: d, value: String(i + 1) })),
      '1',
      { isMultiSelect: true, style: 'expanded', isRequired: false },
    ),
    {
      type: 'Input.Time',
      id: 'time',
      label: 'At what time',
      value: '09:00',
      isRequired: true,
      errorMessage: 'Please give a time.',
    },
    {
      type: 'Input.Text',
      id: 'timeZone',
      label: 'Time zone',
      value: input.timeZone,
      isRequired: true,
      errorMessage: 'Please give a time zone, such as Europe/London.',
    },
    { type: 'Input.Date', id: 'endDate', label: 'Stop after (optional)' },
    // Adaptive Cards 1.5 cannot show an input depending on a choice, so the kind is picked by button:
    // "Save schedule" saves a reflection post; "Make it a meeting opener" shows the minutes and its own Save.
    actionSet([
      { type: 'Action.Execute', title: 'Save schedule', verb: 'scheduleSave', data: { kind: 'post' } },
      { type: 'Action.ToggleVisibility', title: 'Make it a meeting opener', targetElements: [MEETING_OPENER_PART] },
    ]),
    {
      type: 'Container',
      id: MEETING_OPENER_PART,
      isVisible: false,
      items: [
        text('A meeting opener is posted a few minutes before a regular meeting held at the time above.', {
          spacing: 'Small',
        }),
        {
          type: 'Input.Number',
          id: 'leadMinutes',
          label: 'Minutes before the meeting',
          value: '5',
          min: 0,
          max: 120,
          isRequired: true,
          errorMessage: 'Please give a whole number of minutes from 0 to 120.',
        },
        actionSet([
          {
            type: 'Action.Execute',
            title: 'Save meeting opener',
            verb: 'scheduleSave',
            data: { kind: 'meeting-opener' },
          },
        ]),
      ],
    },
  ];
  const body: Element[] = [
    title('Scheduled posts'),
    ...existing,
    small(
      'Type "schedule pause", "schedule resume", "schedule skip", "schedule preview", "schedule post now", "schedule history" or "unsubscribe". Add a number to pick one, e.g. "schedule skip 2".',
    ),
    ...form,
  ];
  const summary =
    input.lines.length === 0
      ? 'No scheduled posts yet'
      : `${input.lines.length} scheduled post${input.lines.length === 1 ? '' : 's'}`;
  return cardMessage({
    body,
    speak: `Scheduled posts. ${summary}.`,
    fallbackText: [summary, ...input.lines.map((l) => `${l.number}. ${l.what}, ${l.when} (${l.state})`)].join('\n'),
    summary,
  });
}
