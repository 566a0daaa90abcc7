import { DateTime } from 'luxon';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { Cadence, ContentKind, SubscriptionSpec } from './model';
import { KIND_PLURAL, KINDS } from './describe';
import { isoDay, isTimeZone, mondayOf } from './slots';

/**
 * The schedule form's values as Teams sends them: every input a string (multi-selects joined with
 * commas). The card action's transport schema (cards/actions.ts) has already bounded their lengths.
 */
export interface ScheduleFormInput {
  readonly frameworkId?: string | undefined;
  readonly content?: string | undefined;
  readonly cadence?: string | undefined;
  readonly weekdays?: string | undefined;
  readonly time?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly endDate?: string | undefined;
  readonly kind?: string | undefined;
  readonly leadMinutes?: string | number | undefined;
}

/** What to fix, in the words people see: each issue's message is the reply's line. */
export const FORM_PROBLEMS = Object.freeze({
  framework: 'Choose a framework.',
  content: 'Choose what to post: principles, values, approaches or ingredients.',
  frameworkLacks: (shortName: string, kinds: readonly ContentKind[]) =>
    `The ${shortName} framework has no ${kinds.map((k) => KIND_PLURAL[k]).join(' or ')}. Choose something it has.`,
  cadence: 'Choose how often: weekly, every other week or every weekday.',
  days: 'Choose at least one day.',
  time: 'Give the time as hours and minutes, for example 09:00.',
  timeZone: (name: string) => `"${name.slice(0, 60)}" is not a time zone I know. Use a name such as Europe/London.`,
  endDate: 'Give the end date as year-month-day, or leave it empty.',
  endDatePassed: 'The end date has passed. Choose a later one, or leave it empty.',
  kind: 'Choose the kind of post.',
  leadMinutes: 'Give the minutes before the meeting as a whole number from 0 to 120.',
});

const CADENCES = ['weekly', 'fortnightly', 'weekdays'] as const satisfies readonly Cadence[];
const isKind = (k: string): k is ContentKind => (KINDS as readonly string[]).includes(k);
/** An input Teams may leave out: the empty string when it does. */
const text = () =>
  z
    .string()
    .optional()
    .transform((v) => v ?? '');
const trimmed = () => text().pipe(z.string().trim());
/** A rule across fields runs when the fields it reads are sound, whatever else is wrong, so every problem is listed at once. */
const whenSound = (...fields: string[]) => ({
  when: (p: { issues: ReadonlyArray<{ path?: PropertyKey[] | undefined }> }) =>
    !p.issues.some((i) => fields.includes(String(i.path?.[0]))),
});

/** The form's fields, in the order their problems are listed. */
const FIELD_ORDER = [
  'frameworkId',
  'content',
  'cadence',
  'weekdays',
  'time',
  'timeZone',
  'endDate',
  'kind',
  'leadMinutes',
] as const;

function fields(kb: KnowledgeBase) {
  return {
    frameworkId: text().refine((id) => kb.framework(id) !== undefined, FORM_PROBLEMS.framework),
    content: text().transform((v, ctx) => {
      const chosen = v
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const kinds = chosen.filter(isKind);
      if (kinds.length === 0 || kinds.length !== chosen.length)
        ctx.issues.push({ code: 'custom', message: FORM_PROBLEMS.content, input: v });
      return kinds;
    }),
    cadence: z.enum(CADENCES, { error: FORM_PROBLEMS.cadence }),
    weekdays: text().transform((v) =>
      [
        ...new Set(
          v
            .split(',')
            .map((d) => Number(d.trim()))
            .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7),
        ),
      ].sort(),
    ),
    time: trimmed().pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, FORM_PROBLEMS.time)),
    timeZone: trimmed().refine(isTimeZone, { error: (issue) => FORM_PROBLEMS.timeZone(String(issue.input)) }),
    endDate: trimmed().refine(
      (d) => d === '' || (/^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid),
      FORM_PROBLEMS.endDate,
    ),
    kind: z
      .enum(['post', 'meeting-opener'], { error: FORM_PROBLEMS.kind })
      .optional()
      .transform((k) => k ?? 'post'),
    leadMinutes: z
      .union([z.string(), z.number()])
      .optional()
      .transform((v) => Number(v ?? 0)),
  } satisfies Record<(typeof FIELD_ORDER)[number], z.ZodType>;
}

/**
 * The schedule form's validator: the form's values in, a subscription's spec out. Checks that need
 * the knowledge base (the framework exists and has the chosen kinds) and the clock (the end date has
 * not passed, in the chosen time zone) are rules of the same schema.
 */
export function scheduleFormSchema(kb: KnowledgeBase, now: Date) {
  return z
    .object(fields(kb))
    .refine((v) => kb.framework(v.frameworkId) === undefined || lacking(kb, v.frameworkId, v.content).length === 0, {
      path: ['content'],
      error: (issue) => {
        // The input here is the object the fields above produced.
        const v = issue.input as { frameworkId: string; content: ContentKind[] };
        return FORM_PROBLEMS.frameworkLacks(
          kb.framework(v.frameworkId)?.shortName ?? v.frameworkId,
          lacking(kb, v.frameworkId, v.content),
        );
      },
      ...whenSound('frameworkId'),
    })
    .refine((v) => v.cadence === 'weekdays' || v.weekdays.length > 0, {
      path: ['weekdays'],
      message: FORM_PROBLEMS.days,
      ...whenSound('weekdays'),
    })
    .refine((v) => v.endDate === '' || v.endDate >= isoDay(DateTime.fromJSDate(now, { zone: v.timeZone })), {
      path: ['endDate'],
      message: FORM_PROBLEMS.endDatePassed,
      ...whenSound('endDate', 'timeZone'),
    })
    .refine(
      (v) =>
        v.kind !== 'meeting-opener' || (Number.isInteger(v.leadMinutes) && v.leadMinutes >= 0 && v.leadMinutes <= 120),
      {
        path: ['leadMinutes'],
        message: FORM_PROBLEMS.leadMinutes,
        ...whenSound('kind'),
      },
    )
    .transform((v): SubscriptionSpec => ({
      kind: v.kind,
      frameworkId: v.frameworkId,
      content: v.content,
      weekdays: v.cadence === 'weekdays' ? [1, 2, 3, 4, 5] : v.weekdays,
      time: v.time,
      timeZone: v.timeZone,
      cadence: v.cadence,
      anchorWeek: mondayOf(now, v.timeZone),
      ...(v.endDate !== '' && { endDate: v.endDate }),
      ...(v.kind === 'meeting-opener' && { leadMinutes: v.leadMinutes }),
    }));
}

/** The chosen kinds the framework has no entries of. */
function lacking(kb: KnowledgeBase, frameworkId: string, kinds: readonly ContentKind[]): ContentKind[] {
  return kinds.filter((k) => !kb.entries.some((e) => e.frameworkId === frameworkId && e.kind === k));
}

/** Reads the form: the spec to save, or every problem to fix, in the form's order. */
export function readScheduleForm(
  data: ScheduleFormInput,
  kb: KnowledgeBase,
  now: Date,
): { spec: SubscriptionSpec } | { problems: string[] } {
  const read = scheduleFormSchema(kb, now).safeParse(data);
  if (read.success) return { spec: read.data };
  const rank = (path: readonly PropertyKey[]) => (FIELD_ORDER as readonly PropertyKey[]).indexOf(path[0] ?? '');
  return { problems: [...read.error.issues].sort((a, b) => rank(a.path) - rank(b.path)).map((i) => i.message) };
}
