import { z } from 'zod';

/** The kinds of entry a framework file may hold. */
export const KINDS = ['value', 'principle', 'approach', 'ingredient', 'overview'] as const;
export type Kind = (typeof KINDS)[number];

export const MIN_PROMPTS = 3;
export const MIN_GROUP_PROMPTS = 2;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Each message finishes the sentence "<field> …" and says how to fix it. */
const text = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `is missing: add ${what}`
          : `must be text, not ${typeof issue.input}: write ${what}`,
    })
    .trim()
    .min(1, { error: `is empty: write ${what}` });

const id = (what: string) =>
  text(what).regex(ID_PATTERN, {
    error: 'must be lower-case letters, digits and single hyphens, like "lbbd-be-human"',
  });

const textList = (what: string, min: number) =>
  z
    .array(
      z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(what)),
      {
        error: (issue) =>
          issue.input === undefined ? `is missing: add a list of ${what}` : `must be a list of ${what}`,
      },
    )
    .min(min, {
      error: (issue) => {
        const count = Array.isArray(issue.input) ? issue.input.length : 0;
        return `has ${count}, needs at least ${min}: add more ${what}`;
      },
    });

/** Check questions: what Check and Publish ask the bot, before and after an edit (none is fine). */
const checkList = (what: string) =>
  z.array(
    z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(what)),
    { error: `must be a list of ${what}, one a line` },
  );

const kind = z.enum(KINDS, {
  error: (issue) =>
    issue.input === undefined
      ? `is missing: add one of ${KINDS.join(', ')}`
      : `is "${String(issue.input)}", which is not a kind: use one of ${KINDS.join(', ')}`,
});

const isoDate = (what: string) =>
  text(what)
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `must be a date written year-month-day, like "2026-11-30": write ${what}` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
      error: 'is not a real date: check the month and day',
    });

/** One place to go: a short text, and optionally a link (https only; never invent one). */
const signpost = (what: string) =>
  z.strictObject(
    {
      text: text(what),
      link: z
        .string({ error: 'must be a web address starting https://' })
        .trim()
        .regex(/^https:\/\/[^\s]+$/, { error: 'must be a web address starting https://, or left out' })
        .optional(),
    },
    { error: (issue) => unknownField(issue) },
  );

/**
 * Where people go for what the bot is not for. The first four are required; the last three came later
 * (issue 22), so a file without them still loads: the general default is shown and `kb validate` warns.
 */
export const signpostsSchema = z.strictObject(
  {
    urgent: signpost(
      'what to do when a child may be at immediate risk, e.g. "If a child is in immediate danger, call 999…"',
    ),
    case_advice: signpost('where advice about a case comes from: manager, duty team, practice lead'),
    procedures: signpost('where the local safeguarding procedures are'),
    staff_support: signpost('support for staff: supervision, employee assistance'),
    worker_safety: signpost(
      'what a worker does when they are threatened or hurt: 999 if in danger now, somewhere safe, manager, incident record, lone-working procedure',
    ).optional(),
    crisis: signpost(
      'where a worker thinking of ending their life can turn now: 999, a crisis line that is true where you are, employee assistance',
    ).optional(),
    employment: signpost(
      'where questions about the job go: leave, pay, mileage, IT, who holds a role (HR, the intranet)',
    ).optional(),
  },
  { error: (issue) => unknownField(issue) },
);

export const frameworkSchema = z
  .strictObject(
    {
      id: id('a short id for the framework, like "lbbd"'),
      name: text("the framework's full display name"),
      short_name: text('a short name, like "Barking & Dagenham"'),
      organisation: text('the organisation that owns the framework'),
      author: text('the author or approver'),
      author_role: z.enum(['author', 'approver'], {
        error: 'must be "author" or "approver"',
      }),
      date: z
        .union([z.string(), z.number()], { error: 'is missing: add the date of the source, like "2021"' })
        .transform(String)
        .pipe(text('the date of the source')),
      source: text('the title of the source document'),
      description: text('a short plain description'),
      aliases: textList('names people use for this framework in a question', 1),
      examples: textList('example questions, as practitioners would type them', 3).optional(),
      reviewed_by: text('who reviewed the content for this framework, with their role').optional(),
      reviewed_on: isoDate('the date of the last review').optional(),
      review_due: isoDate('when the next review is due').optional(),
      off_topic_checks: checkList('questions staff might ask that this framework should not answer').optional(),
    },
    { error: (issue) => unknownField(issue) },
  )
  .superRefine((f, ctx) => {
    const given = (['reviewed_by', 'reviewed_on', 'review_due'] as const).filter((k) => f[k] !== undefined);
    if (given.length > 0 && given.length < 3) {
      for (const k of (['reviewed_by', 'reviewed_on', 'review_due'] as const).filter((k) => f[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message:
            'is missing: a review records who reviewed it (reviewed_by), when (reviewed_on) and when it is next due (review_due); give all three',
        });
      }
    }
    if (f.reviewed_on !== undefined && f.review_due !== undefined && f.review_due <= f.reviewed_on) {
      ctx.addIssue({
        code: 'custom',
        path: ['review_due'],
        message: `is not after reviewed_on (${f.reviewed_on}): give the date the next review is due`,
      });
    }
  });

export const entrySchema = z
  .strictObject(
    {
      id: id('a stable id, like "lbbd-be-human"'),
      kind,
      number: z
        .number({ error: 'must be a whole number, like 7' })
        .int({ error: 'must be a whole number, like 7' })
        .positive({ error: 'must be 1 or more' })
        .optional(),
      lists: kind.optional(),
      acronym: text('the acronym whose letters name the listed entries').optional(),
      title: text('a short title'),
      summary: text('a one- or two-sentence summary in plain words'),
      text: text('the full text, faithful to the source'),
      who_uses: text('who uses this approach').optional(),
      why: text('why this approach is used').optional(),
      notes: text('notes on corrections made to the source').optional(),
      aliases: textList('aliases (synonyms, acronyms, misspellings)', 1),
      keywords: textList('keywords', 1),
      /**
       * Typical staff questions and situations this entry answers, written from the source's ideas. Searched,
       * never shown to staff: a practice lead improves answers here without code (issue 27).
       */
      questions: textList('typical staff questions or situations this entry answers', 1).optional(),
      related: z.array(id('the id of a related entry'), { error: 'must be a list of entry ids' }).default([]),
      prompts: textList('open reflection prompts for a practitioner', MIN_PROMPTS),
      group_prompts: textList('reflection prompts worded for a team', MIN_GROUP_PROMPTS),
      checks: checkList('questions staff might ask that this entry should answer').optional(),
      retired: z
        .literal(true, { error: 'must be true, or left out: a retired entry stops answering but keeps its id' })
        .optional(),
    },
    { error: (issue) => unknownField(issue) },
  )
  .superRefine((entry, ctx) => {
    if (entry.kind === 'approach') {
      for (const field of ['who_uses', 'why'] as const) {
        if (entry[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `is missing: every approach says ${field === 'who_uses' ? 'who uses it' : 'why it is used'}`,
          });
        }
      }
    }
    if (entry.kind !== 'overview') {
      for (const field of ['lists', 'acronym'] as const) {
        if (entry[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `is only for overview entries: remove it, or make this entry kind: overview`,
          });
        }
      }
    }
    if (entry.acronym !== undefined && entry.lists === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['acronym'],
        message: 'needs "lists" too: say which kind of entry the letters stand for',
      });
    }
  });

export const fileSchema = z.strictObject(
  {
    framework: frameworkSchema,
    signposts: signpostsSchema,
    entries: z
      .array(entrySchema, { error: 'is missing: add a list of entries' })
      .min(1, { error: 'is empty: add at least one entry' }),
  },
  { error: (issue) => unknownField(issue) },
);

function unknownField(issue: { code?: string; input?: unknown; keys?: string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    return `is not a field we know: check the spelling (see knowledge/README.md for the fields)`;
  }
  if (issue.input === undefined) return 'is missing: add it';
  if (issue.code === 'invalid_type') return 'must be a mapping of fields (key: value)';
  return undefined;
}

export type FrameworkFile = z.infer<typeof fileSchema>;
